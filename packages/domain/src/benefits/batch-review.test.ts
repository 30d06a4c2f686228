import { describe, expect, it } from 'vitest';
import { approvableFrom, noticeOver, noticeWindow } from './batch-review.js';

const none = { holidays: new Set<string>(), makeupWorkdays: new Set<string>() };

describe('noticeWindow', () => {
  it('runs a 7-day calendar notice published on a Monday to the Sunday, approvable on the Monday after', () => {
    const w = noticeWindow({}, '2026-03-02', 7, none);
    expect(w).toEqual({ from: '2026-03-02', until: '2026-03-08' });
    expect(approvableFrom(w.until)).toBe('2026-03-09');
    expect(noticeOver(w.until, '2026-03-08')).toBe(false);
    expect(noticeOver(w.until, '2026-03-09')).toBe(true);
  });

  it('counts working days from the day of publishing, skipping weekends and holidays', () => {
    // Published Thursday 2026-04-30; 1 May (Friday) a holiday: Thu, Mon, Tue, Wed, Thu.
    const cal = { holidays: new Set(['2026-05-01']), makeupWorkdays: new Set<string>() };
    expect(noticeWindow({ publicNoticeDayKind: 'working' }, '2026-04-30', 5, cal)).toEqual({
      from: '2026-04-30',
      until: '2026-05-07',
    });
  });

  it('starts a working-day notice published on a Saturday on the Monday after', () => {
    expect(noticeWindow({ publicNoticeDayKind: 'working' }, '2026-03-07', 1, none).until).toBe('2026-03-09');
  });

  it('refuses a notice of no days', () => {
    expect(() => noticeWindow({}, '2026-03-02', 0, none)).toThrow(RangeError);
  });
});
