import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestApp } from '../test/app.js';
import { pickTestMother } from '../test/family.js';
import { createPiiHere, decryptField, encryptField } from '../crypto/pii.js';
import { withResident } from '../portal/index.js';
import { asResident, residentSignIn } from '../test/resident.js';
import { readRegistrationContext } from './lookups-repo.js';
import {
  boundMother,
  chinaDay,
  COMMITMENT,
  count,
  declaredForm,
  idOf,
  smsTo,
  submit,
  UNKNOWN_FATHER_ID,
  UNKNOWN_MOTHER_ID,
  villageOf,
} from './test-helpers.js';

let t: TestApp;
let village: string;
beforeAll(async () => {
  t = await createTestApp(1500);
  village = await villageOf(t, '533423101');
});
afterAll(async () => t?.close());

const rows = () => count(t, 'SELECT count(*)::int AS n FROM childbirth_registrations');

describe('a family registers a childbirth in the portal', () => {
  it('registers a second child by commitment from the prefill: parity 2 computed from the registry and shown', async () => {
    const { mother, r } = await boundMother(t, '13600000001', 0);
    const pre = await t.app.inject({
      method: 'GET',
      url: '/api/portal/childbirth-registrations/prefill',
      ...asResident(r),
    });
    expect(pre.statusCode).toBe(200);
    const p = pre.json();
    expect(p).toMatchObject({
      bound: true,
      registrySpouse: true,
      parity: 2,
      residenceRegionCode: mother.residenceRegionCode,
    });
    expect(p.mother).toMatchObject({ personId: mother.personId, name: mother.name });
    expect(p.mother.idMasked).not.toContain(mother.idNumber.slice(6, 14));
    expect(p.father.sex).toBe('male');
    expect(p.children).toHaveLength(1);

    const res = await submit(t, r, {
      mother: { personId: p.mother.personId },
      father: { personId: p.father.personId },
      married: true,
      residenceRegionCode: village,
      childStatus: 'born',
      child: { name: '和小禾', sex: 'female', birthDate: chinaDay(-3) },
      commitment: COMMITMENT,
    });
    expect(res.statusCode).toBe(201);
    const reg = res.json();
    expect(reg).toMatchObject({
      status: 'submitted',
      parity: 2,
      childStatus: 'born',
      motherName: mother.name,
      deadlineState: 'onTime',
      receiptAvailable: false,
    });
    expect(reg.registrationNo).toMatch(new RegExp(`^SY533423${chinaDay(0).slice(0, 4)}\\d{6}$`));
    expect(reg.mother.idMasked).toBe(`${mother.idNumber.slice(0, 6)}********${mother.idNumber.slice(14)}`);
    expect(reg).not.toHaveProperty('conflicts'); // the family never sees what the registry holds on others

    const [stored] = await t.database.query<{
      mother_person_id: number;
      mother_id_cipher: Buffer;
      conflicts: unknown[];
    }>('SELECT mother_person_id, mother_id_cipher, conflicts FROM childbirth_registrations WHERE id = $1', [reg.id]);
    expect(Number(stored!.mother_person_id)).toBe(mother.personId);
    expect(stored!.mother_id_cipher.toString('latin1')).not.toContain(mother.idNumber); // encrypted
    expect(stored!.conflicts).toEqual([]);

    // Same transaction: the township's queue message, the family's in-app and SMS, the audit entry.
    expect(
      await count(
        t,
        "SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND role = 'townshipWorker' AND region_code = '533423101'",
        [reg.id],
      ),
    ).toBe(1);
    expect(
      await count(
        t,
        "SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND resident_id = $2 AND channel = 'inApp'",
        [reg.id, r.residentId],
      ),
    ).toBe(1);
    expect(await smsTo(t, mother.phone, reg.registrationNo)).toContain('已提交');
    const audit = await t.database.query<{ action: string; jurisdiction_code: string }>(
      "SELECT action, jurisdiction_code FROM audit_log WHERE username = $1 AND action LIKE 'childbirthRegistration.%' ORDER BY seq",
      [`resident:${r.residentId}`],
    );
    expect(audit).toEqual([
      { action: 'childbirthRegistration.prefill', jurisdiction_code: mother.residenceRegionCode },
      { action: 'childbirthRegistration.submit', jurisdiction_code: village },
    ]);

    const list = await t.app.inject({ method: 'GET', url: '/api/portal/childbirth-registrations', ...asResident(r) });
    expect(list.json().map((x: { id: number }) => x.id)).toEqual([reg.id]);
  });

  it('flags an ID number the registry does not know for the township worker instead of refusing the family', async () => {
    const r = await residentSignIn(t, '13600000002');
    const pre = await t.app.inject({
      method: 'GET',
      url: '/api/portal/childbirth-registrations/prefill',
      ...asResident(r),
    });
    expect(pre.json()).toMatchObject({ bound: false, mother: null, parity: null });
    const res = await submit(t, r, declaredForm(village, { father: { name: '王强', idNumber: UNKNOWN_FATHER_ID } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().parity).toBeNull(); // declared parents: the township confirms it from the registry
    const [stored] = await t.database.query<{
      conflicts: { code: string; subject: string; seen: { declared: string } }[];
    }>('SELECT conflicts FROM childbirth_registrations WHERE id = $1', [res.json().id]);
    expect(stored!.conflicts.map((c) => [c.code, c.subject])).toEqual([
      ['parentUnknownIdNumber', 'mother'],
      ['parentUnknownIdNumber', 'father'],
    ]);
    expect(stored!.conflicts[0]!.seen.declared).toBe(`110101********${UNKNOWN_MOTHER_ID.slice(14)}`);
  });

  it('refuses a registry person who is not the resident or their spouse, and writes nothing', async () => {
    const { r } = await boundMother(t, '13600000003', 1);
    const before = await rows();
    const [stranger] = await t.database.query<{ id: number }>(
      "SELECT id FROM persons WHERE sex = 'male' ORDER BY id DESC LIMIT 1",
    );
    const res = await submit(
      t,
      r,
      declaredForm(village, { father: { personId: Number(stranger!.id) }, married: true }),
      'en',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'father', code: 'parent.notInFamily' })]);
    expect(await rows()).toBe(before);
  });
});

