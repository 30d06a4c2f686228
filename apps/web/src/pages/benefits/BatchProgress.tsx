import type { BatchView, PaymentStatus, SchemeSummary } from '@cradle/contract';
import { Card, Col, Descriptions, Progress, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAYMENT_STATUSES } from '../../api/benefits';
import { formatInteger } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { useLang } from '../../lib/useLang';
import { schemeName } from './schemeLabels';

type Props = { batch: BatchView; scheme: SchemeSummary | undefined; jurisdictionName: string };

const STATUS_COLOR: Record<PaymentStatus, string> = {
  pending: 'default',
  exported: 'processing',
  paid: 'success',
  failed: 'error',
  returned: 'warning',
  removed: 'default',
  cancelled: 'default',
};

/** How far a batch's cycle has got, in whole percent (a complete one is 100 even with no chunks). */
export function batchPercent(batch: BatchView): number {
  if (batch.status === 'complete') return 100;
  return batch.chunksTotal === 0 ? 0 : Math.floor((batch.chunksDone / batch.chunksTotal) * 100);
}

export function BatchProgress({ batch, scheme, jurisdictionName }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const complete = batch.status === 'complete';
  const percent = batchPercent(batch);

  return (
    <Card
      title={t('benefits.cycles.batch', { id: batch.id })}
      extra={
        <Tag color={complete ? 'success' : 'processing'} data-testid="batch-status" data-status={batch.status}>
          {t(`benefits.cycles.status.${batch.status}`)}
        </Tag>
      }
      data-testid="batch-card"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'scheme',
            label: t('benefits.cycles.scheme'),
            children: scheme ? schemeName(scheme.name, lang) : batch.schemeCode,
          },
          {
            key: 'period',
            label: t('benefits.cycles.period'),
            children: batch.periodKey === 'once' ? t('benefits.frequency.once') : batch.periodKey,
          },
          { key: 'jurisdiction', label: t('benefits.cycles.jurisdiction'), children: jurisdictionName },
        ]}
      />
      <div data-testid="batch-progress" data-state={batch.status}>
        <Progress percent={percent} status={complete ? 'success' : 'active'} />
        <span style={{ opacity: 0.65 }}>
          {t('benefits.cycles.chunks', { done: batch.chunksDone, total: batch.chunksTotal })}
        </span>
      </div>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} sm={12}>
          <Statistic
            title={t('benefits.cycles.paymentCount')}
            value={formatInteger(batch.paymentCount, lang)}
            data-testid="batch-count"
          />
        </Col>
        <Col xs={24} sm={12}>
          <Statistic title={t('benefits.cycles.total')} value={formatFen(batch.totalFen)} data-testid="batch-total" />
        </Col>
      </Row>
      {batch.paymentStatuses && (
        <div style={{ marginTop: 16 }} data-testid="batch-payment-statuses">
          {PAYMENT_STATUSES.filter((s) => batch.paymentStatuses![s] > 0).map((s) => (
            <Tag key={s} color={STATUS_COLOR[s]} data-testid={`payment-status-${s}`}>
              {t(`benefits.cycles.paymentStatus.${s}`)} {formatInteger(batch.paymentStatuses![s], lang)}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
