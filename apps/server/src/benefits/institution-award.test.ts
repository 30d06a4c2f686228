import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';
import { csvRows, financeCode, insertGrantChildren, type GrantChild } from './payment-file-test-setup.js';

// Issue 14, "Awards and subsidies": 004 (十二)'s 2,000 yuan per affordable slot, paid to a filed
// institution once the county records the provincial target met, through a payment cycle with
// its trace; before that it pays nothing and says why.

let t: TestApp;
let county: Session;
let admin: Session;
let finance: Session;
let township: Session;
const ids: Record<string, number> = {};
const SCHEME = 'weixi.childcareSlotAward';

beforeAll(async () => {
  t = await createTestApp(200);
  county = await login(t, 'county');
  admin = await login(t, 'admin');
  finance = await login(t, 'finance');
  township = await login(t, 'township');
  const owner = Number(
    (await t.database.query<{ id: number }>("SELECT id FROM users WHERE username = 'institution'"))[0]!.id,
  );
  ids.centre = await institution(owner, 1, '阳光托育中心', '533423101', 'filed', 30, 20);
  ids.closed = await institution(owner, 2, '已关停托育点', '533423102', 'closed', 10, 10);
  ids.pending = await institution(owner, 3, '待备案托育园', '533423101', 'pending', 40, 40);
}, 120_000);
afterAll(() => t.close());

