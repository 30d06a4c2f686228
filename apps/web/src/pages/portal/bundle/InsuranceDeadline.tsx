import type { BundleTaskView } from '@cradle/contract';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEDICAL_INSURANCE_ENROLMENT_DAYS } from '../../../lib/portalDomain';

/** Medical insurance within 90 days of birth covers costs from birth: the last day, and whether it is missed. */
export function InsuranceDeadline({ task }: { task: BundleTaskView | undefined }) {
  const { t } = useTranslation();
  if (!task?.enrolmentDeadline) return null;
  const done = task.status === 'done';
  const type = task.late ? 'warning' : done ? 'success' : 'info';
  const title = task.late
    ? t(done ? 'portal.bundle.insurance.lateDone' : 'portal.bundle.insurance.lateOpen', {
        date: task.enrolmentDeadline,
      })
    : t(done ? 'portal.bundle.insurance.inTime' : 'portal.bundle.insurance.until', { date: task.enrolmentDeadline });
  return (
    <Alert
      type={type}
      showIcon
      className="portal-card"
      title={title}
      description={t('portal.bundle.insurance.why', { days: MEDICAL_INSURANCE_ENROLMENT_DAYS })}
      data-testid="portal-insurance-deadline"
      data-late={task.late}
    />
  );
}
