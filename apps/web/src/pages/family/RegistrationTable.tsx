import type { RegistrationQueueItem } from '@cradle/contract';
import { Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EllipsisCell } from '../../components/EllipsisCell';
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
      width: 215,
      ellipsis: { showTitle: false },
      render: (no: string, r) => (
        <Link to={`/childbirth-registrations/${r.id}`}>
          <EllipsisCell text={no} />
        </Link>
      ),
    },
    {
      title: t('family.registrations.mother'),
      key: 'mother',
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text>{r.motherName}</Typography.Text>
          <MaskedId value={r.motherIdMasked} />
        </Flex>
      ),
    },
    {
      title: t('family.registrations.childStatus'),
      key: 'child',
      width: 110,
      render: (_, r) => (
        <Flex vertical>
          <span>{t(`family.registrations.childStatuses.${r.childStatus}`)}</span>
          <Typography.Text type="secondary">{t('parity.nth', { n: r.parity })}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('family.registrations.region'),
      dataIndex: 'region',
      ellipsis: { showTitle: false },
      render: (region: string) => <EllipsisCell text={region} testId="registration-region" />,
    },
    {
      title: t('family.registrations.deadline'),
      key: 'deadline',
      width: 120,
      className: 'col-deadline',
      render: (_, r) =>
        r.status === 'submitted' ? (
          <Deadline date={r.deadline} state={r.deadlineState} />
        ) : (
          <Typography.Text type="secondary">{r.deadline}</Typography.Text>
        ),
    },
    {
      title: t('family.registrations.statusColumn'),
      dataIndex: 'status',
      width: 120,
      className: 'col-status',
      // The conflicts with the registry go with the status: both say what the row needs.
      render: (s: RegistrationQueueItem['status'], r) => (
        <Flex vertical gap={4} align="start">
          <RegistrationStatusTag status={s} />
          {r.conflictCount > 0 && <ConflictCountTag count={r.conflictCount} />}
        </Flex>
      ),
    },
    {
      title: t('family.registrations.submittedAt'),
      dataIndex: 'submittedAt',
      width: 120,
      render: (d: string) => formatDateTime(d),
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
