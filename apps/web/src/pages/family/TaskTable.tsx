import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { TaskQueue, TaskQueueRow } from '../../api/familyTypes';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { mayCompleteInBulk } from './completionForm';
import { Deadline, deadlineRowClass, EnrolmentDeadline, TaskStatusTag } from './familyTags';

type Props = {
  data: TaskQueue | undefined;
  loading: boolean;
  /** Null when the user only reads, or no service of theirs completes in bulk. */
  selected: Key[] | null;
  onSelect: (keys: Key[]) => void;
  onPage: (page: number) => void;
};

/** The department's tasks; overdue rows red, due-today rows gold, medical insurance with its 90-day date. */
export function TaskTable({ data, loading, selected, onSelect, onPage }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const columns: TableColumnsType<TaskQueueRow> = [
    { title: t('family.tasks.bundleNo'), dataIndex: 'bundleNo', render: (no: string, r) => <Link to={`/bundle-tasks/${r.id}`}>{no}</Link> },
    { title: t('family.tasks.service'), dataIndex: 'label', render: (l: TaskQueueRow['label']) => pick(l, lang) },
    { title: t('family.tasks.newborn'), dataIndex: 'newbornName' },
    { title: t('family.tasks.birthDate'), dataIndex: 'birthDate', render: (d: string) => <span className="mono">{d}</span> },
    { title: t('family.tasks.mother'), dataIndex: 'motherName' },
    { title: t('family.tasks.hukouRegion'), dataIndex: 'hukouRegion', render: (r: TaskQueueRow['hukouRegion']) => r.name },
    { title: t('family.tasks.statusColumn'), dataIndex: 'status', render: (s: TaskQueueRow['status']) => <TaskStatusTag status={s} /> },
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
    <Table<TaskQueueRow>
      className="clickable-rows family-queue"
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      rowClassName={(r) => deadlineRowClass(r.deadlineState)}
      rowSelection={
        selected === null
          ? undefined
          : { selectedRowKeys: selected, onChange: onSelect, getCheckboxProps: (r) => ({ disabled: r.status !== 'pending' || !mayCompleteInBulk(r.service) }) }
      }
      pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: onPage, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('family.tasks.empty') }}
      onRow={(r) =>
        ({
          'data-testid': 'task-row',
          'data-id': r.id,
          'data-service': r.service,
          'data-deadline': r.deadlineState ?? '',
          onClick: (e) => !(e.target as HTMLElement).closest('a, .ant-table-selection-column') && void navigate(`/bundle-tasks/${r.id}`),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="tasks-table"
    />
  );
}
