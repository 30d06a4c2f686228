import type { CalendarDayBody, CalendarList } from '@cradle/contract';
import { api, apiRequest, withQuery } from './client';

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
