import { chinaDateOf } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/index.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { asResident } from '../test/resident.js';
import {
  BIRTH_DATE,
  boundFamily,
  bundleForm,
  eventually,
  freshIdNumber,
  staff,
  submit,
  taskId,
  type Family,
} from './test-setup.js';

// Issue 4: "each department operator sees only its own task queue for its jurisdiction, with
// filters, deadlines and bulk actions"; the 90-day insurance deadline and late enrolment.

let t: TestApp;
let f: Family;
const s: Record<string, Session> = {};
type Bundle = { id: number; bundleNo: string; tasks: { service: string; id: number; status: string }[] };
let full: Bundle;
let insuranceOnly: Bundle;

beforeAll(async () => {
  t = await createTestApp(1500);
  f = await boundFamily(t, '13900002001');
  // A hospital operator of a township other than the family's: same department, other jurisdiction.
  const township = f.mother.residenceRegionCode.startsWith('533423101') ? '533423102' : '533423101';
  const other = {
    username: 'hospital-other',
    displayName: '乡镇卫生院 经办人',
    roles: ['departmentOperator' as const],
    jurisdiction: township,
    department: 'hospital' as const,
    totpSecret: null,
  };
  await createUser(t.database, t.keys, other, DEMO_PASSWORD);
  t.users.push(other);
  for (const u of ['hospital', 'hospital-other', 'cdc', 'police', 'medins', 'hrss', 'county', 'leader', 'township'])
    s[u] = await login(t, u);
  full = (await submit(t, f.r, bundleForm(f))).json();
  // Hukou was registered before: insurance and the card need only the newborn's ID number.
  const existing = await freshIdNumber(t, BIRTH_DATE, 'female');
  const res = await submit(
    t,
    f.r,
    bundleForm(f, {
      newborn: { ...bundleForm(f).newborn, name: '和小蕊' },
      services: ['medicalInsuranceEnrollment', 'socialSecurityCard', 'vaccinationRecord'],
      existingNewbornIdNumber: existing,
    }),
  );
  expect(res.statusCode).toBe(201);
  insuranceOnly = res.json();
});
afterAll(async () => t?.close());

const api = () => staff(t);
const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((x) => x.id);

