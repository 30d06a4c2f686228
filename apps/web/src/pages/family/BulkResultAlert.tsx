import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

export type SkippedItem = { id: number; reason: string; text: string };

type Props = { completed: number; skipped: SkippedItem[]; numberOf: (id: number) => string; onClose: () => void };

/** What a bulk completion did: how many were completed, and each one skipped with the server's reason. */
export function BulkResultAlert({ completed, skipped, numberOf, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      type={skipped.length === 0 ? 'success' : 'warning'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="bulk-result"
      title={t('family.bulk.summary', { completed, skipped: skipped.length })}
      description={
        skipped.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {skipped.map((s) => (
              <li key={s.id} data-testid="bulk-skipped" data-reason={s.reason}>
                {t('family.bulk.skippedItem', { number: numberOf(s.id), reason: s.text })}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
