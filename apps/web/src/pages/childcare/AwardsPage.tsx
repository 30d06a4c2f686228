import type { InstitutionAwardPreview, InstitutionPaymentList, PaymentStatus } from '@cradle/contract';
import { App, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPaymentBatches, startPaymentCycle } from '../../api/benefits';
import {
  exportInstitutionPayments,
  fetchInstitutionAwards,
  fetchInstitutionPayments,
} from '../../api/institutionAwards';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { pick } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import { useLang } from '../../lib/useLang';
import { TraceList } from '../benefits/TraceList';

type AwardRow = InstitutionAwardPreview['items'][number];
type PaidRow = InstitutionPaymentList['items'][number];

const DEFAULT_SCHEME = 'weixi.childcareSlotAward';

/**
 * 托育机构奖补 (issue 14): who a scheme paid to institutions would pay today and why, the payment
 * cycle that pays them, and what it paid with the reasons kept as paid.
 */
export function AwardsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [scheme, setScheme] = useState(DEFAULT_SCHEME);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const preview = useQuery({
    queryKey: ['fetchInstitutionAwards', scheme, year],
    queryFn: async ({ signal }) => {
      const first = await fetchInstitutionAwards(scheme, 'once', signal).catch(() => null);
      return first ?? fetchInstitutionAwards(scheme, year, signal);
    },
  });
  const data = preview.data;
  const period = data?.period ?? 'once';
  const batches = useQuery({ queryKey: ['fetchPaymentBatches'], queryFn: ({ signal }) => fetchPaymentBatches(signal) });
  const batch = (batches.data ?? []).find((b) => b.schemeCode === scheme && b.periodKey === period);
  const paid = useQuery({
    queryKey: ['fetchInstitutionPayments', batch?.id],
    queryFn: ({ signal }) => fetchInstitutionPayments(batch!.id, signal),
    enabled: batch !== undefined && batch.status === 'complete',
  });
  const start = useMutation({
    mutationFn: () => startPaymentCycle(scheme, period),
    onSuccess: () => {
      void message.success(t('childcare.awards.started'));
      setTimeout(() => void batches.refetch(), 800);
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const money = (fen: number) => formatFen(fen);
  const common = {
    name: { title: t('childcare.fields.name'), dataIndex: 'name' },
    place: { title: t('childcare.fields.place'), dataIndex: 'regionName', width: 120 },
    filingNo: {
      title: t('childcare.fields.filingNo'),
      dataIndex: 'filingNo',
      width: 150,
      render: (v: string | null) => v ?? t('common.none'),
    },
    slots: { title: t('childcare.awards.slots'), dataIndex: 'slots', width: 80, align: 'right' as const },
    affordable: {
      title: t('childcare.awards.affordableSlots'),
      dataIndex: 'affordableSlots',
      width: 100,
      align: 'right' as const,
    },
    amount: {
      title: t('childcare.awards.amount'),
      dataIndex: 'amountFen',
      width: 120,
      align: 'right' as const,
      render: (v: number) => money(v),
    },
  };
  const awardColumns: TableColumnsType<AwardRow> = [
    common.name,
    common.place,
    common.filingNo,
    common.slots,
    common.affordable,
    {
      title: t('childcare.awards.eligible'),
      dataIndex: 'eligible',
      width: 100,
      render: (v: boolean) => (
        <Tag color={v ? 'green' : 'default'}>{t(v ? 'childcare.awards.yes' : 'childcare.awards.no')}</Tag>
      ),
    },
    common.amount,
  ];
  const paidColumns: TableColumnsType<PaidRow> = [
    common.name,
    common.place,
    common.filingNo,
    common.slots,
    common.affordable,
    common.amount,
    { title: t('childcare.awards.judgedOn'), dataIndex: 'judgedOn', width: 110 },
    {
      title: t('childcare.awards.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: PaymentStatus) => t(`benefits.cycles.paymentStatus.${v}`),
    },
  ];
  const traceOf = { expandedRowRender: (r: { trace: AwardRow['trace'] }) => <TraceList trace={r.trace} /> };

  return (
    <Flex vertical gap={16} data-testid="childcare-awards-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('childcare.awards.title')}
      </Typography.Title>
      <ApiErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      <Card>
        <Flex gap={12} wrap align="center">
          <span>{t('childcare.awards.scheme')}</span>
          <Select
            style={{ minWidth: 320 }}
            value={scheme}
            onChange={setScheme}
            options={(data?.schemes ?? []).map((s) => ({ value: s.code, label: pick(s.name, lang) }))}
            data-testid="award-scheme"
          />
          {data && data.scheme.frequency === 'yearly' && (
            <Select
              value={year}
              onChange={setYear}
              options={[0, 1, 2].map((k) => String(new Date().getFullYear() - k)).map((y) => ({ value: y, label: y }))}
            />
          )}
        </Flex>
        {data && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'basis',
                label: t('childcare.awards.basis'),
                children: `${data.scheme.legalBasis.document} ${data.scheme.legalBasis.clause}`,
              },
              { key: 'judgedOn', label: t('childcare.awards.judgedOn'), children: data.judgedOn },
              {
                key: 'readings',
                label: t('childcare.awards.readings'),
                children: data.scheme.interpretations.map((m) => pick(m, lang)).join(' '),
              },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('childcare.awards.eligibleToday')}
        extra={
          <Button
            type="primary"
            loading={start.isPending}
            disabled={!data || !data.items.some((i) => i.eligible) || batch?.status === 'complete'}
            onClick={() => start.mutate()}
            data-testid="award-start-cycle"
          >
            {t('childcare.awards.startCycle')}
          </Button>
        }
      >
        <Table<AwardRow>
          rowKey="institutionId"
          size="small"
          loading={preview.isFetching}
          columns={awardColumns}
          dataSource={data?.items ?? []}
          expandable={traceOf}
          pagination={false}
          data-testid="award-preview"
        />
      </Card>
      <Card
        title={t('childcare.awards.paid')}
        extra={batch && paid.data ? <ExportXlsxButton download={() => exportInstitutionPayments(batch.id)} /> : null}
      >
        {!batch ? (
          <Typography.Text type="secondary">{t('childcare.awards.noCycle')}</Typography.Text>
        ) : batch.status !== 'complete' ? (
          <Button onClick={() => void batches.refetch()}>{t('childcare.awards.refresh')}</Button>
        ) : (
          <Table<PaidRow>
            rowKey="paymentId"
            size="small"
            loading={paid.isFetching}
            columns={paidColumns}
            dataSource={paid.data?.items ?? []}
            expandable={traceOf}
            pagination={false}
            data-testid="award-paid"
          />
        )}
      </Card>
    </Flex>
  );
}
