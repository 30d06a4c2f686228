import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPii } from '../crypto/pii.js';
import { createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { multipartWith } from '../registration/test-helpers.js';
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

// Issue 4: "Bad input (impossible dates, a malformed ID number, a script tag in a name) gets a
// clear message and changes nothing"; "a department can return its task for correction with a
// reason, and the family fixes only that part".

let t: TestApp;
let f: Family;
const s: Record<string, Session> = {};
let bundle: { id: number; bundleNo: string; tasks: { service: string; id: number }[] };

beforeAll(async () => {
  t = await createTestApp(1500);
  for (const u of ['hospital', 'police', 'cdc', 'medins']) s[u] = await login(t, u);
  f = await boundFamily(t, '13900003001');
  bundle = (await submit(t, f.r, bundleForm(f))).json();
  await staff(t).post(s.hospital!, `/api/bundle-tasks/${taskId(bundle, 'birthCertificate')}/complete`, {
    certificateNo: 'Q530099999',
  });
});
afterAll(async () => t?.close());

const api = () => staff(t);
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const tasksOf = (id: number) =>
  t.database.query<{
    service: string;
    status: string;
    deadline: string | null;
    pending_since: Date | null;
    updated_at: Date;
  }>(
    'SELECT service, status, deadline::text AS deadline, pending_since, updated_at FROM bundle_tasks WHERE bundle_id = $1 ORDER BY service',
    [id],
  );
const view = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${bundle.id}`, ...asResident(f.r) })).json();

describe('refusing bad input with a clear message, changing nothing', () => {
  it('a script tag in a name, an impossible date, a malformed parent ID number: 400 with each field in zh and en', async () => {
    const before = [await count('newborn_bundles'), await count('bundle_tasks'), await count('notifications')];
    const form = bundleForm(f, {
      newborn: { ...bundleForm(f).newborn, name: '<script>alert(1)</script>', birthDate: '2025-02-30' },
      father: { name: '余建国', idNumber: '53342319930708131X' },
    });
    const zh = await submit(t, f.r, form);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().code).toBe('bundle.invalid');
    const byField = Object.fromEntries(
      zh.json().details.map((d: { field: string; code: string }) => [d.field, d.code]),
    );
    expect(byField).toMatchObject({
      'newborn.name': 'name.invalidCharacters',
      'newborn.birthDate': 'date.format',
      'father.idNumber': 'idNumber.checkCharacter',
    });
    const detail = zh.json().details.find((d: { field: string }) => d.field === 'newborn.birthDate');
    expect(detail.message.zh).toContain('不是有效日期');
    expect(detail.message.en).toContain('not a real date');
    const en = await submit(t, f.r, form, 'en');
    expect(en.json().message).toMatch(/newborn bundle has errors/);
    expect([await count('newborn_bundles'), await count('bundle_tasks'), await count('notifications')]).toEqual(before);
  });

  it('refuses a registry parent who is not the resident or their spouse, a hukou region outside the platform, a registration not theirs', async () => {
    const stranger = (
      await t.database.query<{ id: number }>("SELECT id FROM persons WHERE sex = 'female' AND id NOT IN ($1) LIMIT 1", [
        f.mother.personId,
      ])
    )[0]!.id;
    const res = await submit(
      t,
      f.r,
      bundleForm(f, { mother: { personId: Number(stranger) }, hukouRegionCode: '110101001', registrationId: 999999 }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['mother.personId', 'parent.notFamily'],
      ['hukouRegionCode', 'hukouRegion.unknown'],
      ['registrationId', 'registration.notFound'],
    ]);
  });

  it('links a completed childbirth registration of the same resident', async () => {
    const [reg] = await t.database.query<{ id: number }>(
      `INSERT INTO childbirth_registrations (registration_no, region_code, resident_id, channel, married, child_status, mother_name, mother_id_cipher,
         mother_id_blind_index, mother_id_masked, parity, commitment_text, status, deadline)
       VALUES ('T' || nextval('childbirth_registration_no_seq'), $1, $2, 'portal', true, 'pregnant', $3, '\\x00', '\\x00', '533423********0000', 2, '承诺', 'completed', '2025-06-01') RETURNING id`,
      [f.mother.residenceRegionCode, f.r.residentId, f.mother.name],
    );
    const res = await submit(
      t,
      f.r,
      bundleForm(f, {
        newborn: { ...bundleForm(f).newborn, name: '和小蕊' },
        services: ['vaccinationRecord'],
        registrationId: Number(reg!.id),
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().registrationId).toBe(Number(reg!.id));
  });

  it('a malformed newborn ID number, or one with another birth date: 400 and no one enters the registry', async () => {
    const id = await freshIdNumber(t, BIRTH_DATE, 'female');
    const persons = await count('persons');
    const wrongCheck = await api().post(
      s.police!,
      `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/complete`,
      { idNumber: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') },
    );
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json().details[0]).toMatchObject({ field: 'idNumber', code: 'idNumber.checkCharacter' });
    const otherDay = await freshIdNumber(t, '2025-12-21', 'female');
    const wrongDate = await api().post(
      s.police!,
      `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/complete`,
      { idNumber: otherDay },
      'en',
    );
    expect(wrongDate.statusCode).toBe(400);
    expect(wrongDate.json().details[0].code).toBe('newbornIdNumber.birthDateMismatch');
    expect(wrongDate.json().details[0].message.en).toContain('2025-12-21');
    // A valid number someone in the registry already holds.
    const held = await freshIdNumber(t, BIRTH_DATE, 'female');
    const pii = createPii(t.keys);
    await t.database.query(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
       VALUES ('已在库', 'female', $1, 'resident', $2, $3, '533423********0000', '533423101001', '533423101001', 'test', '')`,
      [BIRTH_DATE, pii.encryptIdNumber(held), pii.idBlindIndex(held)],
    );
    const taken = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/complete`, {
      idNumber: held,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('bundle.newbornIdTaken');
    expect(await count('persons')).toBe(persons + 1);
    expect((await tasksOf(bundle.id)).find((x) => x.service === 'hukouRegistration')!.status).toBe('pending');
  });
});

describe('one open bundle per newborn', () => {
  it('refuses a second submission for the same newborn while the first is open (409, zh and en), and takes a twin', async () => {
    const before = [await count('newborn_bundles'), await count('bundle_tasks')];
    const again = await submit(t, f.r, bundleForm(f));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'bundle.duplicate',
      message: expect.stringContaining('请勿重复提交'),
      details: { bundleId: bundle.id, bundleNo: bundle.bundleNo },
    });
    // The same mother typed instead of chosen is the same mother.
    const typed = await submit(
      t,
      f.r,
      bundleForm(f, {
        mother: { name: f.mother.name, idNumber: f.mother.idNumber.toLowerCase(), phone: f.mother.phone },
      }),
      'en',
    );
    expect(typed.statusCode).toBe(409);
    expect(typed.json().message).toMatch(/already submitted a newborn bundle for this child/);
    expect([await count('newborn_bundles'), await count('bundle_tasks')]).toEqual(before);
    const twin = await submit(
      t,
      f.r,
      bundleForm(f, { newborn: { ...bundleForm(f).newborn, name: '和小穗' }, services: ['vaccinationRecord'] }),
    );
    expect(twin.statusCode).toBe(201);
  });

  it('lets only one of several identical submissions sent at once through', async () => {
    const r = await residentSignIn(t, '13900003009');
    const form = {
      newborn: {
        name: '阿依·买买提',
        sex: 'male',
        birthDate: BIRTH_DATE,
        birthTime: '23:05',
        birthPlace: '维西县人民医院',
        hospitalName: '维西傈僳族自治县人民医院',
      },
      mother: {
        name: '阿依古丽·买买提',
        idNumber: await freshIdNumber(t, '1996-04-18', 'female', '530102'),
        phone: '13900003009',
      },
      father: null,
      hukouRegionCode: '533423101001',
      services: ['birthCertificate', 'vaccinationRecord', 'hukouRegistration'],
    };
    const codes = (await Promise.all(Array.from({ length: 5 }, () => submit(t, r, form))))
      .map((res) => res.statusCode)
      .sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const rows = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM newborn_bundles WHERE resident_id = $1',
      [r.residentId],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });
});

describe('the 90 days of medical insurance', () => {
  it('keep the enrolment deadline of the submission when the hospital has the birth date corrected', async () => {
    const b = (await submit(t, f.r, bundleForm(f, { newborn: { ...bundleForm(f).newborn, name: '和小满' } }))).json();
    expect(b.tasks.find((x: { service: string }) => x.service === 'medicalInsuranceEnrollment').enrolmentDeadline).toBe(
      '2026-03-20',
    );
    expect(
      (
        await api().post(s.hospital!, `/api/bundle-tasks/${taskId(b, 'birthCertificate')}/return`, {
          reason: '出生日期与分娩记录不符',
          fields: ['newborn.birthDate'],
        })
      ).statusCode,
    ).toBe(200);
    const fixed = await t.app.inject({
      method: 'POST',
      url: `/api/portal/newborn-bundles/${b.id}/corrections`,
      ...asResident(f.r),
      payload: { service: 'birthCertificate', corrections: { 'newborn.birthDate': '2025-12-10' } },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().newborn.birthDate).toBe('2025-12-10');
    expect(
      fixed.json().tasks.find((x: { service: string }) => x.service === 'medicalInsuranceEnrollment').enrolmentDeadline,
    ).toBe('2026-03-20');
    const row = (await api().get(s.medins!, `/api/bundle-tasks?q=${b.bundleNo}`)).json().items[0];
    expect(row).toMatchObject({ service: 'medicalInsuranceEnrollment', enrolmentDeadline: '2026-03-20' });
  });
});

describe('return for correction', () => {
  it('public security returns hukou registration with a reason; the family is told what to fix', async () => {
    const noReason = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/return`, {
      reason: '  ',
      fields: ['newborn.name'],
    });
    expect(noReason.json().code).toBe('task.reasonRequired');
    const notTheirs = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/return`, {
      reason: '电话',
      fields: ['mother.phone'],
    });
    expect(notTheirs.json().code).toBe('task.fieldNotUsed');
    const res = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/return`, {
      reason: '姓名与出生医学证明不一致',
      fields: ['newborn.name'],
    });
    expect(res.json().task).toMatchObject({
      status: 'returned',
      returnReason: '姓名与出生医学证明不一致',
      fieldsToFix: ['newborn.name'],
    });
    const v = await view();
    expect(v.status).toBe('returned');
    await eventually(
      async () =>
        t.sms.messages.some(
          (m) =>
            m.phone === f.mother.phone && m.text.includes('姓名与出生医学证明不一致') && m.text.includes('新生儿姓名'),
        ),
      'the return SMS',
    );
  });

  it('takes only the returned field, valid; then hands that task back with a new deadline and leaves the others alone', async () => {
    const before = await tasksOf(bundle.id);
    const url = `/api/portal/newborn-bundles/${bundle.id}/corrections`;
    const post = (payload: object) => t.app.inject({ method: 'POST', url, payload, ...asResident(f.r) });
    expect(
      (await post({ service: 'hukouRegistration', corrections: { 'newborn.birthPlace': '丽江' } })).json().code,
    ).toBe('task.correctionNotRequested');
    const bad = await post({ service: 'hukouRegistration', corrections: { 'newborn.name': '<b>和</b>' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'newborn.name', code: 'name.invalidCharacters' });
    expect(await tasksOf(bundle.id)).toEqual(before);
    const ok = await post({ service: 'hukouRegistration', corrections: { 'newborn.name': '和小苗' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().newborn.name).toBe('和小苗');
    expect(ok.json().status).toBe('inProgress');
    const after = await tasksOf(bundle.id);
    const hukou = after.find((x) => x.service === 'hukouRegistration')!;
    expect(hukou.status).toBe('pending');
    expect(hukou.deadline).not.toBeNull();
    expect(after.filter((x) => x.service !== 'hukouRegistration')).toEqual(
      before.filter((x) => x.service !== 'hukouRegistration'),
    );
    // The hospital's certificate used the name: it is told, not reopened.
    const inbox = (await api().get(s.hospital!, '/api/notifications')).json().items;
    expect(inbox.some((n: { body: string }) => n.body.includes(bundle.bundleNo) && n.body.includes('请核对'))).toBe(
      true,
    );
    const police = (await api().get(s.police!, '/api/notifications')).json().items;
    expect(police.some((n: { body: string }) => n.body.includes('已由家庭补正'))).toBe(true);
    const audit = await t.database.query<{ details: { fields: string[] } }>(
      "SELECT details FROM audit_log WHERE action = 'bundle.correct' AND target_id = $1",
      [String(bundle.id)],
    );
    expect(audit.map((a) => a.details.fields)).toEqual([['newborn.name']]);
  });

  it('refuses a second correction of a task no longer returned', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/portal/newborn-bundles/${bundle.id}/corrections`,
      payload: { service: 'hukouRegistration', corrections: { 'newborn.name': '和小禾' } },
      ...asResident(f.r),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('task.wrongStatus');
  });

  it('moves the bundle’s attachments and messages with its tasks when the family corrects the hukou region', async () => {
    const from = (await view()).hukouRegion.code as string;
    const to = (
      await t.database.query<{ code: string }>(
        'SELECT code FROM regions WHERE level = 5 AND code LIKE $1 AND code NOT LIKE $2 ORDER BY code LIMIT 1',
        ['533423%', `${from.slice(0, 9)}%`],
      )
    )[0]!.code;
    const file = multipartWith(
      { ownerKind: 'newbornBundle', ownerId: String(bundle.id) },
      '出生医学证明.pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/portal/attachments',
      payload: file.payload,
      headers: { ...file.headers, cookie: f.r.cookie, 'x-csrf-token': f.r.csrf },
    });
    expect(uploaded.statusCode).toBe(201);
    const hukou = taskId(bundle, 'hukouRegistration');
    expect(
      (
        await api().post(s.police!, `/api/bundle-tasks/${hukou}/return`, {
          reason: '落户地应为父亲户籍所在村',
          fields: ['hukouRegionCode'],
        })
      ).statusCode,
    ).toBe(200);
    const fixed = await t.app.inject({
      method: 'POST',
      url: `/api/portal/newborn-bundles/${bundle.id}/corrections`,
      payload: { service: 'hukouRegistration', corrections: { hukouRegionCode: to } },
      ...asResident(f.r),
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().hukouRegion.code).toBe(to);
    const regionsOf = async (sql: string) => [
      ...new Set((await t.database.query<{ region_code: string }>(sql, [bundle.id])).map((r) => r.region_code)),
    ];
    expect(await regionsOf('SELECT region_code FROM bundle_tasks WHERE bundle_id = $1')).toEqual([to]);
    expect(
      await regionsOf("SELECT region_code FROM attachments WHERE owner_kind = 'newbornBundle' AND owner_id = $1"),
    ).toEqual([to]);
    expect(
      await regionsOf(`SELECT region_code FROM notifications WHERE (subject_kind = 'newbornBundle' AND subject_id = $1)
      OR (subject_kind = 'bundleTask' AND subject_id IN (SELECT id FROM bundle_tasks WHERE bundle_id = $1))`),
    ).toEqual([to]);
    // Another bundle's files and messages stay where they were.
    expect(
      Number(
        (
          await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE region_code = $1', [
            from,
          ])
        )[0]!.n,
      ),
    ).toBeGreaterThan(0);
  });

  it('once hukou is registered, takes a correction that keeps the registered name and refuses one that changes it', async () => {
    const vaccination = taskId(bundle, 'vaccinationRecord');
    expect(
      (
        await api().post(s.cdc!, `/api/bundle-tasks/${vaccination}/return`, {
          reason: '姓名请核对',
          fields: ['newborn.name'],
        })
      ).statusCode,
    ).toBe(200);
    const done = await api().post(s.police!, `/api/bundle-tasks/${taskId(bundle, 'hukouRegistration')}/complete`, {
      idNumber: await freshIdNumber(t, BIRTH_DATE, 'female'),
    });
    expect(done.statusCode).toBe(200);
    const url = `/api/portal/newborn-bundles/${bundle.id}/corrections`;
    const post = (name: string, lang = 'zh-CN') =>
      t.app.inject({
        method: 'POST',
        url,
        payload: { service: 'vaccinationRecord', corrections: { 'newborn.name': name } },
        ...asResident(f.r, { 'accept-language': lang }),
      });
    const changed = await post('和小禾', 'en');
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({
      code: 'task.hukouRegistered',
      message: expect.stringContaining('identity follows the hukou record'),
    });
    expect((await view()).newborn.name).toBe('和小苗');
    const kept = await post('和小苗');
    expect(kept.statusCode).toBe(200);
    expect(kept.json().tasks.find((x: { service: string }) => x.service === 'vaccinationRecord').status).toBe(
      'pending',
    );
  });

  it('shows a family only its own bundles', async () => {
    const other = await boundFamily(t, '13900003002', 5);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${bundle.id}`, ...asResident(other.r) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/portal/newborn-bundles', ...asResident(other.r) })).json(),
    ).toEqual([]);
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/portal/newborn-bundles/${bundle.id}/corrections`,
      payload: { service: 'hukouRegistration', corrections: { 'newborn.name': '和' } },
      ...asResident(other.r),
    });
    expect(post.statusCode).toBe(404);
  });
});
