import { chinaDateOf } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { asResident, residentSignIn } from '../test/resident.js';
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

let t: TestApp;
let f: Family;
const s: Record<string, Session> = {};
let bundle: { id: number; bundleNo: string; tasks: { service: string; id: number; status: string }[] };
let newbornId: string;

beforeAll(async () => {
  t = await createTestApp(1500);
  for (const u of ['hospital', 'cdc', 'police', 'medins', 'hrss']) s[u] = await login(t, u);
  f = await boundFamily(t, '13900001001');
  newbornId = await freshIdNumber(t, BIRTH_DATE, 'female');
});
afterAll(async () => t?.close());

const api = () => staff(t);
const familyView = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${bundle.id}`, ...asResident(f.r) })).json();
const smsTo = (phone: string) => t.sms.messages.filter((m) => m.phone === phone).map((m) => m.text);

describe('出生一件事 from the family to five departments', () => {
  it('takes the form once and fans it out: tasks without a dependency go to their departments at once', async () => {
    const res = await submit(t, f.r, bundleForm(f));
    expect(res.statusCode).toBe(201);
    bundle = res.json();
    expect(bundle.bundleNo).toMatch(new RegExp(`^CS533423${chinaDateOf(new Date()).slice(0, 4)}\\d{6}$`));
    expect(Object.fromEntries(bundle.tasks.map((x) => [x.service, x.status]))).toEqual({
      birthCertificate: 'pending',
      vaccinationRecord: 'pending',
      hukouRegistration: 'waiting',
      medicalInsuranceEnrollment: 'waiting',
      socialSecurityCard: 'waiting',
    });
    expect(res.json().mother).toMatchObject({ name: f.mother.name, personId: f.mother.personId });
    expect(res.json().mother.idMasked).not.toContain(f.mother.idNumber.slice(6, 14));
    // The family's SMS goes out through the dispatcher after the commit; the hospital's queue gets an in-app message.
    await eventually(
      async () => smsTo(f.mother.phone).some((m) => m.includes(bundle.bundleNo) && m.includes('已提交')),
      'the submission SMS',
    );
    const inbox = (await api().get(s.hospital!, '/api/notifications')).json().items;
    expect(
      inbox.some((n: { body: string }) => n.body.includes(bundle.bundleNo) && n.body.includes('出生医学证明')),
    ).toBe(true);
  });

  it('hospital records the certificate; hukou registration then reaches public security with the number', async () => {
    const queue = (await api().get(s.hospital!, '/api/bundle-tasks?status=pending')).json();
    expect(queue.items.map((x: { id: number }) => x.id)).toContain(taskId(bundle, 'birthCertificate'));
    expect(queue.items.every((x: { department: string }) => x.department === 'hospital')).toBe(true);
    const done = await api().post(s.hospital!, `/api/bundle-tasks/${taskId(bundle, 'birthCertificate')}/complete`, {
      certificateNo: 'q530012345',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'done', result: { certificateNo: 'Q530012345' } });
    const police = (await api().get(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}`)).json();
    expect(police.task.status).toBe('pending');
    expect(police.task.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(police.birthCertificateNo).toBe('Q530012345');
    expect(police.bundle.newborn).toMatchObject({ name: '和小禾', birthDate: BIRTH_DATE });
    // Both parents were chosen from the registry by the bound family: nothing for the officer to confirm.
    expect(police.declaredParents).toEqual([]);
  });

  it('the disease-control centre issues the vaccination record', async () => {
    const done = await api().post(s.cdc!, `/api/bundle-tasks/${taskId(bundle, 'vaccinationRecord')}/complete`, {
      recordNo: 'YN-533423-0001',
    });
    expect(done.json().task).toMatchObject({ status: 'done', result: { recordNo: 'YN-533423-0001' } });
  });

  it('public security registers the newborn: a registry person with hukou, both parents, the household and parity 2', async () => {
    const done = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/complete`, {
      idNumber: newbornId,
    });
    expect(done.statusCode).toBe(200);
    const result = done.json().task.result;
    expect(result.newbornIdMasked).toBe(`${newbornId.slice(0, 6)}********${newbornId.slice(14)}`);
    const personId = result.newbornPersonId;
    const [p] = await t.database.query<{
      name: string;
      hukou_region_code: string;
      residence_region_code: string;
      parity: number;
      source: string;
      household_id: number | null;
      id_cipher: Buffer;
    }>(
      'SELECT name, hukou_region_code, residence_region_code, parity, source, household_id, id_cipher FROM persons WHERE id = $1',
      [personId],
    );
    expect(p).toMatchObject({
      name: '和小禾',
      hukou_region_code: f.mother.residenceRegionCode,
      residence_region_code: f.mother.residenceRegionCode,
      parity: 2,
      source: 'newbornBundle',
    });
    expect(Buffer.from(p!.id_cipher).toString('latin1')).not.toContain(newbornId); // encrypted in the registry
    const [mother] = await t.database.query<{ household_id: number }>(
      'SELECT household_id FROM persons WHERE id = $1',
      [f.mother.personId],
    );
    expect(Number(p!.household_id)).toBe(Number(mother!.household_id));
    const links = await t.database.query<{ kind: string; from_person_id: number }>(
      'SELECT kind, from_person_id FROM relationships WHERE to_person_id = $1 ORDER BY kind',
      [personId],
    );
    expect(links.map((l) => [l.kind, Number(l.from_person_id)])).toEqual([
      ['father', f.spouseId],
      ['mother', f.mother.personId],
    ]);
    const events = await t.database.query<{ kind: string }>('SELECT kind FROM registry_events WHERE person_id = $1', [
      personId,
    ]);
    expect(events.map((e) => e.kind)).toEqual(['newbornRegistered']);
    const after = (
      await api().get(s.medins!, `/api/bundle-tasks/${taskId(bundle, 'medicalInsuranceEnrollment')}`)
    ).json();
    expect(after.task).toMatchObject({ status: 'pending', enrolmentDeadline: '2026-03-20' });
  });

  it('the registry event reaches benefits: the Yunnan birth grant for a second child is pending, and the family is told (免申即享)', async () => {
    const personId = (await familyView()).newborn.personId;
    const grant = await eventually(
      async () =>
        (
          await t.database.query<{ amount_fen: number; first_period_key: string }>(
            "SELECT amount_fen, first_period_key FROM pending_entitlements WHERE person_id = $1 AND scheme_code = 'yunnan.birthGrant'",
            [personId],
          )
        )[0],
      'the pending birth grant',
    );
    expect({ amount: Number(grant.amount_fen), period: grant.first_period_key }).toEqual({
      amount: 200_000,
      period: 'once',
    });
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(f.r) })).json()
      .items;
    expect(inbox.some((n: { body: string }) => n.body.startsWith('免申即享') && n.body.includes('¥2,000.00'))).toBe(
      true,
    );
    const view = await familyView();
    expect(view.entitlements.map((e: { schemeCode: string }) => e.schemeCode)).toContain('yunnan.birthGrant');
  });

  it('refuses, once hukou is registered, a return of the newborn’s or a parent’s identity: it follows the hukou record', async () => {
    const id = taskId(bundle, 'medicalInsuranceEnrollment');
    for (const fields of [['newborn.name'], ['mother.idNumber', 'mother.phone']]) {
      const res = await api().post(s.medins!, `/api/bundle-tasks/${id}/return`, { reason: '请核对', fields });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'task.hukouRegistered',
        message: expect.stringContaining('户口已登记，身份信息以户籍为准'),
      });
    }
    const en = await api().post(
      s.medins!,
      `/api/bundle-tasks/${id}/return`,
      { reason: 'check', fields: ['newborn.name'] },
      'en',
    );
    expect(en.json().message).toContain('hukou is registered; identity follows the hukou record');
    expect(
      (await familyView()).tasks.find((x: { service: string }) => x.service === 'medicalInsuranceEnrollment').status,
    ).toBe('pending');
  });

  it('medical insurance returns a phone for correction; the family fixes it and keeps everything hukou produced', async () => {
    const id = taskId(bundle, 'medicalInsuranceEnrollment');
    const returned = await api().post(s.medins!, `/api/bundle-tasks/${id}/return`, {
      reason: '联系电话无法接通',
      fields: ['mother.phone'],
    });
    expect(returned.json().task.status).toBe('returned');
    expect((await familyView()).status).toBe('returned');
    const fixed = await t.app.inject({
      method: 'POST',
      url: `/api/portal/newborn-bundles/${bundle.id}/corrections`,
      ...asResident(f.r),
      payload: { service: 'medicalInsuranceEnrollment', corrections: { 'mother.phone': '139 0000 1002' } },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().status).toBe('inProgress');
    expect(fixed.json().newborn.idMasked).toBe(`${newbornId.slice(0, 6)}********${newbornId.slice(14)}`);
    expect(fixed.json().newborn.personId).not.toBeNull();
    expect(fixed.json().tasks.find((x: { service: string }) => x.service === 'medicalInsuranceEnrollment').status).toBe(
      'pending',
    );
  });

  it('medical insurance enrols within the 90 days (not late), the card office completes; the bundle is done', async () => {
    const queue = (
      await api().get(s.medins!, '/api/bundle-tasks?service=medicalInsuranceEnrollment&status=pending')
    ).json();
    const row = queue.items.find((x: { id: number }) => x.id === taskId(bundle, 'medicalInsuranceEnrollment'));
    expect(row).toMatchObject({ enrolmentDeadline: '2026-03-20', late: true }); // enrolling today would be late
    const enrolled = await api().post(s.medins!, `/api/bundle-tasks/${row.id}/complete`, { enrolledOn: '2026-01-05' });
    expect(enrolled.json().task).toMatchObject({
      status: 'done',
      late: false,
      result: { enrolledOn: '2026-01-05', lateEnrolment: false },
    });
    const card = await api().post(s.hrss!, `/api/bundle-tasks/${taskId(bundle, 'socialSecurityCard')}/complete`, {
      cardNo: 'W12345678',
    });
    expect(card.json().task.result).toEqual({ cardNo: 'W12345678', cardStatus: 'issued' });
  });

  it('the family sees everything done, each department’s result, and an SMS for every step', async () => {
    const view = await familyView();
    expect(view.status).toBe('completed');
    expect(view.completedAt).not.toBeNull();
    expect(view.tasks.every((x: { status: string }) => x.status === 'done')).toBe(true);
    expect(view.newborn.idMasked).toBe(`${newbornId.slice(0, 6)}********${newbornId.slice(14)}`);
    expect(JSON.stringify(view)).not.toContain(newbornId);
    const list = (await t.app.inject({ method: 'GET', url: '/api/portal/newborn-bundles', ...asResident(f.r) })).json();
    expect(list[0]).toMatchObject({ bundleNo: bundle.bundleNo, status: 'completed' });
    const texts = await eventually(async () => {
      const m = smsTo(f.mother.phone);
      return m.some((x) => x.includes('全部事项均已办结')) && m;
    }, 'the last SMS');
    for (const label of [
      '出生医学证明已办结',
      '预防接种证已办结',
      '户口登记已办结',
      '医保参保已办结',
      '社保卡申领已办结',
    ])
      expect(texts.some((x) => x.includes(label))).toBe(true);
  });

  it('audits every step: submission, views, five completions, the registration, the entitlement', async () => {
    const rows = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE (target_type = 'newbornBundle' AND target_id = $1) OR (target_type = 'bundleTask' AND details->>'bundleId' = $1)
         OR (target_type = 'person' AND target_id = $2::text) ORDER BY seq`,
      [String(bundle.id), String((await familyView()).newborn.personId)],
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'bundle.completeTask')).toHaveLength(5);
    for (const a of [
      'bundle.submit',
      'bundle.viewTask',
      'registry.registerNewborn',
      'benefits.pendingEntitlement',
      'bundle.view',
    ])
      expect(actions).toContain(a);
  });
});

