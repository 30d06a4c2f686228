import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptField } from '../crypto/pii.js';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { asResident, residentSignIn, type ResidentSession } from '../test/resident.js';
import { boundMother, chinaDay, COMMITMENT, count, declaredForm, smsTo, submit, villageOf } from './test-helpers.js';

let t: TestApp;
let village: string;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(1500);
  village = await villageOf(t, '533423101');
  township = await login(t, 'township');
});
afterAll(async () => t?.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, ...as(s) });
const post = (url: string, s: Session, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, ...as(s), payload });
const tokenIn = (text: string) => /\/verify\/([A-Za-z0-9_.-]+)/.exec(text)![1]!;

/** A registration of a registry mother without conflicts (her own record, her husband, an older child). */
async function cleanRegistration(phone: string, n: number): Promise<{ id: number; no: string; r: ResidentSession }> {
  const { r } = await boundMother(t, phone, n);
  const p = (
    await t.app.inject({ method: 'GET', url: '/api/portal/childbirth-registrations/prefill', ...asResident(r) })
  ).json();
  const res = await submit(t, r, {
    mother: { personId: p.mother.personId },
    father: { personId: p.father.personId },
    married: true,
    residenceRegionCode: village,
    childStatus: 'pregnant',
    expectedBirthDate: chinaDay(150),
    commitment: COMMITMENT,
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, no: res.json().registrationNo, r };
}

describe('the township worker', () => {
  it('sees the queue of the township with deadlines and counts; another township sees nothing and cannot complete (404)', async () => {
    const { id } = await cleanRegistration('13500000001', 0);
    const q = await get('/api/childbirth-registrations?status=submitted', township);
    expect(q.statusCode).toBe(200);
    const item = q.json().items.find((i: { id: number }) => i.id === id);
    expect(item).toMatchObject({ status: 'submitted', deadlineState: 'onTime', conflictCount: 0, channel: 'portal' });
    expect(q.json().counts.submitted).toBeGreaterThanOrEqual(1);

    const other = await login(t, 'township2');
    expect(
      (await get('/api/childbirth-registrations', other)).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect((await get(`/api/childbirth-registrations/${id}`, other)).statusCode).toBe(404);
    expect((await post(`/api/childbirth-registrations/${id}/complete`, other)).statusCode).toBe(404);
    expect(
      (await post(`/api/childbirth-registrations/${id}/request-info`, other, { message: '请补充' })).statusCode,
    ).toBe(404);
    expect((await get(`/api/childbirth-registrations/${id}/receipt.pdf`, other)).statusCode).toBe(404);
    expect((await post('/api/childbirth-registrations/bulk-complete', other, { ids: [id] })).json()).toMatchObject({
      completed: [],
      skipped: [{ id, reason: 'notFound' }],
    });
    const refused = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE username = 'township2' AND outcome = 'denied' AND action LIKE 'childbirthRegistration.%' ORDER BY seq",
    );
    expect(refused.map((a) => a.action)).toEqual([
      'childbirthRegistration.view',
      'childbirthRegistration.complete',
      'childbirthRegistration.requestInfo',
      'childbirthRegistration.receipt',
      'childbirthRegistration.complete',
    ]);
    expect(
      await count(t, "SELECT count(*)::int AS n FROM childbirth_registrations WHERE id = $1 AND status = 'submitted'", [
        id,
      ]),
    ).toBe(1);
    expect((await get(`/api/attachments/1`, other)).statusCode).toBe(404);
    // County administrators read; only a township worker acts; leaders see the figures, not the families (issue 11).
    const countyAdmin = await login(t, 'county');
    expect((await get(`/api/childbirth-registrations/${id}`, countyAdmin)).statusCode).toBe(200);
    expect((await post(`/api/childbirth-registrations/${id}/complete`, countyAdmin)).statusCode).toBe(403);
    const leader = await login(t, 'leader');
    expect((await get(`/api/childbirth-registrations/${id}`, leader)).statusCode).toBe(403);
  });

  it('completes within the deadline: receipt PDF for family and staff, a verify link that checks out, SMS, audit and history', async () => {
    const { id, no, r } = await cleanRegistration('13500000002', 1);
    const detail = await get(`/api/childbirth-registrations/${id}`, township);
    expect(detail.json()).toMatchObject({
      conflicts: [],
      registryMatches: { mother: { known: true }, father: { known: true } },
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/portal/childbirth-registrations/${id}/receipt.pdf`,
          ...asResident(r),
        })
      ).statusCode,
    ).toBe(409);

    const done = await post(`/api/childbirth-registrations/${id}/complete`, township);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      receiptAvailable: true,
      deadlineState: null,
      completedByName: '乡镇计生专干 和丽',
    });
    expect(done.json().completedAt.slice(0, 10) <= done.json().deadline).toBe(true);
    expect(done.json().history.map((h: { action: string }) => h.action)).toEqual([
      'childbirthRegistration.submit',
      'childbirthRegistration.complete',
    ]);
    expect((await post(`/api/childbirth-registrations/${id}/complete`, township)).statusCode).toBe(409);

    for (const res of [
      await t.app.inject({
        method: 'GET',
        url: `/api/portal/childbirth-registrations/${id}/receipt.pdf`,
        ...asResident(r),
      }),
      await get(`/api/childbirth-registrations/${id}/receipt.pdf`, township),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }

    const sms = await smsTo(t, '13500000002', '已办结');
    const token = tokenIn(sms);
    const verified = await t.app.inject({ method: 'GET', url: `/api/receipts/verify/${token}` });
    expect(verified.json()).toMatchObject({
      valid: true,
      kind: 'childbirthRegistration',
      number: no,
      contentMatches: true,
      summary: { parity: 2, childStatus: 'pregnant' },
    });
    expect(verified.json().summary.motherName).toMatch(/^.\*+$/u);
    expect(verified.json().issuer).toMatch(/人民政府$/);

    const actions = await t.database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_id IN ($1, $2) AND action LIKE '%.%' ORDER BY seq",
      [String(id), no],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'childbirthRegistration.view',
        'childbirthRegistration.complete',
        'childbirthRegistration.receipt',
        'receipt.verify',
      ]),
    );

    // A correction after issue shows: the token is still ours, the content no longer matches.
    await t.database.query(
      'UPDATE childbirth_registrations SET expected_birth_date = expected_birth_date + 1 WHERE id = $1',
      [id],
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/receipts/verify/${token}` })).json()).toMatchObject({
      valid: true,
      contentMatches: false,
    });
  });

  it('issues no receipt link to the address a request names when the public address is unset: 503, nothing completed, no message', async () => {
    const r = await residentSignIn(t, '13500000009');
    const id = (await submit(t, r, declaredForm(village))).json().id;
    const elsewhere = { host: 'attacker.example' };
    const note = { note: '户籍在外省，已电话核实' };
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/childbirth-registrations/${id}/complete`,
      ...as(township, elsewhere),
      payload: note,
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({
      code: 'registration.publicUrlUnset',
      message: expect.stringContaining('CRADLE_PUBLIC_URL'),
    });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/childbirth-registrations/bulk-complete',
          ...as(township, elsewhere),
          payload: { ids: [id] },
        })
      ).statusCode,
    ).toBe(503);
    expect(
      await count(t, "SELECT count(*)::int AS n FROM childbirth_registrations WHERE id = $1 AND status = 'submitted'", [
        id,
      ]),
    ).toBe(1);
    expect(
      await count(
        t,
        "SELECT count(*)::int AS n FROM notifications WHERE body_zh LIKE '%attacker.example%' OR body_en LIKE '%attacker.example%'",
      ),
    ).toBe(0);

    // Addressed to this machine (a demo), the request's origin is used.
    expect((await post(`/api/childbirth-registrations/${id}/complete`, township, note)).statusCode).toBe(200);
    expect(await smsTo(t, '13500000009', '已办结')).toContain('http://localhost');
    expect((await get(`/api/childbirth-registrations/${id}/receipt.pdf`, township)).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/childbirth-registrations/${id}/receipt.pdf`,
          ...as(township, elsewhere),
        })
      ).statusCode,
    ).toBe(503);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/portal/childbirth-registrations/${id}/receipt.pdf`,
          ...asResident(r, elsewhere),
        })
      ).statusCode,
    ).toBe(503);
  });

  it('says valid:false for a tampered, foreign or garbage token, never an error', async () => {
    const { id } = await cleanRegistration('13500000003', 2);
    await post(`/api/childbirth-registrations/${id}/complete`, township);
    const token = tokenIn(await smsTo(t, '13500000003', '已办结'));
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    for (const bad of [
      flipped,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      'garbage',
      'x'.repeat(3000),
      '%E2%80%AE.',
      'a.b',
      'a/b.c',
      '',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/receipts/verify/${bad}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ valid: false });
    }
  });

  it('needs a note to complete a registration with conflicts; bulk completion skips it and says why', async () => {
    const clean = await cleanRegistration('13500000004', 3);
    const waiting = await cleanRegistration('13500000005', 4);
    await post(`/api/childbirth-registrations/${waiting.id}/request-info`, township, { message: '请上传孕检记录' });
    const stranger = await residentSignIn(t, '13500000006');
    const conflicted = (await submit(t, stranger, declaredForm(village))).json().id;

    const bulk = await post('/api/childbirth-registrations/bulk-complete', township, {
      ids: [clean.id, conflicted, waiting.id, 999999],
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().completed).toEqual([clean.id]);
    expect(bulk.json().skipped.map((s: { id: number; reason: string }) => [s.id, s.reason])).toEqual([
      [conflicted, 'hasConflicts'],
      [waiting.id, 'waitingForFamily'],
      [999999, 'notFound'],
    ]);

    const bare = await post(`/api/childbirth-registrations/${conflicted}/complete`, township, { note: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('registration.noteRequired');
    const noted = await post(`/api/childbirth-registrations/${conflicted}/complete`, township, {
      note: '户籍在北京，已电话核实身份',
    });
    expect(noted.json()).toMatchObject({ status: 'completed', workerNote: '户籍在北京，已电话核实身份' });
  });

  it('audits whose registry records the detail shows: the matched parents and their children, on the view and on the actions that return it', async () => {
    // Declared by ID number (any registry couple with children): the detail matches them wherever they are registered.
    const [couple] = await t.database.query<{ m_name: string; m_id: Buffer; f_name: string; f_id: Buffer }>(
      `SELECT m.name AS m_name, m.id_cipher AS m_id, f.name AS f_name, f.id_cipher AS f_id FROM relationships s
         JOIN persons m ON m.id = s.to_person_id JOIN persons f ON f.id = s.from_person_id
        WHERE s.kind = 'spouse' AND EXISTS (SELECT 1 FROM relationships c WHERE c.kind = 'mother' AND c.from_person_id = m.id) ORDER BY m.id DESC LIMIT 1`,
    );
    const idOfCipher = (c: Buffer) => decryptField(t.keys.piiEncryption, 'idNumber', c);
    const res = await submit(
      t,
      await residentSignIn(t, '13500000008'),
      declaredForm(village, {
        mother: { name: couple!.m_name, idNumber: idOfCipher(couple!.m_id) },
        father: { name: couple!.f_name, idNumber: idOfCipher(couple!.f_id) },
        married: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const [parents] = await t.database.query<{ m: number; f: number }>(
      'SELECT mother_person_id AS m, father_person_id AS f FROM childbirth_registrations WHERE id = $1',
      [id],
    );
    const children = await t.database.query<{ id: number }>(
      "SELECT DISTINCT to_person_id AS id FROM relationships WHERE kind IN ('mother', 'father') AND from_person_id = ANY ($1::bigint[])",
      [[parents!.m, parents!.f]],
    );
    const shown = [parents!.m, parents!.f, ...children.map((c) => c.id)].map(Number).sort((a, b) => a - b);
    expect(children.length).toBeGreaterThan(0);
    const logged = async (action: string) => {
      const [entry] = await t.database.query<{ details: { registryPersonIds?: number[] } | null }>(
        "SELECT details FROM audit_log WHERE action = $1 AND target_id = $2 AND username = 'township' AND outcome = 'success' ORDER BY seq DESC LIMIT 1",
        [action, String(id)],
      );
      return [...(entry?.details?.registryPersonIds ?? [])].sort((a, b) => a - b);
    };
    expect((await get(`/api/childbirth-registrations/${id}`, township)).statusCode).toBe(200);
    expect(await logged('childbirthRegistration.view')).toEqual(shown);
    expect(
      (await post(`/api/childbirth-registrations/${id}/request-info`, township, { message: '请补充孕检记录' }))
        .statusCode,
    ).toBe(200);
    expect(await logged('childbirthRegistration.requestInfo')).toEqual(shown);
    expect((await post(`/api/childbirth-registrations/${id}/complete`, township, { note: '已核实' })).statusCode).toBe(
      200,
    );
    expect(await logged('childbirthRegistration.complete')).toEqual(shown);
  });

  it('asks the family for more information; the answer puts it back in the queue with a fresh deadline', async () => {
    const { id, r } = await cleanRegistration('13500000007', 5);
    expect(
      (await post(`/api/childbirth-registrations/${id}/request-info`, township, { message: '<b>x</b>' })).statusCode,
    ).toBe(400);
    const asked = await post(`/api/childbirth-registrations/${id}/request-info`, township, {
      message: '请补充父亲的联系电话',
    });
    expect(asked.json()).toMatchObject({ status: 'infoRequested', deadlineState: null });
    expect(await smsTo(t, '13500000007', '请补充父亲的联系电话')).toContain('需要补充信息');
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/portal/childbirth-registrations/${id}`,
      ...asResident(r),
    });
    expect(mine.json()).toMatchObject({ status: 'infoRequested', infoRequest: '请补充父亲的联系电话' });

    const reply = (message: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/portal/childbirth-registrations/${id}/reply`,
        ...asResident(r),
        payload: { message },
      });
    expect((await reply('')).statusCode).toBe(400);
    const answered = await reply('父亲电话 13912345678');
    expect(answered.json()).toMatchObject({ status: 'submitted', infoRequest: null, deadlineState: 'onTime' });
    expect((await reply('again')).statusCode).toBe(409);
    expect(
      await count(
        t,
        "SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND topic = 'childbirthRegistration.replied' AND role = 'townshipWorker'",
        [id],
      ),
    ).toBe(1);
    const history = (await get(`/api/childbirth-registrations/${id}`, township)).json().history;
    expect(history.map((h: { action: string; message: string | null }) => [h.action, h.message])).toEqual([
      ['childbirthRegistration.submit', null],
      ['childbirthRegistration.requestInfo', '请补充父亲的联系电话'],
      ['childbirthRegistration.reply', '父亲电话 13912345678'],
    ]);
  });
});
