// Dates cross this package as ISO calendar strings (YYYY-MM-DD): no time zone, no time of day.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An ISO date string from its parts, or null when the parts are not a real calendar date. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) === iso;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The civil date in China (UTC+8, no daylight saving since 1991) at an instant. "Today" means
 * Beijing's today whatever time zone the server or browser runs in.
 */
export function chinaDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  const iso = calendarDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  if (iso === null) throw new RangeError('chinaDateOf needs a valid Date');
  return iso;
}

/**
 * Completed years between two ISO dates. Someone born on 29 February completes a year on
 * 1 March in common years. Negative when `on` precedes the birth date.
 */
export function ageOn(birthDate: string, on: string): number {
  if (!isCalendarDate(birthDate) || !isCalendarDate(on)) {
    throw new RangeError(`ageOn needs YYYY-MM-DD dates, got ${birthDate} and ${on}`);
  }
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