describe('a family the registry does not know', () => {
  it('registers the newborn where the hukou goes, without parents to link, a household or a parity', async () => {
    const r = await residentSignIn(t, '13900001009');
    const motherId = await freshIdNumber(t, '1996-04-18', 'female', '530102');
    const form = {
      newborn: {
        name: '阿依·买买提',
        sex: 'male',
        birthDate: BIRTH_DATE,
        birthTime: '23:05',
        birthPlace: '维西县人民医院',
        hospitalName: '维西傈僳族自治县人民医院',
      },
      mother: { name: '阿依古丽·买买提', idNumber: motherId, phone: '13900001009' },
      father: null,
      hukouRegionCode: '533423101001',
      services: ['birthCertificate', 'hukouRegistration'],
    };
    const b = (await submit(t, r, form)).json();
    expect(b.mother.personId).toBeNull();
    await api().post(s.hospital!, `/api/bundle-tasks/${taskId(b, 'birthCertificate')}/complete`, {
      certificateNo: 'Q530012346',
    });
    const id = await freshIdNumber(t, BIRTH_DATE, 'male');
    const done = await api().post(s.police!, `/api/bundle-tasks/${taskId(b, 'hukouRegistration')}/complete`, {
      idNumber: id,
    });
    expect(done.statusCode).toBe(200);
    const personId = done.json().task.result.newbornPersonId;
    const [p] = await t.database.query<{
      residence_region_code: string;
      parity: number | null;
      household_id: number | null;
      quality_issues: string[];
    }>('SELECT residence_region_code, parity, household_id, quality_issues FROM persons WHERE id = $1', [personId]);
    expect(p).toEqual({
      residence_region_code: '533423101001',
      parity: null,
      household_id: null,
      quality_issues: ['household.missing'],
    });
    expect(await t.database.query('SELECT 1 FROM relationships WHERE to_person_id = $1', [personId])).toEqual([]);
    // No parity on record: no birth grant; the event is still handled.
    await eventually(
      async () =>
        (
          await t.database.query<{ handled_at: Date | null }>(
            'SELECT handled_at FROM registry_events WHERE person_id = $1',
            [personId],
          )
        )[0]?.handled_at,
      'the event handled',
    );
    expect(await t.database.query('SELECT 1 FROM pending_entitlements WHERE person_id = $1', [personId])).toEqual([]);
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${b.id}`, ...asResident(r) })
    ).json();
    expect(view.status).toBe('completed');
  });
});