async function institution(
  owner: number,
  n: number,
  name: string,
  region: string,
  status: string,
  slots: number,
  affordableSlots: number,
) {
  const first17 = `91533423MA6K2000${n}`;
  const [row] = await t.database.query<{ id: number }>(
    `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status, filing_no, filed_version, closed_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      first17 + computeUsccCheckCharacter(first17),
      region,
      owner,
      name,
      status,
      status === 'pending' ? null : `TY533423${String(n).padStart(6, '0')}`,
      status === 'pending' ? null : 1,
      status === 'closed' ? '2026-06-30' : null,
    ],
  );
  const id = Number(row!.id);
  await t.database.query(
    `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on,
       review_deadline, decided_on, decided_by, submitted_by, submitted_by_name)
     VALUES ($1, 1, 'filing', $2, $3, $4, '2026-03-02', '2026-03-09', $5, $6, $7, 'test')`,
    [
      id,
      status === 'pending' ? 'received' : 'filed',
      region,
      JSON.stringify({ name, slots, affordableSlots }),
      status === 'pending' ? null : '2026-03-06',
      status === 'pending' ? null : owner,
      owner,
    ],
  );
  return id;
}

const get = (s: Session, url: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, ...as(s, { 'accept-language': lang }) });
const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...as(s) });

interface Step {
  check: string;
  pass: boolean;
  rule: { zh: string };
  saw: { zh: string };
  basis: { clause: string };
}
const preview = async () => {
  const res = await get(finance, `/api/institution-awards?scheme=${SCHEME}&period=once`);
  expect(res.statusCode).toBe(200);
  const body = res.json<{ items: { institutionId: number; eligible: boolean; amountFen: number; trace: Step[] }[] }>();
  return (id: number) => body.items.find((i) => i.institutionId === id)!;
};

describe('the 2,000 yuan slot award, paid to institutions (004 (十二))', () => {
  it('pays nothing until the county records the provincial target met, and says why', async () => {
    const row = (await preview())(ids.centre!);
    expect(row).toMatchObject({ eligible: false, amountFen: 0 });
    const gate = row.trace.find((s) => s.check === 'dateReached')!;
    expect(gate.pass).toBe(false);
    expect(gate.rule.zh).toContain('省级指标任务完成日期');
    expect(gate.rule.zh).toContain('县级');
    expect(gate.basis.clause).toContain('(十二)');
    expect((await get(township, `/api/institution-awards?scheme=${SCHEME}&period=once`)).statusCode).toBe(403);
    expect((await get(finance, `/api/institution-awards?scheme=${SCHEME}&period=2026`)).statusCode).toBe(400);
  });

  it('once the target is recorded, pays 20 affordable slots × 2,000 yuan to the filed centre only', async () => {
    const created = await post(county, `/api/schemes/${SCHEME}/versions`, {
      effectiveFrom: '2026-01-01',
      values: { provincialTargetMetOn: '2026-11-30' },
      legalBasis: { document: '迪庆州卫生健康委 托位指标完成确认函', clause: '第一条' },
    });
    expect(created.statusCode).toBe(201);
    const base = `/api/schemes/${SCHEME}/versions/${created.json<{ id: number }>().id}`;
    expect((await post(county, `${base}/submit`)).statusCode).toBe(200);
    expect((await post(admin, `${base}/publish`)).json()).toMatchObject({ status: 'published' });

    const row = await preview();
    expect(row(ids.centre!)).toMatchObject({ eligible: true, amountFen: 20 * 200_000 });
    expect(row(ids.closed!).eligible).toBe(false);
    expect(row(ids.pending!).eligible).toBe(false);

    const started = await post(finance, '/api/payment-cycles', { scheme: SCHEME, period: 'once' });
    expect(started.statusCode).toBe(202);
    let batch = started.json<{ id: number; status: string; paymentCount: number; totalFen: number }>();
    for (let i = 0; i < 100 && batch.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      batch = (await get(finance, `/api/payment-batches/${batch.id}`)).json();
    }
    expect(batch).toMatchObject({ status: 'complete', paymentCount: 1, totalFen: 4_000_000 });
    const paid = await t.database.query<{ beneficiary_id: number; beneficiary_kind: string; amount_fen: number }>(
      'SELECT beneficiary_id, beneficiary_kind, amount_fen FROM payments WHERE scheme_code = $1',
      [SCHEME],
    );
    expect(paid.map((p) => [Number(p.beneficiary_id), p.beneficiary_kind, Number(p.amount_fen)])).toEqual([
      [ids.centre, 'institution', 4_000_000],
    ]);

    const list = await get(finance, `/api/payment-batches/${batch.id}/institution-payments`);
    expect(list.statusCode).toBe(200);
    const [payment] = list.json<{ items: { name: string; affordableSlots: number; trace: Step[] }[] }>().items;
    expect(payment).toMatchObject({ name: '阳光托育中心', affordableSlots: 20 });
    expect(payment!.trace.map((s) => [s.check, s.pass])).toEqual([
      ['institutionFiled', true],
      ['dateReached', true],
      ['amount', true],
    ]);
    expect(payment!.trace[2]!.saw.zh).toBe('¥40,000.00');
    const roster = await get(finance, `/api/payment-batches/${batch.id}/roster`);
    expect(JSON.stringify(roster.json())).toContain('阳光托育中心');

    const audit = await t.database.query<{ details: { beneficiary: string; totalFen: number } }>(
      "SELECT details FROM audit_log WHERE action = 'benefits.cycleComplete' AND target_id = $1",
      [String(batch.id)],
    );
    expect(audit[0]!.details).toMatchObject({ beneficiary: 'institution', totalFen: 4_000_000 });

    // Once per institution: a supplementary round pays no one again.
    const again = await post(finance, '/api/payment-cycles', { scheme: SCHEME, period: 'once', supplement: true });
    let second = again.json<{ id: number; status: string; paymentCount: number }>();
    for (let i = 0; i < 100 && second.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      second = (await get(finance, `/api/payment-batches/${second.id}`)).json();
    }
    expect(second).toMatchObject({ status: 'complete', paymentCount: 0 });
  });

  it('exports the paid list with its reasons to XLSX, audited', async () => {
    const [b] = await t.database.query<{ id: number }>(
      'SELECT id FROM payment_batches WHERE scheme_code = $1 ORDER BY round LIMIT 1',
      [SCHEME],
    );
    const res = await get(finance, `/api/payment-batches/${b!.id}/institution-payments.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toContain('托育机构');
    expect(rows[1]).toContain('阳光托育中心');
    expect(rows[1]).toContain('40000.00');
    expect((await lastAudit(t.database, 'benefits.exportInstitutionPayments'))?.details.rows).toBe(1);
  });

  it('exports the one-card payment file with the institution’s name and credit code, after four eyes', async () => {
    const [b] = await t.database.query<{ id: number }>(
      'SELECT id FROM payment_batches WHERE scheme_code = $1 ORDER BY round LIMIT 1',
      [SCHEME],
    );
    // The award has no public notice (publicNoticeDays 0): the county, who did not run it, approves.
    expect((await post(county, `/api/payment-batches/${b!.id}/approve`)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/payment-batches/${b!.id}/export`,
      payload: { format: 'csv', totp: await financeCode(t) },
      ...as(finance),
    });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.rawPayload);
    const [uscc] = await t.database.query<{ uscc: string }>('SELECT uscc FROM childcare_institutions WHERE id = $1', [
      ids.centre,
    ]);
    const centreRow = rows.find((r) => r.includes('阳光托育中心'))!;
    expect(centreRow).toContain(uscc!.uscc);
    expect(centreRow).toContain('40000.00');
    expect(rows.at(-1)).toContain('40000.00');
  });
});

// Issue 14, found in review: the roster names whom each payment pays, so an institution's id is
// never read as a person's. Cycles make one kind per batch; a batch holding both (as a carried or
// hand-mended batch could) is written here to show each row keeps its own kind.
describe('a batch paying a person and an institution', () => {
  let mixed: number;
  let person: GrantChild;
  let uscc: string;

  beforeAll(async () => {
    person = (await insertGrantChildren(t))[0]!;
    const [finRow] = await t.database.query<{ id: number }>("SELECT id FROM users WHERE username = 'finance'");
    const financeId = Number(finRow!.id);
    const [b] = await t.database.query<{ id: number }>(
      `INSERT INTO payment_batches (scheme_code, period_key, jurisdiction_code, status, stage, created_by, payment_count, total_fen)
       VALUES ($1, 'mixed', '533423', 'complete', 'draft', $2, 2, $3) RETURNING id`,
      [SCHEME, financeId, 4_000_000 + person.amountFen],
    );
    mixed = Number(b!.id);
    await t.database.query(
      `INSERT INTO payments (scheme_code, period_key, beneficiary_id, beneficiary_kind, amount_fen, batch_id, region_code)
       VALUES ($1, 'mixed', $2, 'institution', 4000000, $3, '533423101'),
              ($1, 'mixed', $4, 'person', $5, $3, '533423101001')`,
      [SCHEME, ids.centre, mixed, person.id, person.amountFen],
    );
    const [inst] = await t.database.query<{ uscc: string }>('SELECT uscc FROM childcare_institutions WHERE id = $1', [
      ids.centre,
    ]);
    uscc = inst!.uscc;
  });

  it('lists each payee with its kind; the institution has no person id and shows its credit code', async () => {
    const res = await get(finance, `/api/payment-batches/${mixed}/roster`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      beneficiaryKind: 'institution',
      personId: null,
      institutionId: ids.centre,
      name: '阳光托育中心',
      idMasked: null,
      uscc,
      amountFen: 4_000_000,
    });
    expect(items[1]).toMatchObject({
      beneficiaryKind: 'person',
      personId: person.id,
      institutionId: null,
      name: person.name,
      uscc: null,
    });
    expect(String(items[1]!.idMasked).slice(-4)).toBe(person.idNumber.slice(-4));
    expect(String(items[1]!.idMasked)).not.toBe(person.idNumber);
    // The institution's id is no person's: no person's trace is opened for it.
    expect((await get(finance, `/api/payment-batches/${mixed}/roster/${ids.centre}/eligibility`)).statusCode).toBe(404);
  });

  it('exports the roster with each row’s kind, the credit code and masked ID number in their own columns', async () => {
    const res = await get(finance, `/api/payment-batches/${mixed}/roster.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(2, 6)).toEqual(['收款对象', '姓名（机构名称）', '公民身份号码（脱敏）', '统一社会信用代码']);
    expect(rows[1]!.slice(2, 6)).toEqual(['托育机构', '阳光托育中心', '', uscc]);
    expect(rows[2]!.slice(2, 4)).toEqual(['个人', person.name]);
    expect(rows[2]![4]).toMatch(new RegExp(`${person.idNumber.slice(-4)}$`));
    expect(rows[2]![5]).toBe('');
    expect(rows.flat().join()).not.toContain(person.idNumber);
  });

  it('writes the credit code for the institution and the full ID number for the person in the payment file', async () => {
    expect((await post(county, `/api/payment-batches/${mixed}/approve`)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/payment-batches/${mixed}/export`,
      payload: { format: 'csv', totp: await financeCode(t) },
      ...as(finance),
    });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.rawPayload);
    const centre = rows.find((r) => r.includes('阳光托育中心'))!;
    expect(centre).toContain(uscc);
    const paid = rows.find((r) => r.includes(person.name))!;
    expect(paid).toContain(person.idNumber);
    expect(paid).not.toContain(uscc);
  });
});
