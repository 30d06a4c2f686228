import type { AgeGroupCount, BirthsInYear } from '@cradle/contract';
import type { ChartOption } from '../../lib/echarts';

export const MALE_COLOR = '#1677ff';
export const FEMALE_COLOR = '#eb2f96';
const PARITY_COLORS = ['#69b1ff', '#1677ff', '#003eb3'];

type PyramidLabels = { male: string; female: string; formatCount: (n: number) => string };

type TooltipParam = { seriesName?: string; name?: string; value?: unknown; marker?: unknown };

function tooltipRows(params: unknown, formatCount: (n: number) => string): string {
  const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
  const head = list[0]?.name ?? '';
  const rows = list.map(
    (p) =>
      `${typeof p.marker === 'string' ? p.marker : ''}${p.seriesName ?? ''}: ${formatCount(Math.abs(Number(p.value ?? 0)))}`,
  );
  return [head, ...rows].join('<br/>');
}

/** Youngest at the bottom, males drawn to the left as negative values, labels shown unsigned. */
export function pyramidOption(groups: readonly AgeGroupCount[], labels: PyramidLabels): ChartOption {
  const { formatCount } = labels;
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => tooltipRows(p, formatCount),
    },
    legend: { data: [labels.male, labels.female], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(Math.abs(v)) } },
    yAxis: { type: 'category', data: groups.map((g) => g.ageGroup), axisTick: { show: false } },
    series: [
      {
        name: labels.male,
        type: 'bar',
        stack: 'pyramid',
        data: groups.map((g) => -g.male),
        itemStyle: { color: MALE_COLOR },
        barCategoryGap: '15%',
      },
      {
        name: labels.female,
        type: 'bar',
        stack: 'pyramid',
        data: groups.map((g) => g.female),
        itemStyle: { color: FEMALE_COLOR },
      },
    ],
  };
}

type BirthLabels = { parity1: string; parity2: string; parity3plus: string; formatCount: (n: number) => string };

/** Births per year, one stacked column per year split by parity (一孩 / 二孩 / 三孩及以上). */
export function birthsOption(years: readonly BirthsInYear[], labels: BirthLabels): ChartOption {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const parts = [
    { name: labels.parity1, values: sorted.map((y) => y.parity1) },
    { name: labels.parity2, values: sorted.map((y) => y.parity2) },
    { name: labels.parity3plus, values: sorted.map((y) => y.parity3plus) },
  ];
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => tooltipRows(p, labels.formatCount),
    },
    legend: { data: parts.map((p) => p.name), top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: sorted.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => labels.formatCount(v) } },
    series: parts.map((p, i) => ({
      name: p.name,
      type: 'bar' as const,
      stack: 'births',
      data: p.values,
      itemStyle: { color: PARITY_COLORS[i] },
      emphasis: { focus: 'series' as const },
    })),
  };
}
