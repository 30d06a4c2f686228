import type { TaskQueueRow } from '@cradle/contract';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { mayCompleteInBulk } from './completionForm';
import { Deadline, EnrolmentDeadline, TaskStatusTag } from './familyTags';
import { QueueTable, type QueueTableProps } from './QueueTable';

/** The department's tasks; overdue rows red, due-today rows gold, medical insurance with its 90-day date. */
export function TaskTable(props: QueueTableProps<TaskQueueRow>) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: TableColumnsType<TaskQueueRow> = [
    {
      title: t('family.tasks.bundleNo'),
      dataIndex: 'bundleNo',
      render: (no: string, r) => <Link to={`/bundle-tasks/${r.id}`}>{no}</Link>,
    },
    { title: t('family.tasks.service'), dataIndex: 'label', render: (l: TaskQueueRow['label']) => pick(l, lang) },
    { title: t('family.tasks.newborn'), dataIndex: 'newbornName' },
    {
      title: t('family.tasks.birthDate'),
      dataIndex: 'birthDate',
      render: (d: string) => <span className="mono">{d}</span>,
    },
    { title: t('family.tasks.mother'), dataIndex: 'motherName' },
    {
      title: t('family.tasks.hukouRegion'),
      dataIndex: 'hukouRegion',
      render: (r: TaskQueueRow['hukouRegion']) => r.name,
    },
    {
      title: t('family.tasks.statusColumn'),
      dataIndex: 'status',
      render: (s: TaskQueueRow['status']) => <TaskStatusTag status={s} />,
    },
    {
      title: t('family.tasks.deadline'),
      key: 'deadline',
      render: (_, r) => (
        <>
          <Deadline date={r.deadline} state={r.deadlineState} />
          {r.enrolmentDeadline && (
            <div>
              <EnrolmentDeadline date={r.enrolmentDeadline} late={r.late} />
            </div>
          )}
        </>
      ),
    },
    { title: t('family.tasks.submittedAt'), dataIndex: 'submittedAt', render: (d: string) => formatDateTime(d) },
  ];

  return (
    <QueueTable<TaskQueueRow>
      {...props}
      columns={columns}
      selectable={(r) => r.status === 'pending' && mayCompleteInBulk(r.service)}
      pathOf={(r) => `/bundle-tasks/${r.id}`}
      emptyText={t('family.tasks.empty')}
      rowTestId="task-row"
      rowData={(r) => ({ 'data-service': r.service })}
      testId="tasks-table"
    />
  );
}
