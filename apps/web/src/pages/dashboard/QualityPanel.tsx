import type { Dashboard, QualityIndicator } from '@cradle/contract';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Progress, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUALITY_TARGETS } from '../../lib/domain';
import { formatPercent } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { QUALITY_INDICATORS, STATUS_COLOR, qualityStatus } from './quality';

function Indicator({ kind, value, target }: { kind: QualityIndicator; value: number | null; target: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const status = qualityStatus(value, target);
  const targetText = t('dashboard.quality.target', { value: formatPercent(target, lang) });

  return (
    <div data-testid={`quality-${kind}`} data-status={status}>
      <Flex justify="space-between" align="center">
        <Tooltip title={t(`dashboard.quality.formula.${kind}`)}>
          <Typography.Text strong style={{ cursor: 'help' }}>
            {t(`dashboard.quality.${kind}`)} <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
          </Typography.Text>
        </Tooltip>
        <Tag color={status === 'met' ? 'success' : status === 'notMet' ? 'error' : 'default'}>
          {t(`dashboard.quality.${status}`)}
        </Tag>
      </Flex>
      <Typography.Title
        level={3}
        style={{ margin: '8px 0 4px', color: status === 'noData' ? undefined : STATUS_COLOR[status] }}
      >
        {formatPercent(value, lang) ?? t('common.none')}
      </Typography.Title>
      {/* The tick marks the target on the bar, so the gap to it is visible at a glance. */}
      <div style={{ position: 'relative' }}>
        <Progress percent={value === null ? 0 : value * 100} showInfo={false} strokeColor={STATUS_COLOR[status]} />
        <Tooltip title={targetText}>
          <span
            aria-label={targetText}
            style={{
              position: 'absolute',
              left: `${target * 100}%`,
              top: 2,
              width: 2,
              height: 16,
              background: '#262626',
              transform: 'translateX(-1px)',
            }}
          />
        </Tooltip>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {targetText}
      </Typography.Text>
    </div>
  );
}

export function QualityPanel({ quality }: { quality: Dashboard['quality'] }) {
  const { t } = useTranslation();
  const targets = { ...QUALITY_TARGETS, ...quality.targets };
  return (
    <Card title={t('dashboard.quality.title')}>
      <Row gutter={[32, 16]}>
        {QUALITY_INDICATORS.map((kind) => (
          <Col key={kind} xs={24} md={8}>
            <Indicator kind={kind} value={quality[kind]} target={targets[kind]} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
