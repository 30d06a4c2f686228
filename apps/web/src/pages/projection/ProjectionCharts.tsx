import type { ProjectionView, ScenarioKind } from '@cradle/contract';
import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Slider } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { movingPyramidOption, scenarioLinesOption } from './projectionCharts';

const LINE_HEIGHT = 260;
const FIGURES = ['births', 'under3', 'total'] as const;

/** Lines per scenario (births, under 3, population) and a pyramid that moves through the years. */
export function ProjectionCharts({ data }: { data: ProjectionView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const formatCount = (n: number) => formatInteger(n, lang);
  const scenarioName = (k: ScenarioKind) => t(`projection.scenarios.${k}`);
  const lines = useMemo(
    () =>
      FIGURES.map((figure) => ({
        figure,
        option: scenarioLinesOption(data.scenarios, figure, {
          scenario: (k) => t(`projection.scenarios.${k}`),
          formatCount: (n) => formatInteger(n, lang),
        }),
      })),
    [data.scenarios, t, lang],
  );
  const [scenario, setScenario] = useState<ScenarioKind>('medium');
  const shown = data.scenarios.find((s) => s.scenario === scenario) ?? data.scenarios[0]!;
  const first = data.baseYear;
  const last = shown.pyramid[shown.pyramid.length - 1]!.year;
  const [year, setYear] = useState(first);
  const [playing, setPlaying] = useState(false);
  const at = Math.min(Math.max(year, first), last);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setYear((y) => {
        if (y >= last) {
          setPlaying(false);
          return y;
        }
        return y + 1;
      });
    }, 400);
    return () => clearInterval(timer);
  }, [playing, last]);
  const pyramid = movingPyramidOption(shown, at, data.ageGroups, {
    male: t('projection.pyramid.male'),
    female: t('projection.pyramid.female'),
    formatCount,
  });

  return (
    <Row gutter={[16, 16]}>
      {lines.map(({ figure, option }) => (
        <Col xs={24} xl={8} key={figure}>
          <Card size="small" title={t(`projection.charts.${figure}`)}>
            <EChart
              option={option}
              height={LINE_HEIGHT}
              ariaLabel={t(`projection.charts.${figure}`)}
              testId={`projection-chart-${figure}`}
            />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card
          size="small"
          title={`${t('projection.pyramid.title')} · ${at}`}
          extra={
            <Segmented
              value={scenario}
              onChange={(v) => setScenario(v)}
              options={data.scenarios.map((s) => ({ value: s.scenario, label: scenarioName(s.scenario) }))}
              data-testid="projection-pyramid-scenario"
            />
          }
        >
          <Flex align="center" gap={16}>
            <Button
              icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
              onClick={() => {
                if (!playing && at >= last) setYear(first);
                setPlaying(!playing);
              }}
              data-testid="projection-pyramid-play"
            >
              {playing ? t('projection.pyramid.pause') : t('projection.pyramid.play')}
            </Button>
            <Slider
              style={{ flex: 1 }}
              min={first}
              max={last}
              value={at}
              onChange={(v) => setYear(v)}
              marks={{ [first]: String(first), [last]: String(last) }}
              aria-label={t('projection.pyramid.year')}
              data-testid="projection-pyramid-year"
            />
          </Flex>
          <EChart
            option={pyramid}
            height={440}
            ariaLabel={`${t('projection.pyramid.title')} ${at}`}
            testId="projection-pyramid"
          />
        </Card>
      </Col>
    </Row>
  );
}
