import type { AuditEntry, AuditOutcome, AuditPage } from '@cradle/contract';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { actionLabel, targetLabel } from './auditLabels';

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'red', denied: 'red' };

type Props = {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
};

function Details({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <Typography.Paragraph className="mono" style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </Typography.Paragraph>
  );
}

export function AuditTable({ data, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const none = t('common.none');

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', align: 'right', width: 90 },
    { title: t('audit.columns.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.columns.user'),
      dataIndex: 'username',
      // The person by name, the login beside it: 县卫健委 李主任 (county).
      render: (name: string | null, e) => (
        <span data-testid="audit-user">
          {e.userDisplayName ?? name ?? (e.userId === null ? none : `#${e.userId}`)}
          {e.userDisplayName && name && <Typography.Text type="secondary">{` (${name})`}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tooltip title={action}>
          <span>{actionLabel(action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.columns.target'),
      key: 'target',
      render: (_, e) => targetLabel(e.targetType, e.targetId) || none,
    },
    {
      title: t('audit.columns.person'),
      dataIndex: 'personName',
      render: (n: string | null) => <span data-testid="audit-person">{n ?? ''}</span>,
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      render: (o: AuditOutcome) => (
        <Tag color={OUTCOME_COLOR[o]} data-outcome={o}>
          {t(`audit.outcome.${o}`)}
        </Tag>
      ),
    },
    {
      title: t('audit.columns.clientIp'),
      dataIndex: 'clientIp',
      render: (ip: string | null) => <span className="mono">{ip ?? none}</span>,
    },
  ];

  return (
    <div data-testid="audit-table">
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <Details value={e.details} />,
          rowExpandable: (e) => e.details !== null && e.details !== undefined,
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: onPage,
        }}
      />
    </div>
  );
}
