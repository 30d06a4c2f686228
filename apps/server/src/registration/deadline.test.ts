import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, CHILDBIRTH_REGISTRATION_WORKING_DAYS, isWorkingDay, type Role } from '@cradle/domain';
import type { SessionUser } from '../auth/session.js';
import { createCalendarService } from '../calendar/service.js';
import { createPii, type Pii } from '../crypto/pii.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import type { NotificationDispatcher } from '../notifications/dispatcher.js';
import { createRegionService } from '../regions/service.js';
import { as, createTestApp, login, type TestApp } from '../test/app.js';
import { residentSignIn } from '../test/resident.js';
import { createRegistrationService } from './service.js';
import type { ChildbirthRegistrationBody } from '@cradle/contract';
import { chinaDay, declaredForm, submit, villageOf } from './test-helpers.js';

let t: TestApp;
let pii: Pii;
let deps: FamilyServiceDeps;
let village: string;
let worker: SessionUser;
beforeAll(async () => {
  t = await createTestApp(300);
  pii = createPii(t.keys);
  const dispatcher = { kick: () => undefined } as unknown as NotificationDispatcher;
  deps = {
    database: t.database,
    keys: t.keys,
    pii,
    regions: await createRegionService(t.database),
    calendar: await createCalendarService(t.database),
    dispatcher,
    publicUrl: 'https://cradle.example.cn',
  };
  village = await villageOf(t, '533423101');
  const [u] = await t.database.query<{ id: number; display_name: string; roles: Role[] }>(
    "SELECT id, display_name, roles FROM users WHERE username = 'township'",
  );
  worker = {
    id: Number(u!.id),
    username: 'township',
    displayName: u!.display_name,
    roles: u!.roles,
    jurisdictionCode: '533423101',
    department: null,
  };
});
afterAll(async () => {
  await pii?.close();
  await t?.close();
});

/** 10:00 in Beijing on a day. */
const at = (day: string) => () => new Date(`${day}T02:00:00Z`);
const query = { page: 1, pageSize: 100 } as const;

describe('the 3-working-day deadline on the working-day calendar', () => {
  it('runs past National Day: submitted on 30 September, due on the make-up Saturday 10 October, overdue on the 12th', async () => {
    const r = await residentSignIn(t, '13300000001');
    const form = declaredForm(village, { expectedBirthDate: '2027-02-01' }) as unknown as ChildbirthRegistrationBody;
    const reg = await createRegistrationService(deps, at('2026-09-30')).portal.submit(
      { id: r.residentId, personId: null },
      form,
      '127.0.0.1',
    );
    // 1–7 October are holidays, 10 October (a Saturday) is worked (国务院办公厅 2026 arrangement).
    expect(reg.deadline).toBe('2026-10-10');

    const stateOn = async (day: string) => {
      const q = await createRegistrationService(deps, at(day)).staff.queue(worker, query);
      return {
        state: q.items.find((i) => i.id === reg.id)!.deadlineState,
        overdue: q.counts.overdue,
        dueToday: q.counts.dueToday,
      };
    };
    expect(await stateOn('2026-10-09')).toEqual({ state: 'onTime', overdue: 0, dueToday: 0 });
    expect(await stateOn('2026-10-10')).toEqual({ state: 'dueToday', overdue: 0, dueToday: 1 });
    expect(await stateOn('2026-10-12')).toEqual({ state: 'overdue', overdue: 1, dueToday: 0 });
    const overdue = await createRegistrationService(deps, at('2026-10-12')).staff.queue(worker, {
      ...query,
      deadline: 'overdue',
    });
    expect(overdue.items.map((i) => i.id)).toEqual([reg.id]);
  });

  it('follows a public holiday the system administrator adds', async () => {
    const today = chinaDay(0);
    const base = await deps.calendar.current();
    let firstWorkingDay = chinaDay(1);
    for (let d = 1; !isWorkingDay(firstWorkingDay, base); d++) firstWorkingDay = chinaDay(d + 1);
    const admin = await login(t, 'admin');
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/calendar/${firstWorkingDay}`,
      ...as(admin),
      payload: { kind: 'holiday', festival: { zh: '测试假日', en: 'Test holiday' }, source: 'test' },
    });
    expect(put.statusCode).toBe(204);
    const r = await residentSignIn(t, '13300000002');
    const res = await submit(t, r, declaredForm(village));
    expect(res.statusCode).toBe(201);
    const withHoliday = { holidays: new Set([...base.holidays, firstWorkingDay]), makeupWorkdays: base.makeupWorkdays };
    expect(res.json().deadline).toBe(addWorkingDays(today, CHILDBIRTH_REGISTRATION_WORKING_DAYS, withHoliday));
    expect(res.json().deadline > addWorkingDays(today, CHILDBIRTH_REGISTRATION_WORKING_DAYS, base)).toBe(true);
    await t.app.inject({ method: 'DELETE', url: `/api/calendar/${firstWorkingDay}`, ...as(admin) });
  });

  it('highlights a registration past its deadline in the queue and counts it', async () => {
    const r = await residentSignIn(t, '13300000003');
    const id = (await submit(t, r, declaredForm(village))).json().id;
    await t.database.query('UPDATE childbirth_registrations SET deadline = current_date - 5 WHERE id = $1', [id]);
    const township = await login(t, 'township');
    const q = (
      await t.app.inject({
        method: 'GET',
        url: '/api/childbirth-registrations?deadline=overdue&conflicts=true',
        ...as(township),
      })
    ).json();
    expect(q.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(q.items.every((i: { deadlineState: string }) => i.deadlineState === 'overdue')).toBe(true);
    expect(q.counts.overdue).toBeGreaterThanOrEqual(1);
  });
});
