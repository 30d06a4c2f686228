import type { Dashboard } from '@cradle/contract';
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { birthsOption, pyramidOption } from './chartOptions';

const CHART_HEIGHT = 420;

export function DashboardCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const lang = useLang();

  const pyramid = useMemo(
    () =>
      pyramidOption(data.pyramid, {
        male: t('dashboard.pyramid.male'),
        female: t('dashboard.pyramid.female'),
        formatCount: (v) => formatInteger(v, lang),
      }),
    [data.pyramid, t, lang],
  );
  const births = useMemo(
    () =>
      birthsOption(data.birthsByYear, {
        parity1: t('dashboard.births.parity1'),
        parity2: t('dashboard.births.parity2'),
        parity3plus: t('dashboard.births.parity3plus'),
        formatCount: (v) => formatInteger(v, lang),
      }),
    [data.birthsByYear, t, lang],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.pyramid.title')}>
          <EChart
            option={pyramid}
            height={CHART_HEIGHT}
            ariaLabel={t('dashboard.pyramid.title')}
            testId="chart-pyramid"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.births.title')}>
          {data.birthsByYear.length === 0 ? (
            <div data-testid="chart-births">
              <Empty style={{ height: CHART_HEIGHT - 48 }} />
            </div>
          ) : (
            <EChart
              option={births}
              height={CHART_HEIGHT}
              ariaLabel={t('dashboard.births.title')}
              testId="chart-births"
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
