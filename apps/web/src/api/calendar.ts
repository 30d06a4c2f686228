import { api, apiRequest, withQuery } from './client';
import type { Message } from './types';

/** A public holiday, or a weekend day worked to make up for one (调休上班). */
export type CalendarDayKind = 'holiday' | 'makeupWorkday';

/** One day of the working-day calendar that deadlines count (apps/server/src/calendar/schemas.ts). */
export type CalendarEntry = { date: string; kind: CalendarDayKind; festival: Message; source: string };
export type CalendarDayBody = Omit<CalendarEntry, 'date'>;
export type CalendarList = { year: number; days: CalendarEntry[] };

export function fetchCalendar(year: number, signal?: AbortSignal): Promise<CalendarList> {
  return api.get<CalendarList>(withQuery('/api/calendar', { year }), signal);
}

/** Adds the day, or replaces what the calendar says about it. */
export function setCalendarDay(date: string, body: CalendarDayBody): Promise<void> {
  return apiRequest<void>(`/api/calendar/${date}`, { method: 'PUT', body });
}

export function removeCalendarDay(date: string): Promise<void> {
  return apiRequest<void>(`/api/calendar/${date}`, { method: 'DELETE' });
}