describe('what a family learns of the registry from an ID number it types', () => {
  it("gets no parity for a declared mother (null: the township confirms it), while the township sees the registry's; after completion the receipt's parity shows", async () => {
    const stranger = await residentSignIn(t, '13600000011');
    // Someone else's record: a mother with one child, whose name and ID number the stranger knows.
    const target = await pickTestMother(t, '13600000012', 15);
    const form = declaredForm(village, {
      mother: { name: target.name, idNumber: target.idNumber },
      childStatus: 'born',
      expectedBirthDate: null,
      child: { name: '和小苗', sex: 'male', birthDate: chinaDay(-2) },
    });
    const res = await submit(t, stranger, form);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const mine = asResident(stranger);
    const seen = [
      res,
      await t.app.inject({ method: 'GET', url: `/api/portal/childbirth-registrations/${id}`, ...mine }),
    ];
    const list = await t.app.inject({ method: 'GET', url: '/api/portal/childbirth-registrations', ...mine });
    for (const view of [...seen.map((x) => x.json()), ...list.json()]) expect(view.parity).toBeNull();
    for (const body of [...seen, list].map((x) => x.body)) {
      expect(body).not.toContain('personId');
      expect(body).not.toContain(String(target.personId));
    }

    const township = await login(t, 'township');
    const staff = await t.app.inject({ method: 'GET', url: `/api/childbirth-registrations/${id}`, ...as(township) });
    expect(staff.json()).toMatchObject({
      parity: target.childCount + 1,
      registryMatches: { mother: { known: true, personId: target.personId } },
    });
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/childbirth-registrations?q=${res.json().registrationNo}`,
      ...as(township),
    });
    expect(queue.json().items[0].parity).toBe(target.childCount + 1);

    // Completed: the township confirmed it, and the receipt the family downloads prints it.
    await t.app.inject({
      method: 'POST',
      url: `/api/childbirth-registrations/${id}/complete`,
      ...as(township),
      payload: { note: '已电话核实' },
    });
    const done = await t.app.inject({ method: 'GET', url: `/api/portal/childbirth-registrations/${id}`, ...mine });
    expect(done.json()).toMatchObject({ status: 'completed', parity: target.childCount + 1 });
  });

  it('takes at most 5 registrations a day from one account (429, nothing written), in both languages', async () => {
    const r = await residentSignIn(t, '13600000013');
    for (let i = 0; i < 5; i++) expect((await submit(t, r, declaredForm(village))).statusCode).toBe(201);
    const before = await rows();
    const zh = await submit(t, r, declaredForm(village));
    expect(zh.statusCode).toBe(429);
    expect(zh.json()).toMatchObject({ code: 'registration.tooMany', message: expect.stringContaining('5') });
    expect((await submit(t, r, declaredForm(village), 'en')).json().message).toMatch(/at most 5/);
    expect(await rows()).toBe(before);
    // Another account is not held back.
    expect((await submit(t, await residentSignIn(t, '13600000014'), declaredForm(village))).statusCode).toBe(201);
  });
});

describe('a registration submitted twice at once', () => {
  const conflictsOf = async (ids: number[]) =>
    (
      await t.database.query<{ id: number; conflicts: { code: string }[] }>(
        'SELECT id, conflicts FROM childbirth_registrations WHERE id = ANY ($1::bigint[]) ORDER BY id',
        [ids],
      )
    ).map((r) => r.conflicts.map((c) => c.code).filter((c) => c === 'childAlreadyRegistered'));

  it.each([
    ['a double tap from one account', idOf('110101', '19930412', '224'), 1],
    [
      'the mother and the father registering the same birth from their own accounts',
      idOf('110101', '19930412', '246'),
      2,
    ],
  ])('%s: the second one stored carries the childAlreadyRegistered conflict', async (_, motherId, accounts) => {
    const first = await residentSignIn(t, `1360000${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`);
    const second =
      accounts === 1
        ? first
        : await residentSignIn(t, `1370000${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`);
    const form = declaredForm(village, { mother: { name: '李兰', idNumber: motherId } });
    const both = await Promise.all([submit(t, first, form), submit(t, second, form)]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(await conflictsOf(both.map((r) => r.json().id))).toEqual([[], ['childAlreadyRegistered']]);
  });

  it('looks up earlier registrations past the resident scope, then is back in it for the rest of the transaction', async () => {
    expect((await submit(t, await residentSignIn(t, '13600000015'), declaredForm(village))).statusCode).toBe(201);
    const r = await residentSignIn(t, '13600000016');
    const blind = createPiiHere(t.keys).idBlindIndex(UNKNOWN_MOTHER_ID);
    const seen = await withResident(t.database, r.residentId, async (tx) => {
      const { earlier } = await readRegistrationContext(tx, [], [blind], 24);
      const [after] = await tx.query<{ role: string; n: number }>(
        'SELECT current_user AS role, count(*)::int AS n FROM childbirth_registrations',
      );
      return { earlier: earlier.length, role: after!.role, visible: Number(after!.n) };
    });
    expect(seen.earlier).toBeGreaterThan(0); // another resident's registration of that mother
    expect(seen).toMatchObject({ role: 'cradle_app', visible: 0 });
  });
});

describe('what a registration reads before it is written (cradle_childbirth_registration_context)', () => {
  it("gives the family's registry records and the parents' children by birth date, and nothing of a stranger picked by id", async () => {
    // A mother with several children in the registry, bound through the portal as a family would.
    const [m] = await t.database.query<{ id: number; name: string; id_cipher: Buffer }>(
      `SELECT m.id, m.name, m.id_cipher FROM persons m JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother'
        WHERE m.death_date IS NULL GROUP BY m.id HAVING count(DISTINCT r.to_person_id) >= 3 ORDER BY m.id LIMIT 1`,
    );
    const mother = {
      personId: Number(m!.id),
      name: m!.name,
      idNumber: decryptField(t.keys.piiEncryption, 'idNumber', m!.id_cipher),
    };
    await t.database.query('UPDATE persons SET phone_cipher = $2 WHERE id = $1', [
      mother.personId,
      encryptField(t.keys.piiEncryption, 'phone', '13600000021'),
    ]);
    const r = await residentSignIn(t, '13600000021');
    const bound = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      remoteAddress: '10.4.0.21',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    expect(bound.statusCode).toBe(200);
    // The youngest child made the eldest: birth order then differs from the order the children were written in.
    await t.database.query(
      `UPDATE persons SET birth_date = (SELECT min(c.birth_date) - 1 FROM relationships r JOIN persons c ON c.id = r.to_person_id WHERE r.kind = 'mother' AND r.from_person_id = $1)
        WHERE id = (SELECT c.id FROM relationships r JOIN persons c ON c.id = r.to_person_id WHERE r.kind = 'mother' AND r.from_person_id = $1 ORDER BY c.birth_date DESC, c.id DESC LIMIT 1)`,
      [mother.personId],
    );
    const [stranger] = await t.database.query<{ id: number }>(
      `SELECT p.id FROM persons p WHERE p.id <> $1 AND NOT EXISTS (SELECT 1 FROM relationships s WHERE s.kind = 'spouse' AND $1 IN (s.from_person_id, s.to_person_id) AND p.id IN (s.from_person_id, s.to_person_id))
        ORDER BY p.id LIMIT 1`,
      [mother.personId],
    );
    const ctx = await withResident(t.database, r.residentId, (tx) =>
      readRegistrationContext(tx, [mother.personId, Number(stranger!.id)], [], 24),
    );
    const familyIds = ctx.family.map((p) => p.personId);
    expect(familyIds).toContain(mother.personId);
    expect(familyIds).not.toContain(Number(stranger!.id));
    expect(ctx.declared).toEqual([]);
    // As the registry holds them, in the order the two-way check lists its conflicts.
    const expected = await t.database.query<{ id: number }>(
      `SELECT c.id FROM relationships r JOIN persons c ON c.id = r.to_person_id
        WHERE r.kind IN ('mother', 'father') AND r.from_person_id = $1 ORDER BY c.birth_date, c.id`,
      [mother.personId],
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(ctx.children.map((c) => c.personId)).toEqual(expected.map((e) => Number(e.id)));
    expect(ctx.children.every((c) => c.ofPersonId === mother.personId && c.relation === 'child')).toBe(true);
    expect(ctx.recent).toBe(0);
  });

  it('answers a person id past the safe integers with 400 and changes nothing', async () => {
    const before = await rows();
    const r = await residentSignIn(t, '13600000022');
    const res = await submit(t, r, { ...declaredForm(village), mother: { personId: 1e21 } });
    expect(res.statusCode).toBe(400);
    expect(await rows()).toBe(before);
  });
});

describe('bad input gets a clear message in both languages and changes nothing', () => {
  const cases: [string, (v: string) => Record<string, unknown>, string, RegExp, RegExp][] = [
    [
      'a malformed ID number',
      (v) =>
        declaredForm(v, {
          mother: {
            name: '李梅',
            idNumber: UNKNOWN_MOTHER_ID.slice(0, 17) + (UNKNOWN_MOTHER_ID.endsWith('0') ? '1' : '0'),
          },
        }),
      'mother.idNumber',
      /校验/,
      /check/i,
    ],
    [
      'a birth date in the future',
      (v) =>
        declaredForm(v, {
          childStatus: 'born',
          expectedBirthDate: null,
          child: { name: '李小梅', sex: 'female', birthDate: chinaDay(5) },
        }),
      'child.birthDate',
      /晚于今天/,
      /after today/,
    ],
    [
      'an impossible date',
      (v) => declaredForm(v, { expectedBirthDate: '2027-02-30' }),
      'expectedBirthDate',
      /不是有效日期/,
      /not a real date/,
    ],
    [
      'a script tag in a name',
      (v) => declaredForm(v, { mother: { name: '<script>alert(1)</script>', idNumber: UNKNOWN_MOTHER_ID } }),
      'mother.name',
      /字符/,
      /character/,
    ],
    [
      'a township that does not exist',
      () => declaredForm('533423999'),
      'residenceRegionCode',
      /不在本平台/,
      /not a region/,
    ],
    [
      "a father whose ID number is a woman's",
      (v) => declaredForm(v, { father: { name: '王强', idNumber: idOf('110101', '19920708', '132') } }),
      'father.idNumber',
      /男性/,
      /male/,
    ],
  ];
  // A phone of its own per case: two random ones could meet (and the second wait 60 s for a code).
  let nextPhone = 0;
  it.each(cases)('%s', async (_, form, field, zh, en) => {
    const r = await residentSignIn(t, `1350010${String(++nextPhone).padStart(4, '0')}`);
    const before = await rows();
    const notes = await count(t, 'SELECT count(*)::int AS n FROM notifications');
    const resZh = await submit(t, r, form(village));
    expect(resZh.statusCode).toBe(400);
    expect(resZh.json().code).toBe('registration.invalid');
    const error = resZh.json().details.find((d: { field: string }) => d.field === field);
    expect(error.message.zh).toMatch(zh);
    expect(error.message.en).toMatch(en);
    const resEn = await submit(t, r, form(village), 'en');
    expect(resEn.json().message).toMatch(/not valid/);
    expect(await rows()).toBe(before);
    expect(await count(t, 'SELECT count(*)::int AS n FROM notifications')).toBe(notes);
  });

  it('a name held back by the schema still gets a message, not a 500', async () => {
    const r = await residentSignIn(t, '13600000009');
    const res = await submit(t, r, {
      ...declaredForm(village),
      mother: { name: { first: '梅' }, idNumber: UNKNOWN_MOTHER_ID },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请求内容不符合要求');
  });
});
