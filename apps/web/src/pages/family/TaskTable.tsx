import type { TaskQueueRow } from '@cradle/contract';
import { Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pick } from '../../lib/domain';
import { EllipsisCell } from '../../components/EllipsisCell';
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
      width: 190,
      ellipsis: { showTitle: false },
      render: (no: string, r) => (
        <Link to={`/bundle-tasks/${r.id}`}>
          <EllipsisCell text={no} />
        </Link>
      ),
    },
    {
      title: t('family.tasks.service'),
      dataIndex: 'label',
      width: 130,
      ellipsis: { showTitle: false },
      render: (l: TaskQueueRow['label']) => <EllipsisCell text={pick(l, lang)} />,
    },
    {
      // The newborn, born on, and the mother: who the task is for, in one cell.
      title: t('family.tasks.newborn'),
      key: 'newborn',
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span>
            {r.newbornName} <span className="mono">{r.birthDate}</span>
          </span>
          <Typography.Text type="secondary">
            {t('family.tasks.mother')}: {r.motherName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('family.tasks.hukouRegion'),
      dataIndex: 'hukouRegion',
      ellipsis: { showTitle: false },
      render: (r: TaskQueueRow['hukouRegion']) => <EllipsisCell text={r.name} testId="task-region" />,
    },
    {
      title: t('family.tasks.statusColumn'),
      dataIndex: 'status',
      width: 150,
      className: 'col-status',
      render: (s: TaskQueueRow['status']) => <TaskStatusTag status={s} />,
    },
    {
      title: t('family.tasks.deadline'),
      key: 'deadline',
      width: 130,
      className: 'col-deadline',
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
    {
      title: t('family.tasks.submittedAt'),
      dataIndex: 'submittedAt',
      width: 110,
      render: (d: string) => formatDateTime(d),
    },
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
