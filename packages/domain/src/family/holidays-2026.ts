import type { Message } from '../messages.js';
import { addDays } from './day-arithmetic.js';
import type { WorkingDayCalendar } from './working-days.js';

/** One festival's days off (a continuous run, weekends included) and its make-up working days. */
export interface FestivalArrangement {
  festival: Message;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
  makeupWorkdays: readonly string[];
}

/**
 * China's 2026 public holidays, from 国务院办公厅关于2026年部分节假日安排的通知 (published by
 * Xinhua on 2025-11-04; we did not check the document number, so we do not give one). Every date
 * below is as the notice states it, and each weekday agrees with the notice's (周四, 周日 …).
 * This is data, not a rule: a deployment edits this list, adds the next year when the State
 * Council publishes it (each November), or passes its own calendar to the rules. Before 2026
 * and after 2026 only weekends are known, so deadlines there ignore holidays.
 */
export const CHINA_2026_FESTIVALS: readonly FestivalArrangement[] = [
  {
    festival: { zh: '元旦', en: "New Year's Day" },
    from: '2026-01-01',
    to: '2026-01-03',
    makeupWorkdays: ['2026-01-04'],
  },
  {
    festival: { zh: '春节', en: 'Spring Festival' },
    from: '2026-02-15',
    to: '2026-02-23',
    makeupWorkdays: ['2026-02-14', '2026-02-28'],
  },
  { festival: { zh: '清明节', en: 'Qingming Festival' }, from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [] },
  {
    festival: { zh: '劳动节', en: 'Labour Day' },
    from: '2026-05-01',
    to: '2026-05-05',
    makeupWorkdays: ['2026-05-09'],
  },
  { festival: { zh: '端午节', en: 'Dragon Boat Festival' }, from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [] },
  { festival: { zh: '中秋节', en: 'Mid-Autumn Festival' }, from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [] },
  {
    festival: { zh: '国庆节', en: 'National Day' },
    from: '2026-10-01',
    to: '2026-10-07',
    makeupWorkdays: ['2026-09-20', '2026-10-10'],
  },
];

/** One day of a calendar, the shape a table of editable calendar days would hold. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'makeupWorkday';
  festival: Message;
}

/** Every day the arrangements name, one entry per day. */
export function calendarDaysOf(festivals: readonly FestivalArrangement[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const f of festivals) {
    if (f.to < f.from) throw new RangeError(`${f.festival.en}: ${f.to} is before ${f.from}`);
    for (let date = f.from; date <= f.to; date = addDays(date, 1))
      days.push({ date, kind: 'holiday', festival: f.festival });
    for (const date of f.makeupWorkdays) days.push({ date, kind: 'makeupWorkday', festival: f.festival });
  }
  return days;
}

/** A calendar from its days; a day listed both as a holiday and a make-up working day is a mistake in the data. */
export function workingDayCalendarOf(days: readonly CalendarDay[]): WorkingDayCalendar {
  const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
  const makeupWorkdays = new Set(days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date));
  const both = [...holidays].filter((d) => makeupWorkdays.has(d));
  if (both.length > 0) throw new RangeError(`days listed as both holiday and make-up working day: ${both.join(', ')}`);
  return { holidays, makeupWorkdays };
}

export const DEFAULT_WORKING_DAY_CALENDAR: WorkingDayCalendar = workingDayCalendarOf(
  calendarDaysOf(CHINA_2026_FESTIVALS),
);
