import { describe, expect, it } from 'vitest';
import { ageOn, calendarDate, chinaDateOf, isCalendarDate, isLeapYear } from './calendar-date.js';

describe('calendar dates', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('builds ISO dates only from real calendar days', () => {
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2023, 2, 29)).toBeNull();
    expect(calendarDate(2024, 4, 31)).toBeNull();
    expect(calendarDate(2024, 13, 1)).toBeNull();
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-2-9')).toBe(false);
  });

  it('takes the civil date in Beijing', () => {
    expect(chinaDateOf(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(chinaDateOf(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});

describe('ageOn', () => {
  it.each([
    ['2020-06-15', '2023-06-14', 2],
    ['2020-06-15', '2023-06-15', 3],
    ['1949-12-31', '2024-06-01', 74],
    ['2020-02-29', '2021-02-28', 0],
    ['2020-02-29', '2021-03-01', 1],
    ['2020-02-29', '2024-02-29', 4],
    ['2024-06-01', '2024-06-01', 0],
  ])('someone born %s on %s is %i in completed years', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses strings that are not dates', () => {
    expect(() => ageOn('2020-02-30', '2024-01-01')).toThrow(RangeError);
  });
});