describe('department queues', () => {
  it('shows an operator only its department’s tasks, with counts, and answers 404 for another department’s', async () => {
    const queue = await api().get(s.hospital!, '/api/bundle-tasks');
    expect(queue.statusCode).toBe(200);
    expect(ids(queue)).toContain(taskId(full, 'birthCertificate'));
    expect(ids(queue)).not.toContain(taskId(full, 'hukouRegistration'));
    expect(queue.json().counts.pending).toBeGreaterThanOrEqual(1);
    const police = taskId(full, 'hukouRegistration');
    expect((await api().get(s.hospital!, `/api/bundle-tasks/${police}`)).statusCode).toBe(404);
    expect(
      (await api().post(s.hospital!, `/api/bundle-tasks/${police}/complete`, { idNumber: '533423202512200000' }))
        .statusCode,
    ).toBe(404);
    const denied = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'bundle.viewTask' AND outcome = 'denied' AND target_id = $1",
      [String(police)],
    );
    expect(denied).toHaveLength(1);
  });

  it('hides another jurisdiction’s tasks from the same department', async () => {
    const queue = await api().get(s['hospital-other']!, '/api/bundle-tasks');
    expect(ids(queue)).not.toContain(taskId(full, 'birthCertificate'));
    expect(
      (await api().get(s['hospital-other']!, `/api/bundle-tasks/${taskId(full, 'birthCertificate')}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await api().post(s['hospital-other']!, `/api/bundle-tasks/${taskId(full, 'birthCertificate')}/complete`, {
          certificateNo: 'Q530012345',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets county administrators read every department, but not act; township workers and leaders not at all', async () => {
    const all = await api().get(s.county!, '/api/bundle-tasks?pageSize=100');
    expect(ids(all)).toEqual(expect.arrayContaining(full.tasks.map((x) => x.id)));
    expect(ids(await api().get(s.county!, '/api/bundle-tasks?department=publicSecurity'))).toEqual([
      taskId(full, 'hukouRegistration'),
    ]);
    expect((await api().get(s.county!, `/api/bundle-tasks/${taskId(full, 'hukouRegistration')}`)).statusCode).toBe(200);
    // Leaders see the queues' figures on the dashboard, not the families (need to know, issue 11).
    expect((await api().get(s.leader!, `/api/bundle-tasks/${taskId(full, 'hukouRegistration')}`)).statusCode).toBe(403);
    expect(
      (
        await api().post(s.county!, `/api/bundle-tasks/${taskId(full, 'birthCertificate')}/complete`, {
          certificateNo: 'Q530012345',
        })
      ).statusCode,
    ).toBe(403);
    expect((await api().get(s.township!, '/api/bundle-tasks')).statusCode).toBe(403);
  });

  it('filters by service, status, deadline and name', async () => {
    const today = chinaDateOf(new Date());
    const pending = (await api().get(s.cdc!, '/api/bundle-tasks?status=pending&service=vaccinationRecord')).json();
    expect(
      pending.items.every(
        (x: { status: string; service: string }) => x.status === 'pending' && x.service === 'vaccinationRecord',
      ),
    ).toBe(true);
    expect(pending.items.every((x: { deadline: string }) => x.deadline > today)).toBe(true);
    expect(ids(await api().get(s.cdc!, '/api/bundle-tasks?deadline=onTime'))).toEqual(
      expect.arrayContaining([taskId(full, 'vaccinationRecord')]),
    );
    expect(ids(await api().get(s.cdc!, '/api/bundle-tasks?deadline=overdue'))).toEqual([]);
    expect(ids(await api().get(s.cdc!, `/api/bundle-tasks?q=${full.bundleNo}`))).toEqual([
      taskId(full, 'vaccinationRecord'),
    ]);
    expect(ids(await api().get(s.cdc!, `/api/bundle-tasks?q=${encodeURIComponent('和小')}`)).length).toBe(2);
    expect((await api().get(s.cdc!, '/api/bundle-tasks?deadline=soon')).statusCode).toBe(400);
  });
});

describe('API documentation', () => {
  it('lists the bundle routes with their schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/portal/newborn-bundles',
        '/api/bundle-tasks',
        '/api/bundle-tasks/{id}/complete',
        '/api/bundle-tasks/bulk-complete',
      ]),
    );
  });
});

describe('medical insurance: the 90 days from birth', () => {
  it('shows the 90-day deadline and flags that enrolling today is late; enrolment today is recorded late and the family told', async () => {
    const id = taskId(insuranceOnly, 'medicalInsuranceEnrollment');
    const row = (await api().get(s.medins!, '/api/bundle-tasks?service=medicalInsuranceEnrollment'))
      .json()
      .items.find((x: { id: number }) => x.id === id);
    expect(row).toMatchObject({ status: 'pending', enrolmentDeadline: '2026-03-20', late: true });
    const before = await api().post(s.medins!, `/api/bundle-tasks/${id}/complete`, { enrolledOn: '2025-12-19' }, 'en');
    expect(before.statusCode).toBe(400);
    expect(before.json().details[0]).toMatchObject({ field: 'enrolledOn', code: 'enrolledOn.beforeBirth' });
    const done = await api().post(s.medins!, `/api/bundle-tasks/${id}/complete`, {
      enrolledOn: chinaDateOf(new Date()),
    });
    expect(done.json().task).toMatchObject({ status: 'done', late: true, result: { lateEnrolment: true } });
    await eventually(
      async () => t.sms.messages.some((m) => m.phone === f.mother.phone && m.text.includes('已超过出生后90天')),
      'the late-enrolment SMS',
    );
  });
});

describe('bulk completion', () => {
  it('completes what needs no input and skips, with a reason, what needs a number or is not the department’s', async () => {
    const cdcOwn = taskId(insuranceOnly, 'vaccinationRecord');
    const res = await api().post(
      s.cdc!,
      '/api/bundle-tasks/bulk-complete',
      { ids: [cdcOwn, taskId(full, 'vaccinationRecord'), taskId(full, 'birthCertificate'), cdcOwn] },
      'en',
    );
    expect(res.statusCode).toBe(200);
    expect(
      res.json().results.map((r: { id: number; outcome: string; code: string | null }) => [r.id, r.outcome, r.code]),
    ).toEqual([
      [cdcOwn, 'done', null],
      [taskId(full, 'vaccinationRecord'), 'done', null],
      [taskId(full, 'birthCertificate'), 'skipped', 'bundle.notFound'],
    ]);
    const card = await api().post(s.hrss!, '/api/bundle-tasks/bulk-complete', {
      ids: [taskId(insuranceOnly, 'socialSecurityCard'), taskId(full, 'socialSecurityCard')],
    });
    expect(card.json().results.map((r: { outcome: string; code: string | null }) => [r.outcome, r.code])).toEqual([
      ['done', null],
      ['skipped', 'task.wrongStatus'],
    ]);
    const hospital = await api().post(
      s.hospital!,
      '/api/bundle-tasks/bulk-complete',
      { ids: [taskId(full, 'birthCertificate')] },
      'en',
    );
    expect(hospital.json().results[0]).toMatchObject({
      outcome: 'skipped',
      code: 'bundle.bulkNotAllowed',
      reason: expect.stringMatching(/cannot be completed in bulk/),
    });
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${insuranceOnly.id}`, ...asResident(f.r) })
    ).json();
    expect(view.status).toBe('completed');
    expect(view.tasks.find((x: { service: string }) => x.service === 'socialSecurityCard').result).toEqual({
      cardNo: null,
      cardStatus: 'applied',
    });
    const audited = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'bundle.completeTask' AND target_id = $1",
      [String(cdcOwn)],
    );
    expect(audited).toHaveLength(1);
  });
});
