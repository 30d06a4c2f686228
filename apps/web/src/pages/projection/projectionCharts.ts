import type { ProjectionScenario, ProjectionYear, ScenarioKind } from '@cradle/contract';
import type { ChartOption } from '../../lib/echarts';
import { pyramidOption } from '../dashboard/chartOptions';

export const SCENARIO_COLORS: Record<ScenarioKind, string> = {
  low: '#fa8c16',
  medium: '#1677ff',
  high: '#52c41a',
  tfrPath: '#722ed1',
};

type Figure = 'total' | 'births' | 'under3';

/** One line per scenario of a yearly figure (births stop a year before the population does). */
export function scenarioLinesOption(
  scenarios: readonly ProjectionScenario[],
  figure: Figure,
  labels: { scenario: (k: ScenarioKind) => string; formatCount: (n: number) => string },
): ChartOption {
  const years = scenarios[0]?.years.filter((y) => y[figure] !== null).map((y) => String(y.year)) ?? [];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => labels.formatCount(Number(v)) },
    legend: { top: 0, data: scenarios.map((s) => labels.scenario(s.scenario)) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => labels.formatCount(v) } },
    series: scenarios.map((s) => ({
      name: labels.scenario(s.scenario),
      type: 'line',
      showSymbol: false,
      itemStyle: { color: SCENARIO_COLORS[s.scenario] },
      data: s.years.filter((y: ProjectionYear) => y[figure] !== null).map((y) => Math.round(y[figure] ?? 0)),
    })),
  };
}

/** The pyramid of one year, its axis fixed over all the scenario's years so it moves, not rescales. */
export function movingPyramidOption(
  scenario: ProjectionScenario,
  year: number,
  ageGroups: readonly string[],
  labels: { male: string; female: string; formatCount: (n: number) => string },
): ChartOption {
  const p = scenario.pyramid.find((y) => y.year === year) ?? scenario.pyramid[0]!;
  const groups = ageGroups.map((ageGroup, g) => ({
    ageGroup,
    male: Math.round(p.male[g] ?? 0),
    female: Math.round(p.female[g] ?? 0),
  }));
  const max = Math.max(...scenario.pyramid.flatMap((y) => [...y.male, ...y.female]));
  const option = pyramidOption(groups, labels);
  const bound = Math.ceil(max / 100) * 100;
  return { ...option, xAxis: { ...(option.xAxis as object), min: -bound, max: bound } };
}
