import { calendarDate, isCalendarDate } from '../calendar-date.js';

// Day arithmetic on ISO dates (YYYY-MM-DD), done in UTC so no time zone or daylight saving moves a day.

function toUtc(iso: string): Date {
  if (!isCalendarDate(iso)) throw new RangeError(`expected a YYYY-MM-DD date, got ${iso}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return d;
}

function fromUtc(d: Date): string {
  const iso = calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (iso === null) throw new RangeError('date out of range');
  return iso;
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return toUtc(iso).getUTCDay();
}

/** The same day `months` later; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  for (let day = Number(iso.slice(8, 10)); day >= 28; day--) {
    const d = calendarDate(year, month, day);
    if (d !== null) return d;
  }
  return calendarDate(year, month, Number(iso.slice(8, 10)))!;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The time of day in China (UTC+8) at an instant, as HH:MM. */
export function chinaTimeOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * Noon in Beijing on a calendar day: parseIdNumber wants an instant for "today", and noon is
 * that day in China whatever zone the code runs in.
 */
export function instantOfChinaDate(iso: string): Date {
  toUtc(iso);
  return new Date(`${iso}T12:00:00+08:00`);
}
