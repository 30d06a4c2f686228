import type { BySex, ProjectionResult } from './types.js';

/**
 * Age bands of the yearly summary, by completed age on 1 January:
 * - under 3: the children of 托育 (childcare), 国办发〔2019〕15号 "3岁以下婴幼儿照护服务";
 * - 3–5: 幼儿园, which takes children from 3 until school (幼儿园工作规程 2016, 第二条);
 * - 6–11 and 12–14: the six years of primary and three of junior secondary school from age 6
 *   (义务教育法 2018, 第十一条 "年满六周岁的儿童…入学"; the 6-3 system most provinces run —
 *   where a county runs 5-4, its bands differ by a year);
 * - 60+: 老年人 (老年人权益保障法 第二条 "六十周岁以上"); 80+: 高龄, as the old-age allowances count.
 * Counting on 1 January puts a child who turns 6 before September in the 5s: a year's reading.
 */
export const SUMMARY_AGE_BANDS = {
  under3: [0, 2],
  preschool: [3, 5],
  primary: [6, 11],
  juniorSecondary: [12, 14],
  aged60Plus: [60, Infinity],
  aged80Plus: [80, Infinity],
} as const;

export type SummaryBand = keyof typeof SUMMARY_AGE_BANDS;

export type ProjectionYearSummary = Record<SummaryBand, number> & {
  year: number;
  total: number;
  /** Births during the year (the step from its 1 January); null in the last year, which has no step. */
  births: number | null;
};

/** The figures a county plans with, per year, from a single-age projection. */
export function summarizeProjection(result: ProjectionResult): ProjectionYearSummary[] {
  if (result.ageWidth !== 1) throw new RangeError('projection: the summary needs single ages');
  return result.population.map((p, k) => {
    const b = result.births[k];
    const bands = Object.fromEntries(
      Object.entries(SUMMARY_AGE_BANDS).map(([band, [from, to]]) => [band, sumAges(p, from, to)]),
    ) as Record<SummaryBand, number>;
    return { year: result.years[k]!, total: sumAges(p, 0, Infinity), births: b ? b.female + b.male : null, ...bands };
  });
}

/** Persons of both sexes aged `from` … `to` (the open group counts as its first age). */
function sumAges(p: BySex<Float64Array>, from: number, to: number): number {
  let s = 0;
  const last = Math.min(to, p.female.length - 1);
  for (let x = from; x <= last; x++) s += p.female[x]! + p.male[x]!;
  return s;
}
