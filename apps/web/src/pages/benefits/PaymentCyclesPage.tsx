import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { fetchPaymentBatches, fetchSchemes, startPaymentCycle } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayHandlePaymentFiles, useMe } from '../../lib/auth';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { BatchesTable } from './BatchesTable';
import { BatchProgress } from './BatchProgress';
import { BatchReviewCard } from './BatchReviewCard';
import { RosterCard } from './RosterCard';
import { PaymentFilesCard } from './PaymentFilesCard';
import { PeriodPicker, defaultPeriod } from './PeriodPicker';
import { schemeName } from './schemeLabels';
import { usePaymentBatch } from './usePaymentBatch';

/** 发放批次: a county administrator or finance operator runs a proactive scheme's cycle for a period. */
export function PaymentCyclesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const schemes = useQuery({
    queryKey: ['fetchSchemes'],
    queryFn: ({ signal }) => fetchSchemes(signal),
    placeholderData: keepPreviousData,
  });
  const [code, setCode] = useState<string>();
  const [period, setPeriod] = useState('');
  const startCycle = useMutation({
    mutationFn: (v: { code: string; period: string }) => startPaymentCycle(v.code, v.period),
    onSuccess: (b) => setParams({ batch: String(b.id) }),
  });
  const started = startCycle.data;
  const starting = startCycle.isPending;
  const startError = startCycle.error;
  // An export or a bank return changes the batch's payments: ask for it again.
  const [refresh, setRefresh] = useState(0);
  const changed = () => setRefresh((n) => n + 1);

  const raw = Number(params.get('batch'));
  const batchId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const { batch, error } = usePaymentBatch(batchId, started, refresh);
  const scheme = schemes.data?.find((s) => s.code === code);
  // Asked again when a batch starts or the followed one completes; the followed row shows live progress meanwhile.
  const batches = useQuery({
    queryKey: ['fetchPaymentBatches', batchId, batch?.status === 'complete', refresh],
    queryFn: ({ signal }) => fetchPaymentBatches(signal),
    placeholderData: keepPreviousData,
  });
  const rows = batches.data?.map((b) => (batch && b.id === batch.id ? batch : b));

  const start = () => {
    if (code) startCycle.mutate({ code, period });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('benefits.cycles.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          {t('benefits.cycles.hint', { region: me.jurisdiction.name })}
        </Typography.Paragraph>
        <ApiErrorAlert error={schemes.error} onRetry={schemes.refetch} />
        {/* No onFinish: Enter in the period field must not start a cycle that moves money; only the button does. */}
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('benefits.cycles.scheme')}>
            <Select
              value={code}
              placeholder={t('benefits.eligibility.pickScheme')}
              loading={schemes.isFetching}
              style={{ width: 320 }}
              options={(schemes.data ?? []).map((s) => ({
                value: s.code,
                label: s.proactive
                  ? schemeName(s.name, lang)
                  : `${schemeName(s.name, lang)}（${t('benefits.byApplication')}）`,
              }))}
              onChange={(c: string) => {
                setCode(c);
                startCycle.reset();
                const f = schemes.data?.find((s) => s.code === c)?.frequency;
                if (f) setPeriod(defaultPeriod(f));
              }}
              data-testid="cycle-scheme"
            />
          </Form.Item>
          {scheme && (
            <Form.Item label={t('benefits.cycles.period')}>
              <PeriodPicker frequency={scheme.frequency} value={period} onChange={setPeriod} testId="cycle-period" />
            </Form.Item>
          )}
          <Form.Item>
            <Button
              type="primary"
              htmlType="button"
              onClick={() => {
                start();
              }}
              icon={<PlayCircleOutlined />}
              disabled={!scheme}
              loading={starting}
              data-testid="cycle-start"
            >
              {t('benefits.cycles.start')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ApiErrorAlert error={startError} />
      <ApiErrorAlert error={error} />
      {batch && batch.id === batchId && (
        <BatchProgress
          batch={batch}
          scheme={schemes.data?.find((s) => s.code === batch.schemeCode)}
          jurisdictionName={me.jurisdiction.name}
        />
      )}
      {batch && batch.id === batchId && batch.status === 'complete' && (
        <BatchReviewCard key={`review-${batch.id}`} batch={batch} onChanged={changed} />
      )}
      {batch &&
        batch.id === batchId &&
        batch.status === 'complete' &&
        mayHandlePaymentFiles(me) &&
        (batch.stage === 'approved' || batch.stage === 'exported' ? (
          <PaymentFilesCard key={batch.id} batchId={batch.id} onChanged={changed} />
        ) : (
          batch.stage !== 'cancelled' && (
            <Alert type="warning" showIcon title={t('benefits.review.exportLocked')} data-testid="export-locked" />
          )
        ))}
      {batch && batch.id === batchId && batch.status === 'complete' && (
        <RosterCard key={`roster-${batch.id}`} batch={batch} onChanged={changed} />
      )}
      <ApiErrorAlert error={batches.error} onRetry={batches.refetch} />
      <BatchesTable
        batches={rows}
        loading={batches.isFetching}
        schemes={schemes.data}
        selectedId={batchId}
        onSelect={(id) => setParams({ batch: String(id) })}
      />
    </Flex>
  );
}
