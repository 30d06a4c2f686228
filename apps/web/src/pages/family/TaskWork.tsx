import type { TaskDetail } from '@cradle/contract';
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bundleDepartmentOf, useMe } from '../../lib/auth';
import { pick } from '../../lib/domain';
import { optionalLabel } from '../../lib/optionalLabel';
import { useLang } from '../../lib/useLang';
import { CompletionForm } from './CompletionForm';
import { bundleServiceDefinition, type BundleService } from './familyDomain';
import { ReturnModal } from './ReturnModal';
import { TaskResultView } from './TaskResultView';

type Props = { detail: TaskDetail; service: BundleService; onChanged: (next: TaskDetail | null) => void };

/** What the task's state asks of its department: complete or return it, wait, or read what was done. */
export function TaskWork({ detail, service, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const task = detail.task;
  const canAct = bundleDepartmentOf(me) === task.department;
  const labelOf = (s: BundleService) => pick(bundleServiceDefinition(s).label, lang);

  if (task.status === 'done') return <TaskResultView task={task} />;
  if (task.status === 'waiting') {
    const deps = bundleServiceDefinition(service).dependsOn.filter((d) => detail.bundle.services.includes(d));
    return (
      <Alert
        type="info"
        showIcon
        title={t('family.tasks.waitingFor', { services: deps.map(labelOf).join(t('common.listSeparator')) })}
        data-testid="task-waiting"
      />
    );
  }
  if (task.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="task-returned"
        title={t('family.tasks.returnedHint')}
        description={
          <>
            <div data-testid="return-reason-text">
              {t('family.tasks.returnReason', { reason: task.returnReason ?? '' })}
            </div>
            <div data-testid="return-fields-text">
              {t('family.tasks.returnFields', {
                fields: task.fieldsToFix.map((f) => optionalLabel('family.fields', f)).join(t('common.listSeparator')),
              })}
            </div>
          </>
        }
      />
    );
  }
  if (!canAct) return <Typography.Text type="secondary">{t('family.tasks.readOnly')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <CompletionForm detail={detail} service={service} onCompleted={onChanged} />
      <Divider />
      <Flex align="center" gap={12} wrap>
        <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="task-return">
          {t('family.return.open')}
        </Button>
        <Typography.Text type="secondary">{t('family.return.openHint')}</Typography.Text>
      </Flex>
      <ReturnModal
        taskId={task.id}
        service={service}
        hukouDone={detail.otherTasks.some((o) => o.service === 'hukouRegistration' && o.status === 'done')}
        open={returning}
        onClose={() => setReturning(false)}
        onReturned={(next) => {
          setReturning(false);
          void message.success(t('family.return.done'));
          onChanged(next);
        }}
      />
    </Flex>
  );
}
