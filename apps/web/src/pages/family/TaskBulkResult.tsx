import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskBulkResult as Result } from '../../api/familyTypes';

type Props = { result: Result; numberOf: (id: number) => string; onClose: () => void };

/** What a bulk completion did: how many tasks were completed, and each one skipped with the server's reason. */
export function TaskBulkResult({ result, numberOf, onClose }: Props) {
  const { t } = useTranslation();
  const done = result.results.filter((r) => r.outcome === 'done').length;
  const skipped = result.results.filter((r) => r.outcome === 'skipped');
  return (
    <Alert
      type={skipped.length === 0 ? 'success' : 'warning'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="bulk-result"
      title={t('family.bulk.summary', { completed: done, skipped: skipped.length })}
      description={
        skipped.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {skipped.map((s) => (
              <li key={s.id} data-testid="bulk-skipped" data-reason={s.code ?? ''}>
                {t('family.bulk.skippedItem', { number: numberOf(s.id), reason: s.reason ?? s.code ?? '' })}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
