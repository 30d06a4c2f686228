import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { completeGrantBatch, financeCode, insertGrantChildren, type GrantChild } from './payment-file-test-setup.js';

let t: TestApp;
let finance: Session;
let county: Session;
let children: GrantChild[];
let batch: { id: number; paymentCount: number; totalFen: number };

beforeAll(async () => {
  t = await createTestApp(300);
  finance = await login(t, 'finance');
  county = await login(t, 'county');
  children = await insertGrantChildren(t);
  // Standing on a Monday: the 7-day notice published today runs to Sunday.
  t.clock.set('2026-12-07T02:00:00Z');
  batch = await completeGrantBatch(t, finance);
});
afterAll(() => t.close());

const post = (s: Session, url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload }), ...as(s) });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const batchUrl = (id: number, rest = '') => `/api/payment-batches/${id}${rest}`;
const paymentsOf = (batchId: number) =>
  t.database.query<{ id: string; beneficiary_id: string; status: string; amount_fen: string }>(
    'SELECT id, beneficiary_id, status, amount_fen FROM payments WHERE batch_id = $1 ORDER BY id',
    [batchId],
  );
const sqlError = async (sql: string, params: unknown[] = []) => {
  try {
    await t.database.query(sql, params);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};
const audited = async (action: string, targetId: string) =>
  t.database.query<{ username: string; details: Record<string, unknown> }>(
    'SELECT username, details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY seq',
    [action, targetId],
  );

describe('a payment batch under four eyes', () => {
  it('makes the cycle’s batch a draft that finance cannot export, with its roster listed and masked', async () => {
    const view = (await get(finance, batchUrl(batch.id))).json();
    expect(view).toMatchObject({
      stage: 'draft',
      createdByName: '县财政局 经办人',
      notice: { days: 7, dayKind: 'calendar' },
    });

    const refused = await post(finance, batchUrl(batch.id, '/export'), { format: 'csv', totp: await financeCode(t) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('batch.notApproved');
    expect(refused.json().message).toContain('尚未审批');
    expect((await paymentsOf(batch.id)).every((p) => p.status === 'pending')).toBe(true);

    const roster = (await get(finance, `${batchUrl(batch.id, '/roster')}?name=支付`)).json();
    expect(roster.total).toBe(2);
    for (const c of children) {
      const row = roster.items.find((r: { personId: number }) => r.personId === c.id);
      expect(row).toMatchObject({
        beneficiaryKind: 'person',
        institutionId: null,
        uscc: null,
        name: c.name,
        amountFen: c.amountFen,
        status: 'pending',
        regionCode: '533423101001',
      });
      expect(row.idMasked).not.toContain(c.idNumber.slice(6, 14));
      expect(row.idMasked.slice(-4)).toBe(c.idNumber.slice(-4));
    }
  });

  it('opens a payee’s trace for finance, who may not open the registry, and audits it; only for a payee', async () => {
    const c = children[0]!;
    // Finance is refused the registry's own check (need to know) …
    expect(
      (await get(finance, `/api/eligibility?personId=${c.id}&scheme=yunnan.birthGrant&period=once`)).statusCode,
    ).toBe(403);
    // … but reads the trace of a payee of the batch it checks.
    const res = await get(finance, batchUrl(batch.id, `/roster/${c.id}/eligibility`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ schemeCode: 'yunnan.birthGrant', period: 'once', eligible: true });
    expect(res.json().trace.length).toBeGreaterThan(0);
    expect(await audited('benefits.eligibilityCheck', String(c.id))).toContainEqual(
      expect.objectContaining({ username: 'finance' }),
    );
    // Someone who is not a payee of this batch: not found, whoever asks.
    const [stranger] = await t.database.query<{ id: string }>(
      'SELECT id FROM persons WHERE id NOT IN (SELECT beneficiary_id FROM payments WHERE batch_id = $1) LIMIT 1',
      [batch.id],
    );
    expect((await get(finance, batchUrl(batch.id, `/roster/${stranger!.id}/eligibility`))).statusCode).toBe(404);
  });

  it('refuses, in the database itself, an export, an exported payment and a self-approval of a draft', async () => {
    expect(
      await sqlError(
        "INSERT INTO payment_exports (batch_id, format, sha256, row_count, total_fen, jurisdiction_code) VALUES ($1, 'csv', 'x', 1, 1, '533423')",
        [batch.id],
      ),
    ).toMatch(/not approved/);
    expect(await sqlError("UPDATE payments SET status = 'exported' WHERE batch_id = $1", [batch.id])).toMatch(
      /not approved/,
    );
    expect(await sqlError("UPDATE payment_batches SET stage = 'exported' WHERE id = $1", [batch.id])).toMatch(
      /cannot move from draft to exported/,
    );
    expect(
      await sqlError("UPDATE payment_batches SET stage = 'approved', approved_by = created_by WHERE id = $1", [
        batch.id,
      ]),
    ).toMatch(/payment_batches_four_eyes_ck/);
    expect((await paymentsOf(batch.id)).every((p) => p.status === 'pending')).toBe(true);
  });

  it('publishes the notice for 7 days, records objections, and lets the county approve only after it ends', async () => {
    const early = await post(county, batchUrl(batch.id, '/approve'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('batch.noticeRequired');

    const noticed = await post(finance, batchUrl(batch.id, '/notice'));
    expect(noticed.statusCode).toBe(200);
    expect(noticed.json()).toMatchObject({
      stage: 'noticed',
      noticeFrom: '2026-12-07',
      noticeUntil: '2026-12-13',
      approvableFrom: '2026-12-14',
    });

    // The masked public roster: 和支付二 → 和**二, with village and amount.
    const notice = (await get(county, batchUrl(batch.id, '/notice-roster'))).json();
    expect(notice.items).toEqual(
      expect.arrayContaining([{ name: '和**二', regionName: expect.any(String), amountFen: 200000 }]),
    );
    expect(JSON.stringify(notice)).not.toContain('和支付二');

    // An objection not upheld keeps the row; an upheld one removes it with its reason.
    const [second, third] = children.map((c) => c.id);
    const rows = await paymentsOf(batch.id);
    const paymentOf = (personId: number) => Number(rows.find((p) => Number(p.beneficiary_id) === personId)!.id);
    const kept = await post(county, batchUrl(batch.id, '/objections'), {
      paymentId: paymentOf(second!),
      reason: '村民反映户籍信息有误，经核实无误',
      upheld: false,
    });
    expect(kept.statusCode).toBe(200);
    const removed = await post(county, batchUrl(batch.id, '/objections'), {
      paymentId: paymentOf(third!),
      reason: '经核实该儿童户籍已迁出',
      upheld: true,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({
      paymentCount: batch.paymentCount - 1,
      totalFen: batch.totalFen - 500000,
      paymentStatuses: { removed: 1 },
    });
    const blank = await post(county, batchUrl(batch.id, '/objections'), {
      paymentId: paymentOf(second!),
      reason: '   ',
      upheld: true,
    });
    expect(blank.statusCode).toBe(400);
    const thirdRow = (await get(county, `${batchUrl(batch.id, '/roster')}?status=removed`)).json().items;
    expect(thirdRow).toEqual([
      expect.objectContaining({ personId: third, objection: { reason: '经核实该儿童户籍已迁出', upheld: true } }),
    ]);
    expect((await get(county, batchUrl(batch.id, '/notice-roster'))).json().items).not.toContainEqual(
      expect.objectContaining({ name: '余**三' }),
    );

    // Finance may not approve at all, the county not before the notice has run its days.
    expect((await post(finance, batchUrl(batch.id, '/approve'))).statusCode).toBe(403);
    t.clock.set('2026-12-13T15:00:00Z'); // 23:00 on the 13th in China: still the notice's last day
    const running = await post(county, batchUrl(batch.id, '/approve'));
    expect(running.statusCode).toBe(409);
    expect(running.json().code).toBe('batch.noticeRunning');
    expect(running.json().message).toBe('公示期至 2026-12-13 结束，2026-12-14 起方可审批');

    t.clock.set('2026-12-13T16:30:00Z'); // 00:30 on the 14th in China
    const approved = await post(county, batchUrl(batch.id, '/approve'));
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ stage: 'approved', approvedByName: '县卫健委 李主任' });

    const file = await post(finance, batchUrl(batch.id, '/export'), { format: 'csv', totp: await financeCode(t) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-cradle-row-count']).toBe(String(batch.paymentCount - 1));
    expect((await get(finance, batchUrl(batch.id))).json().stage).toBe('exported');
    // The removed row stays removed: it never went to the bank.
    expect((await paymentsOf(batch.id)).find((p) => Number(p.beneficiary_id) === third)?.status).toBe('removed');

    // Every step, by whom.
    const id = String(batch.id);
    expect((await audited('benefits.batchNotice', id)).map((e) => e.username)).toEqual(['finance']);
    expect((await audited('benefits.batchApprove', id)).map((e) => e.username)).toEqual(['county']);
    expect((await audited('benefits.batchExport', id)).map((e) => e.username)).toContain('finance');
    const objections = await audited('benefits.batchObjection', String(third));
    expect(objections).toEqual([
      { username: 'county', details: expect.objectContaining({ batchId: batch.id, upheld: true }) },
    ]);
  });

  it('never lets whoever ran the cycle approve it', async () => {
    const started = await post(county, '/api/payment-cycles', { scheme: 'national.childcareSubsidy', period: '2026' });
    expect(started.statusCode).toBe(202);
    const id = Number(started.json().id);
    for (let i = 0; i < 200; i++) {
      if ((await get(county, batchUrl(id))).json().status === 'complete') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // No notice for this scheme: draft straight to approval, but not by its creator.
    expect((await post(county, batchUrl(id, '/notice'))).json().code).toBe('batch.noticeNotRequired');
    const self = await post(county, batchUrl(id, '/approve'));
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('batch.sameApprover');
    expect((await get(county, batchUrl(id))).json().stage).toBe('draft');
  });

  it('cancels a draft with a reason, and a later cycle pays the same people once', async () => {
    const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM payments'))[0]!.n;
    // The Yunnan childcare allowance's 2026 batch: cancelled without a reason (refused), then with one.
    const draft = await post(finance, '/api/payment-cycles', {
      scheme: 'yunnan.childcareAllowance',
      period: '2026',
    });
    const draftId = Number(draft.json().id);
    for (let i = 0; i < 200; i++) {
      if ((await get(finance, batchUrl(draftId))).json().status === 'complete') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const paid = await paymentsOf(draftId);
    expect((await post(finance, batchUrl(draftId, '/cancel'), { reason: '' })).statusCode).toBe(400);
    const cancelled = await post(finance, batchUrl(draftId, '/cancel'), { reason: '参数版本有误，重新计算' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ stage: 'cancelled', cancelReason: '参数版本有误，重新计算' });
    expect((await paymentsOf(draftId)).every((p) => p.status === 'cancelled')).toBe(true);
    expect((await audited('benefits.batchCancel', String(draftId))).map((e) => e.username)).toEqual(['finance']);

    // Run again: a new round, the same people and amounts, each once among live payments.
    const again = await post(finance, '/api/payment-cycles', { scheme: 'yunnan.childcareAllowance', period: '2026' });
    const againId = Number(again.json().id);
    expect(againId).not.toBe(draftId);
    for (let i = 0; i < 200; i++) {
      if ((await get(finance, batchUrl(againId))).json().status === 'complete') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const repaid = await paymentsOf(againId);
    const key = (p: { beneficiary_id: string; amount_fen: string }) => `${p.beneficiary_id}:${p.amount_fen}`;
    expect(repaid.map(key).sort()).toEqual(paid.map(key).sort());
    const live = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2026' AND status <> 'cancelled' GROUP BY beneficiary_id HAVING count(*) > 1",
    );
    expect(live).toEqual([]);
    expect((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM payments'))[0]!.n).toBe(
      before + paid.length * 2,
    );
    // A cancelled batch is never exported.
    const refused = await post(finance, batchUrl(draftId, '/export'), { format: 'csv', totp: await financeCode(t) });
    expect(refused.json().code).toBe('batch.cancelled');
  });
});

describe('what the review leaves to read', () => {
  const sheetRows = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    // Every cell we write is text.
    wb.worksheets[0]!.eachRow((row) =>
      rows.push(
        Array.from(row.values as (string | undefined)[])
          .slice(1)
          .map((v) => v ?? ''),
      ),
    );
    return rows;
  };

  it('exports the roster under its filters as XLSX with masked ID numbers, and audits the export', async () => {
    const res = await get(county, `${batchUrl(batch.id, '/roster.xlsx')}?name=${encodeURIComponent('和支付')}`);
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual([
      '序号',
      '支付参考号',
      '收款对象',
      '姓名（机构名称）',
      '公民身份号码（脱敏）',
      '统一社会信用代码',
      '户籍地（机构所在地）',
      '区划代码',
      '金额（元）',
      '状态',
      '异议',
    ]);
    expect(rows).toHaveLength(2);
    const child = children[0]!;
    expect(rows[1]).toEqual([
      '1',
      expect.any(String),
      '个人',
      child.name,
      expect.stringMatching(new RegExp(`${child.idNumber.slice(-4)}$`)),
      '',
      expect.any(String),
      '533423101001',
      '2000.00',
      '已导出待回盘',
      '不成立：村民反映户籍信息有误，经核实无误',
    ]);
    expect(rows.flat().join()).not.toContain(child.idNumber);
    const [entry] = await audited('benefits.rosterExport', String(batch.id));
    expect(entry).toEqual({ username: 'county', details: { filter: { name: '和支付' }, rows: 1 } });
  });

  it('prints the notice roster’s XLSX with masked names, village and amount', async () => {
    const res = await get(county, batchUrl(batch.id, '/notice-roster.xlsx'));
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['云南省一次性生育补贴发放名单公示']);
    expect(rows[1]).toEqual(['序号', '姓名', '村（社区）', '金额（元）']);
    expect(rows.slice(2)).toContainEqual([expect.any(String), '和**二', expect.any(String), '2000.00']);
    expect(rows.flat().join()).not.toContain('和支付二');
  });

  it('shows each step in the audit log by the user’s name and the person’s masked name, filtered and exported', async () => {
    const page = (await get(county, `/api/audit?targetType=paymentBatch&targetId=${batch.id}&pageSize=50`)).json<{
      items: { action: string; username: string; userDisplayName: string }[];
    }>();
    const steps = page.items.map((e) => [e.action, e.userDisplayName]).reverse();
    expect(steps).toEqual(
      expect.arrayContaining([
        ['benefits.cycleStart', '县财政局 经办人'],
        ['benefits.batchNotice', '县财政局 经办人'],
        ['benefits.batchApprove', '县卫健委 李主任'],
        ['benefits.batchExport', '县财政局 经办人'],
      ]),
    );
    const objection = (await get(county, '/api/audit?action=benefits.batchObjection')).json().items;
    expect(objection.map((e: { personName: string }) => e.personName).sort()).toEqual(['余**三', '和**二']);

    const file = await get(county, `/api/audit.xlsx?targetType=paymentBatch&targetId=${batch.id}`);
    expect(file.statusCode).toBe(200);
    const rows = await sheetRows(file.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['序号', '时间（北京时间）', '用户名', '姓名', '操作']);
    expect(rows.slice(1).map((r) => [r[4], r[3]])).toContainEqual(['benefits.batchApprove', '县卫健委 李主任']);
    const exported = await t.database.query<{ details: { rows: number } }>(
      "SELECT details FROM audit_log WHERE action = 'audit.export' ORDER BY seq DESC LIMIT 1",
    );
    expect(exported[0]!.details.rows).toBe(rows.length - 1);
  });
});
