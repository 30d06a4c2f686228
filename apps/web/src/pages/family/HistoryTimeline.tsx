import type { RegistrationHistoryEntry } from '@cradle/contract';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { optionalLabel } from '../../lib/optionalLabel';

const COLOR: Record<string, string> = {
  'childbirthRegistration.submit': 'blue',
  'childbirthRegistration.requestInfo': 'orange',
  'childbirthRegistration.reply': 'purple',
  'childbirthRegistration.complete': 'green',
};

// A family's own steps are audited as `resident:<id>`: shown as 家庭, never as a number.
const isFamily = (actor: string | null) => actor === null || actor.startsWith('resident:');

/** 办理记录: what happened to the registration, from the audit log, oldest first. */
export function HistoryTimeline({ history }: { history: readonly RegistrationHistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Typography.Text type="secondary">{t('family.history.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="history"
      items={history.map((h, i) => ({
        key: i,
        color: COLOR[h.action] ?? 'gray',
        content: (
          <div data-testid="history-entry" data-action={h.action}>
            <Typography.Text strong>{optionalLabel('family.history', h.action)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(h.at)} · {isFamily(h.actor) ? t('family.history.family') : h.actor}
            </Typography.Text>
            {h.message && <div>{h.message}</div>}
          </div>
        ),
      }))}
    />
  );
}
