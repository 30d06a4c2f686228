import type { RegistrationQueueItem } from '@cradle/contract';
import { Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { MaskedId } from '../persons/personColumns';
import { ConflictCountTag, Deadline, RegistrationStatusTag } from './familyTags';
import { QueueTable, type QueueTableProps } from './QueueTable';

/** The queue, oldest deadline first as the server sends it; overdue rows red, due-today rows gold. */
export function RegistrationTable(props: QueueTableProps<RegistrationQueueItem>) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RegistrationQueueItem> = [
    {
      title: t('family.registrations.number'),
      dataIndex: 'registrationNo',
      render: (no: string, r) => <Link to={`/childbirth-registrations/${r.id}`}>{no}</Link>,
    },
    { title: t('family.registrations.mother'), dataIndex: 'motherName' },
    {
      title: t('family.registrations.motherId'),
      dataIndex: 'motherIdMasked',
      render: (v: string) => <MaskedId value={v} />,
    },
    {
      title: t('family.registrations.childStatus'),
      dataIndex: 'childStatus',
      render: (s: RegistrationQueueItem['childStatus']) => t(`family.registrations.childStatuses.${s}`),
    },
    { title: t('family.registrations.parity'), dataIndex: 'parity', render: (n: number) => t('parity.nth', { n }) },
    { title: t('family.registrations.region'), dataIndex: 'region' },
    {
      title: t('family.registrations.submittedAt'),
      dataIndex: 'submittedAt',
      render: (d: string) => formatDateTime(d),
    },
    {
      title: t('family.registrations.deadline'),
      key: 'deadline',
      render: (_, r) =>
        r.status === 'submitted' ? (
          <Deadline date={r.deadline} state={r.deadlineState} />
        ) : (
          <Typography.Text type="secondary">{r.deadline}</Typography.Text>
        ),
    },
    {
      title: t('family.registrations.conflicts'),
      dataIndex: 'conflictCount',
      render: (n: number) => <ConflictCountTag count={n} />,
    },
    {
      title: t('family.registrations.statusColumn'),
      dataIndex: 'status',
      render: (s: RegistrationQueueItem['status']) => <RegistrationStatusTag status={s} />,
    },
  ];

  return (
    <QueueTable<RegistrationQueueItem>
      {...props}
      columns={columns}
      // Only what waits for the township can be completed.
      selectable={(r) => r.status === 'submitted'}
      pathOf={(r) => `/childbirth-registrations/${r.id}`}
      emptyText={t('family.registrations.empty')}
      rowTestId="registration-row"
      testId="registrations-table"
    />
  );
}
