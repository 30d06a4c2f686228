import type { BundleTaskView, NewbornBundle, TaskStatus } from '@cradle/contract';
import { Alert, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { optionalLabel } from '../../../lib/optionalLabel';
import { pick } from '../../../lib/portalDomain';
import { useLang } from '../../../lib/useLang';
import { DeadlineTag } from '../registration/RegistrationStatusTag';
import { CorrectionForm } from './CorrectionForm';
import { fieldKey } from './corrections';
import { TaskResultText } from './TaskResultText';

const STEP_STATUS: Record<TaskStatus, 'wait' | 'process' | 'finish' | 'error'> = {
  waiting: 'wait',
  pending: 'process',
  returned: 'error',
  done: 'finish',
};
const TAG_COLOR: Record<TaskStatus, string> = {
  waiting: 'default',
  pending: 'processing',
  returned: 'error',
  done: 'success',
};

function TaskContent({
  bundle,
  task,
  onCorrected,
}: {
  bundle: NewbornBundle;
  task: BundleTaskView;
  onCorrected: (b: NewbornBundle) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div data-testid={`portal-task-${task.service}`} data-status={task.status} style={{ paddingBottom: 8 }}>
      <div className="portal-muted">{t('portal.bundle.doneBy', { department: pick(task.departmentLabel, lang) })}</div>
      <div style={{ margin: '4px 0' }}>
        <Tag color={TAG_COLOR[task.status]} data-testid="portal-task-status">
          {t(`portal.bundle.taskStatus.${task.status}`)}
        </Tag>
        <DeadlineTag deadline={task.deadline} state={task.deadlineState} />
      </div>
      {task.status === 'waiting' && <div className="portal-muted">{t('portal.bundle.waitingHint')}</div>}
      {task.result && <TaskResultText result={task.result} />}
      {task.completedAt && (
        <div className="portal-muted">{t('portal.bundle.completedAt', { at: formatDateTime(task.completedAt) })}</div>
      )}
      {task.status === 'returned' && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ margin: '8px 0' }}
            title={task.returnReason ?? t('portal.bundle.returned')}
            description={t('portal.bundle.fieldsToFix', {
              fields: task.fieldsToFix
                .map((f) => optionalLabel('portal.bundle.fields', fieldKey(f)))
                .join(t('common.listSeparator')),
            })}
            data-testid="portal-task-return"
          />
          <CorrectionForm bundle={bundle} task={task} onCorrected={onCorrected} />
        </>
      )}
    </div>
  );
}

/** Each department's task as a step: status, deadline, result, and a return with the form to fix it. */
export function TaskSteps({ bundle, onCorrected }: { bundle: NewbornBundle; onCorrected: (b: NewbornBundle) => void }) {
  const lang = useLang();
  return (
    <Steps
      orientation="vertical"
      size="small"
      items={bundle.tasks.map((task) => ({
        key: task.service,
        title: pick(task.label, lang),
        status: STEP_STATUS[task.status],
        content: <TaskContent bundle={bundle} task={task} onCorrected={onCorrected} />,
      }))}
    />
  );
}
