import type { DeadlineState, RegistrationStatus } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<RegistrationStatus, string> = {
  submitted: 'processing',
  infoRequested: 'warning',
  completed: 'success',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="portal-registration-status" data-status={status}>
      {t(`portal.registration.status.${status}`)}
    </Tag>
  );
}

const DEADLINE_COLOR: Record<DeadlineState, string> = { onTime: 'default', dueToday: 'orange', overdue: 'red' };

/** The office's deadline while the clock runs (null: waiting for the family, or done). */
export function DeadlineTag({ deadline, state }: { deadline: string | null; state: DeadlineState | null }) {
  const { t } = useTranslation();
  if (!deadline || !state) return null;
  return (
    <Tag color={DEADLINE_COLOR[state]} data-testid="portal-deadline" data-state={state}>
      {t(`portal.deadline.${state}`, { date: deadline })}
    </Tag>
  );
}
