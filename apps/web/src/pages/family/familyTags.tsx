import type { DeadlineState, RegistrationStatus, TaskStatus } from '@cradle/contract';
import { ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const DEADLINE_COLOR: Record<DeadlineState, string> = { onTime: 'default', dueToday: 'gold', overdue: 'red' };
const REGISTRATION_COLOR: Record<RegistrationStatus, string> = {
  submitted: 'processing',
  infoRequested: 'orange',
  completed: 'success',
};
const TASK_COLOR: Record<TaskStatus, string> = {
  waiting: 'default',
  pending: 'processing',
  returned: 'orange',
  done: 'success',
};

/** The row class that highlights a queue row by its deadline (family.css). */
export function deadlineRowClass(state: DeadlineState | null): string {
  if (state === 'overdue') return 'family-row-overdue';
  if (state === 'dueToday') return 'family-row-due-today';
  return '';
}

/** The deadline date, with 今日到期 or 已超期 beside it while the clock runs. */
export function Deadline({ date, state }: { date: string | null; state: DeadlineState | null }) {
  const { t } = useTranslation();
  if (date === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span data-testid="deadline" data-state={state ?? ''}>
      <Typography.Text type={state === 'overdue' ? 'danger' : undefined} className="mono">
        {date}
      </Typography.Text>{' '}
      {state && state !== 'onTime' && (
        <Tag
          color={DEADLINE_COLOR[state]}
          icon={state === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
        >
          {t(`family.deadline.${state}`)}
        </Tag>
      )}
    </span>
  );
}

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REGISTRATION_COLOR[status]} data-testid="registration-status" data-status={status}>
      {t(`family.registrations.status.${status}`)}
    </Tag>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_COLOR[status]} data-testid="task-status" data-status={status}>
      {t(`family.tasks.status.${status}`)}
    </Tag>
  );
}

/** Registry conflicts on a registration: the worker looks before completing. */
export function ConflictCountTag({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return <Typography.Text type="secondary">{t('family.registrations.noConflicts')}</Typography.Text>;
  return (
    <Tag color="volcano" icon={<WarningOutlined />} data-testid="conflict-count">
      {t('family.registrations.conflictCount', { count })}
    </Tag>
  );
}

/** Medical insurance: the 90-day date that covers costs from birth, and whether enrolment is (or would be) late. */
export function EnrolmentDeadline({ date, late }: { date: string | null; late: boolean }) {
  const { t } = useTranslation();
  if (date === null) return null;
  return (
    <Tooltip title={t('family.tasks.enrolmentDeadlineHint')}>
      <span data-testid="enrolment-deadline" data-late={String(late)}>
        <Typography.Text type="secondary">{t('family.tasks.enrolmentDeadlineShort', { date })}</Typography.Text>{' '}
        {late && (
          <Tag color="red" data-testid="late-flag">
            {t('family.tasks.late')}
          </Tag>
        )}
      </span>
    </Tooltip>
  );
}
