// The calendar module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { createCalendarService, type CalendarService } from './service.js';
