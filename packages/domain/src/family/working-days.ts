import { isCalendarDate } from '../calendar-date.js';
import { addDays, weekdayOf } from './day-arithmetic.js';

/**
 * Which days offices work. China moves weekends around its public holidays: a holiday may
 * fall on a weekday, and a Saturday or Sunday may become a make-up working day (调休上班).
 * Both sets hold ISO dates; every other day is a working day from Monday to Friday.
 */
export interface WorkingDayCalendar {
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

/** Issue 4: childbirth registration is processed within 3 个工作日 online. */
export const CHILDBIRTH_REGISTRATION_WORKING_DAYS = 3;

export type DeadlineState = 'onTime' | 'dueToday' | 'overdue';

export function isWorkingDay(date: string, cal: WorkingDayCalendar): boolean {
  if (cal.makeupWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `fromDate`. The day of submission is not counted, working day or
 * not, so something submitted on Friday with n = 3 is due on Wednesday. n = 0 gives `fromDate`.
 * Ends because the calendar's sets are finite: past them, every weekday works.
 */
export function addWorkingDays(fromDate: string, n: number, cal: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
  let date = fromDate;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, cal)) counted++;
  }
  return date;
}

/**
 * Working days in (from, to]: after `from`, up to and including `to`, the way addWorkingDays
 * counts, so workingDaysBetween(d, addWorkingDays(d, n)) = n. Negative when `to` is earlier.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingDayCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date, cal)) count++;
  }
  return count;
}

/** Where something stands against its deadline on `today`: the console highlights overdue items. */
export function deadlineState(deadline: string, today: string): DeadlineState {
  if (!isCalendarDate(deadline) || !isCalendarDate(today)) {
    throw new RangeError(`deadlineState needs YYYY-MM-DD dates, got ${deadline} and ${today}`);
  }
  if (today < deadline) return 'onTime';
  return today === deadline ? 'dueToday' : 'overdue';
}
