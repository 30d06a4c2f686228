import type { BatchView, BeneficiaryKind, PaymentStatus, RosterFilter, RosterRow } from '@cradle/contract';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadRosterXlsx, fetchBatchRoster, fetchBatchRowEligibility, PAYMENT_STATUSES } from '../../api/benefits';
import { fetchInstitutionPayments } from '../../api/institutionAwards';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { formatFen } from '../../lib/money';
import { ObjectionModal } from './ObjectionModal';
import { TraceList } from './TraceList';

type Props = { batch: BatchView; onChanged: (next: BatchView) => void };

const STATUS_COLOR: Partial<Record<PaymentStatus, string>> = {
  exported: 'processing',
  paid: 'success',
  failed: 'error',
  returned: 'warning',
  removed: 'default',
  cancelled: 'default',
};

/** A person's eligibility trace, read when the row is opened (each check is audited on the server). */
function PersonTrace({ batch, personId }: { batch: BatchView; personId: number }) {
  const q = useQuery({
    queryKey: ['fetchBatchRowEligibility', batch.id, personId],
    queryFn: ({ signal }) => fetchBatchRowEligibility(batch.id, personId, signal),
    retry: false,
  });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={q.refetch} />;
  return q.data ? <TraceList trace={q.data.trace} /> : <Typography.Text type="secondary">…</Typography.Text>;
}

/** An institution's payment is shown with the trace its cycle kept (issue 14), not judged again. */
function InstitutionTrace({ batch, paymentId }: { batch: BatchView; paymentId: number }) {
  const q = useQuery({
    queryKey: ['fetchInstitutionPayments', batch.id],
    queryFn: ({ signal }) => fetchInstitutionPayments(batch.id, signal),
    retry: false,
  });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={q.refetch} />;
  const paid = q.data?.items.find((i) => i.paymentId === paymentId);
  return paid ? <TraceList trace={paid.trace} /> : <Typography.Text type="secondary">…</Typography.Text>;
}

/** The row's trace by whom it pays: the roster says the kind, nothing is guessed from the ids. */
function RowTrace({ batch, row }: { batch: BatchView; row: RosterRow }) {
  if (row.beneficiaryKind === 'institution') return <InstitutionTrace batch={batch} paymentId={row.paymentId} />;
  return row.personId === null ? null : <PersonTrace batch={batch} personId={row.personId} />;
}

/**
 * 发放名单: every payee of the batch with a masked ID number, searchable, exportable under the
 * same filters, each row opening onto its eligibility trace. During the public notice a county
 * administrator records objections here.
 */
export function RosterCard({ batch, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<RosterFilter>();
  const [filter, setFilter] = useState<RosterFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [objecting, setObjecting] = useState<RosterRow | null>(null);
  const roster = useQuery({
    queryKey: ['fetchBatchRoster', batch.id, batch.paymentCount, batch.stage, filter, paging],
    queryFn: ({ signal }) => fetchBatchRoster(batch.id, { ...filter, ...paging }, signal),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({ mutationFn: () => downloadRosterXlsx(batch.id, filter) });
  const mayObject = me.roles.includes('countyAdmin') && batch.stage === 'noticed';

  const columns: TableColumnsType<RosterRow> = [
    {
      title: t('benefits.roster.kind'),
      dataIndex: 'beneficiaryKind',
      render: (k: BeneficiaryKind) => <Tag data-kind={k}>{t(`benefits.roster.kinds.${k}`)}</Tag>,
    },
    { title: t('benefits.roster.name'), dataIndex: 'name', render: (n: string | null) => n ?? t('common.none') },
    {
      // A person's masked ID number, or an institution's credit code, as the row's kind says.
      title: t('benefits.roster.idMasked'),
      key: 'id',
      render: (_, r) => (
        <span className="mono">{(r.beneficiaryKind === 'institution' ? r.uscc : r.idMasked) ?? t('common.none')}</span>
      ),
    },
    {
      title: t('benefits.roster.village'),
      dataIndex: 'regionName',
      render: (v: string | null, r) => v ?? r.regionCode,
    },
    { title: t('benefits.roster.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => formatFen(f) },
    {
      title: t('benefits.roster.status'),
      dataIndex: 'status',
      render: (s: PaymentStatus) => (
        <Tag color={STATUS_COLOR[s] ?? 'default'} data-status={s}>
          {t(`benefits.cycles.paymentStatus.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('benefits.roster.objection'),
      key: 'objection',
      // A reason wraps rather than push the row's action off a 1366 px screen.
      onCell: () => ({ style: { maxWidth: 220, whiteSpace: 'normal' } }),
      render: (_, r) =>
        r.objection
          ? t(r.objection.upheld ? 'benefits.roster.objectionUpheld' : 'benefits.roster.objectionDismissed', {
              reason: r.objection.reason,
            })
          : '',
    },
    ...(mayObject
      ? [
          {
            key: 'act',
            render: (_: unknown, r: RosterRow) =>
              r.status === 'removed' ? null : (
                <Button size="small" onClick={() => setObjecting(r)} data-testid="roster-object">
                  {t('benefits.roster.object')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('benefits.roster.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={download.isPending}
          onClick={() => download.mutate()}
          data-testid="roster-export"
        >
          {t('benefits.roster.export')}
        </Button>
      }
      data-testid="batch-roster"
    >
      <Form<RosterFilter>
        form={form}
        layout="inline"
        style={{ rowGap: 12, marginBottom: 16 }}
        onFinish={(v) => {
          setFilter({ name: v.name?.trim() || undefined, status: v.status || undefined });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="name">
          <Input
            allowClear
            placeholder={t('benefits.roster.namePlaceholder')}
            style={{ width: 200 }}
            data-testid="roster-name"
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear={{ label: t('common.clear') }}
            placeholder={t('benefits.roster.allStatuses')}
            style={{ width: 180 }}
            options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`benefits.cycles.paymentStatus.${s}`) }))}
            data-testid="roster-status"
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="roster-search">
              {t('common.search')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ApiErrorAlert error={roster.error ?? download.error} onRetry={roster.refetch} />
      <Table<RosterRow>
        rowKey="paymentId"
        size="small"
        columns={columns}
        dataSource={roster.data?.items ?? []}
        loading={roster.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <RowTrace batch={batch} row={r} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: roster.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        data-testid="roster-table"
      />
      <ObjectionModal
        batchId={batch.id}
        row={objecting}
        onClose={() => setObjecting(null)}
        onRecorded={(next) => {
          setObjecting(null);
          void message.success(t('benefits.review.done.objection'));
          onChanged(next);
          void roster.refetch();
        }}
      />
    </Card>
  );
}
