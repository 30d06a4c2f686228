import { addWorkingDays } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
let admin: Session; // one sign-in: an administrator's TOTP code is good once
beforeAll(async () => {
  t = await createTestApp(200);
  admin = await login(t, 'admin');
});
afterAll(async () => t?.close());

describe('working-day calendar', () => {
  it('starts with the 2026 arrangement: National Day off, its make-up Saturday worked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar?year=2026', ...as(admin) });
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; kind: string }[];
    expect(days.find((d) => d.date === '2026-10-01')?.kind).toBe('holiday');
    expect(days.find((d) => d.date === '2026-10-10')?.kind).toBe('makeupWorkday');
  });

  it('lets the system administrator add a holiday, which moves deadlines, and audits it', async () => {
    const before = addWorkingDays('2027-01-29', 3, await calendarOf(t));
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027-02-01',
      ...as(admin),
      payload: { kind: 'holiday', festival: { zh: '测试假日', en: 'Test holiday' }, source: 'test notice' },
    });
    expect(put.statusCode).toBe(204);
    const after = addWorkingDays('2027-01-29', 3, await calendarOf(t));
    expect(before).toBe('2027-02-03');
    expect(after).toBe('2027-02-04');
    const audit = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.set' AND target_id = '2027-02-01'",
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses other roles', async () => {
    const county = await login(t, 'county');
    const res = await t.app.inject({ method: 'DELETE', url: '/api/calendar/2026-10-01', ...as(county) });
    expect(res.statusCode).toBe(403);
  });
});

async function calendarOf(app: TestApp) {
  const reader = await login(app, 'township');
  const res = await app.app.inject({ method: 'GET', url: '/api/calendar?year=2027', ...as(reader) });
  const days = res.json().days as { date: string; kind: string }[];
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    makeupWorkdays: new Set(days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date)),
  };
}
