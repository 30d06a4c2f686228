import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationBulkResult as Result } from '../../api/familyTypes';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';

type Props = { result: Result; numberOf: (id: number) => string; onClose: () => void };

/** What a bulk completion did: how many were completed, and each one skipped with the server's reason. */
export function RegistrationBulkResult({ result, numberOf, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const skipped = result.skipped;
  return (
    <Alert
      type={skipped.length === 0 ? 'success' : 'warning'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="bulk-result"
      title={t('family.bulk.summary', { completed: result.completed.length, skipped: skipped.length })}
      description={
        skipped.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {skipped.map((s) => (
              <li key={s.id} data-testid="bulk-skipped" data-reason={s.reason}>
                {t('family.bulk.skippedItem', { number: numberOf(s.id), reason: pick(s.message, lang) })}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
