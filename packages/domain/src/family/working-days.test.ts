import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from './day-arithmetic.js';
import {
  calendarDaysOf,
  CHINA_2026_FESTIVALS,
  DEFAULT_WORKING_DAY_CALENDAR as CAL,
  workingDayCalendarOf,
} from './holidays-2026.js';
import {
  addWorkingDays,
  CHILDBIRTH_REGISTRATION_WORKING_DAYS,
  deadlineState,
  isWorkingDay,
  workingDaysBetween,
  type WorkingDayCalendar,
} from './working-days.js';

describe('isWorkingDay on the 2026 calendar', () => {
  it.each([
    ['2026-01-01', false, "New Year's Day, a Thursday"],
    ['2026-01-04', true, 'a Sunday worked to make up for New Year'],
    ['2026-02-14', true, 'the Saturday before the Spring Festival'],
    ['2026-02-17', false, 'the first day of the lunar year, a Tuesday'],
    ['2026-02-23', false, 'the last day of the Spring Festival, a Monday'],
    ['2026-02-24', true, 'the Tuesday after it'],
    ['2026-02-28', true, 'the Saturday after it'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2026-05-05', false, 'the Tuesday that ends Labour Day'],
    ['2026-05-09', true, 'the Saturday after Labour Day'],
    ['2026-09-20', true, 'the Sunday before National Day'],
    ['2026-10-07', false, 'the last day of National Day, a Wednesday'],
    ['2026-10-10', true, 'the Saturday after National Day'],
  ])('%s is %s: %s', (date, working) => {
    expect(isWorkingDay(date, CAL)).toBe(working);
  });
});

describe('addWorkingDays: the n-th working day after the submission day', () => {
  it.each([
    ['2026-03-09', 3, '2026-03-12', 'Monday → Thursday'],
    ['2026-03-06', 3, '2026-03-11', 'Friday → Wednesday, over the weekend'],
    ['2026-03-07', 3, '2026-03-11', 'a Saturday submission counts from Monday'],
    ['2026-02-13', 3, '2026-02-25', 'across the Spring Festival: Sat 14th worked, then 24th and 25th'],
    ['2026-09-30', 3, '2026-10-10', 'across National Day, ending on the make-up Saturday'],
    ['2025-12-31', 3, '2026-01-06', 'across New Year, counting the make-up Sunday'],
    ['2026-04-30', 3, '2026-05-08', 'across Labour Day'],
    ['2026-03-09', 0, '2026-03-09', 'zero days is the day itself'],
  ])('%s + %i → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n, CAL)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-09', -1, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-09', 1.5, CAL)).toThrow(RangeError);
  });

  it('cites the 3 working days of issue 4', () => {
    expect(CHILDBIRTH_REGISTRATION_WORKING_DAYS).toBe(3);
  });
});

describe('workingDaysBetween counts (from, to] like addWorkingDays', () => {
  it.each([
    ['2026-02-13', '2026-02-25', 3],
    ['2026-02-25', '2026-02-13', -3],
    ['2026-03-09', '2026-03-09', 0],
    ['2026-03-06', '2026-03-08', 0],
  ])('%s → %s is %i', (from, to, n) => {
    expect(workingDaysBetween(from, to, CAL)).toBe(n);
  });
});

describe('deadlineState', () => {
  it.each([
    ['2026-03-12', '2026-03-11', 'onTime'],
    ['2026-03-12', '2026-03-12', 'dueToday'],
    ['2026-03-12', '2026-03-13', 'overdue'],
  ] as const)('deadline %s seen on %s is %s', (deadline, today, state) => {
    expect(deadlineState(deadline, today)).toBe(state);
  });

  it('refuses a date that is not one', () => {
    expect(() => deadlineState('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('the 2026 holiday list (国务院办公厅关于2026年部分节假日安排的通知)', () => {
  const days = calendarDaysOf(CHINA_2026_FESTIVALS);
  it('holds 33 days off in seven festivals and six make-up working days', () => {
    expect(CHINA_2026_FESTIVALS.map((f) => f.festival.zh)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('agrees with the weekdays the notice gives: 1 Jan 周四, 15 Feb 周日, 4 Apr 周六, 1 May 周五, 19 Jun 周五, 25 Sep 周五, 1 Oct 周四', () => {
    const weekdays = CHINA_2026_FESTIVALS.map((f) => weekdayOf(f.from));
    expect(weekdays).toEqual([4, 0, 6, 5, 5, 5, 4]);
  });

  it('has make-up working days only on weekends', () => {
    for (const d of days.filter((x) => x.kind === 'makeupWorkday')) expect([0, 6]).toContain(weekdayOf(d.date));
  });

  it('refuses a calendar that lists a day as both holiday and working day', () => {
    const festival = { zh: '测试', en: 'Test' };
    expect(() =>
      workingDayCalendarOf([
        { date: '2026-03-07', kind: 'holiday', festival },
        { date: '2026-03-07', kind: 'makeupWorkday', festival },
      ]),
    ).toThrow(/both/);
  });
});

describe('addWorkingDays properties', () => {
  const date = fc.integer({ min: 0, max: 900 }).map((i) => addDays('2025-06-01', i));
  const calendar: fc.Arbitrary<WorkingDayCalendar> = fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.boolean()), { selector: ([i]) => i, maxLength: 120 })
    .map((entries) => ({
      holidays: new Set(entries.filter(([, h]) => h).map(([i]) => addDays('2025-06-01', i))),
      makeupWorkdays: new Set(entries.filter(([, h]) => !h).map(([i]) => addDays('2025-06-01', i))),
    }));
  const calendars = fc.oneof(fc.constant(CAL), calendar);

  it('never lands on a day that is not a working day', () => {
    fc.assert(
      fc.property(calendars, date, fc.integer({ min: 1, max: 40 }), (cal, from, n) =>
        isWorkingDay(addWorkingDays(from, n, cal), cal),
      ),
    );
  });

  it('is strictly increasing in n and never decreasing in the start day', () => {
    fc.assert(
      fc.property(calendars, date, date, fc.integer({ min: 0, max: 40 }), (cal, a, b, n) => {
        expect(addWorkingDays(a, n, cal) < addWorkingDays(a, n + 1, cal)).toBe(true);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(early, n, cal) <= addWorkingDays(late, n, cal)).toBe(true);
      }),
    );
  });

  it('is undone by workingDaysBetween', () => {
    fc.assert(
      fc.property(
        calendars,
        date,
        fc.integer({ min: 0, max: 40 }),
        (cal, from, n) => workingDaysBetween(from, addWorkingDays(from, n, cal), cal) === n,
      ),
    );
  });
});
