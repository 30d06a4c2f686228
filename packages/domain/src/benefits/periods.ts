import { calendarDate } from '../calendar-date.js';

/** How often a scheme pays: once per beneficiary, per calendar month, or per calendar year. */
export type Frequency = 'once' | 'monthly' | 'yearly';

/**
 * A payment period: `2026` (a year), `2026-03` (a month) or `once`. start inclusive, end
 * exclusive, as ISO dates; a one-time grant's period spans all time.
 */
export interface Period {
  key: string;
  frequency: Frequency;
  start: string;
  end: string;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The period a key names for a frequency, or null when the key does not fit it. */
export function parsePeriod(frequency: Frequency, key: string): Period | null {
  if (frequency === 'once') return key === 'once' ? { key, frequency, start: '0001-01-01', end: '9999-12-31' } : null;
  if (frequency === 'yearly') {
    const m = YEAR.exec(key);
    if (!m) return null;
    const y = Number(m[1]);
    return { key, frequency, start: `${m[1]}-01-01`, end: calendarDate(y + 1, 1, 1) ?? '9999-12-31' };
  }
  const m = MONTH.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    key,
    frequency,
    start: `${key}-01`,
    end: (mo === 12 ? calendarDate(y + 1, 1, 1) : calendarDate(y, mo + 1, 1)) ?? '9999-12-31',
  };
}

/** A month as one number (year × 12 + month − 1), so month arithmetic is integer arithmetic. */
export function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

export function monthKeyOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month indexes a period covers (a year: its twelve months; a month: itself). */
export function monthsOf(period: Period): { first: number; last: number } {
  if (period.frequency === 'once') return { first: 0, last: monthIndex('9999-12-01') };
  return { first: monthIndex(period.start), last: monthIndex(period.end) - 1 };
}

/** The period a scheme pays for on a day: its year, its month, or 'once'. */
export function periodOn(frequency: Frequency, isoDate: string): string {
  return frequency === 'once' ? 'once' : frequency === 'yearly' ? isoDate.slice(0, 4) : isoDate.slice(0, 7);
}
