import { staffRoutes as r, type CalendarDayBody } from '@cradle/contract';
import { staff } from './client';

export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  staff.call(r.calendar, { query: { year } }, { signal });

/** Adds the day, or replaces what the calendar says about it. */
export const setCalendarDay = (date: string, body: CalendarDayBody) =>
  staff.call(r.setCalendarDay, { params: { date }, body });

export const removeCalendarDay = (date: string) => staff.call(r.removeCalendarDay, { params: { date } });
