import { Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { RegistrationQueue, RegistrationQueueItem } from '../../api/familyTypes';
import { formatDateTime } from '../../lib/format';
import { MaskedId } from '../persons/personColumns';
import { ConflictCountTag, Deadline, deadlineRowClass, RegistrationStatusTag } from './familyTags';

type Props = {
  data: RegistrationQueue | undefined;
  loading: boolean;
  /** Null when the user only reads: no selection. */
  selected: Key[] | null;
  onSelect: (keys: Key[]) => void;
  onPage: (page: number) => void;
};

/** The queue, oldest deadline first as the server sends it; overdue rows red, due-today rows gold. */
export function RegistrationTable({ data, loading, selected, onSelect, onPage }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<RegistrationQueueItem> = [
    { title: t('family.registrations.number'), dataIndex: 'registrationNo', render: (no: string, r) => <Link to={`/childbirth-registrations/${r.id}`}>{no}</Link> },
    { title: t('family.registrations.mother'), dataIndex: 'motherName' },
    { title: t('family.registrations.motherId'), dataIndex: 'motherIdMasked', render: (v: string) => <MaskedId value={v} /> },
    { title: t('family.registrations.childStatus'), dataIndex: 'childStatus', render: (s: RegistrationQueueItem['childStatus']) => t(`family.registrations.childStatuses.${s}`) },
    { title: t('family.registrations.parity'), dataIndex: 'parity', render: (n: number) => t('parity.nth', { n }) },
    { title: t('family.registrations.region'), dataIndex: 'region' },
    { title: t('family.registrations.submittedAt'), dataIndex: 'submittedAt', render: (d: string) => formatDateTime(d) },
    { title: t('family.registrations.deadline'), key: 'deadline', render: (_, r) => (r.status === 'submitted' ? <Deadline date={r.deadline} state={r.deadlineState} /> : <Typography.Text type="secondary">{r.deadline}</Typography.Text>) },
    { title: t('family.registrations.conflicts'), dataIndex: 'conflictCount', render: (n: number) => <ConflictCountTag count={n} /> },
    { title: t('family.registrations.statusColumn'), dataIndex: 'status', render: (s: RegistrationQueueItem['status']) => <RegistrationStatusTag status={s} /> },
  ];

  return (
    <Table<RegistrationQueueItem>
      className="clickable-rows family-queue"
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      rowClassName={(r) => deadlineRowClass(r.deadlineState)}
      rowSelection={
        selected === null
          ? undefined
          : {
              selectedRowKeys: selected,
              onChange: onSelect,
              // Only what waits for the township can be completed.
              getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted' }),
            }
      }
      pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: onPage, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('family.registrations.empty') }}
      onRow={(r) =>
        ({
          'data-testid': 'registration-row',
          'data-id': r.id,
          'data-deadline': r.deadlineState ?? '',
          onClick: (e) => !(e.target as HTMLElement).closest('a, .ant-table-selection-column') && void navigate(`/childbirth-registrations/${r.id}`),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="registrations-table"
    />
  );
}
