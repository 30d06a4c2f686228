/** How a period key reads to a family: a one-time grant, a year, or a month. */
export type PeriodLabel = { key: 'once' } | { key: 'year'; year: string } | { key: 'month'; month: string };

export function benefitPeriod(period: string): PeriodLabel {
  if (period === 'once') return { key: 'once' };
  if (/^\d{4}$/.test(period)) return { key: 'year', year: period };
  return { key: 'month', month: period };
}
