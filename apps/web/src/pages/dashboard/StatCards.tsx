import type { Dashboard } from '@cradle/contract';
import { HomeOutlined, ManOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { judgeSexRatio } from '../../lib/domain';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';

function StatCard({
  title,
  value,
  icon,
  footer,
  testId,
}: {
  title: ReactNode;
  value: string;
  icon: ReactNode;
  footer: ReactNode;
  testId: string;
}) {
  return (
    <Card data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} prefix={icon} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {footer}
      </Typography.Text>
    </Card>
  );
}

export function StatCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatInteger(v, lang);
  const { population, sexRatioAtBirth: sr } = data;
  const years = t('dashboard.stats.years', { from: sr.fromYear, to: sr.toYear });
  // Flagged only where the number of births can tell (domain sex-ratio.ts: a binomial interval).
  const judged = judgeSexRatio(sr.male, sr.female);
  const ratio = judged.ratio;
  const ratioTag = (() => {
    switch (judged.verdict) {
      case null:
        return null;
      case 'high':
        return <Tag color="error">{t('dashboard.stats.sexRatioHigh')}</Tag>;
      case 'low':
        return <Tag color="warning">{t('dashboard.stats.sexRatioLow')}</Tag>;
      case 'normal':
        return <Tag color="success">{t('dashboard.stats.sexRatioNormal')}</Tag>;
      case 'tooFew': {
        const { low, high } = judged.interval!;
        const hint = t('dashboard.stats.sexRatioTooFewHint', {
          births: n(judged.births),
          low: low.toFixed(0),
          high: Number.isFinite(high) ? high.toFixed(0) : '∞',
        });
        return (
          <Tooltip title={hint}>
            <Tag data-testid="sex-ratio-too-few">{t('dashboard.stats.sexRatioTooFew')}</Tag>
          </Tooltip>
        );
      }
    }
  })();

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          testId="stat-population"
          title={t('dashboard.stats.population')}
          value={n(population.total)}
          icon={<TeamOutlined />}
          footer={t('dashboard.stats.maleFemale', { male: n(population.male), female: n(population.female) })}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          testId="stat-households"
          title={t('dashboard.stats.households')}
          value={n(population.households)}
          icon={<HomeOutlined />}
          footer={data.region.name}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          testId="stat-births"
          title={t('dashboard.stats.births')}
          value={n(sr.male + sr.female)}
          icon={<UserAddOutlined />}
          footer={years}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <StatCard
          testId="stat-sex-ratio"
          title={<Tooltip title={t('dashboard.stats.sexRatioHint')}>{t('dashboard.stats.sexRatio')}</Tooltip>}
          value={ratio === null ? t('common.none') : ratio.toFixed(1)}
          icon={<ManOutlined />}
          footer={
            <>
              {ratioTag}{' '}
              <span data-testid="sex-ratio-births">
                {t('dashboard.stats.sexRatioBirths', { count: judged.births, births: n(judged.births), years })}
              </span>
            </>
          }
        />
      </Col>
    </Row>
  );
}
