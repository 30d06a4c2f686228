import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { PAYMENT_FILE_HEADERS, fenToYuan, yuanToFen } from './payment-file-format.js';
import {
  approveGrantBatch,
  completeGrantBatch,
  csvRows,
  financeCode,
  insertGrantChildren,
  wrongCode,
  type GrantChild,
} from './payment-file-test-setup.js';

let t: TestApp;
let finance: Session;
let children: GrantChild[];
let batch: { id: number; paymentCount: number; totalFen: number };
let csvBody: string[][];
let usedCode: string;

beforeAll(async () => {
  t = await createTestApp(300);
  finance = await login(t, 'finance');
  children = await insertGrantChildren(t);
  batch = await completeGrantBatch(t, finance);
  await approveGrantBatch(t, await login(t, 'county'), batch.id);
});
afterAll(() => t.close());

const exportAs = (s: Session, batchId: number, format: 'csv' | 'xlsx', totp: string) =>
  t.app.inject({ method: 'POST', url: `/api/payment-batches/${batchId}/export`, payload: { format, totp }, ...as(s) });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const statuses = async () =>
  (
    await t.database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM payments WHERE batch_id = $1 GROUP BY status',
      [batch.id],
    )
  ).map((r) => [r.status, r.n]);

describe('fen and yuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [200000, '2000.00'],
    [123456789, '1234567.89'],
    [9007199254740991, '90071992547409.91'],
  ])('writes %i fen as %s yuan, and reads it back', (fen, text) => {
    expect(fenToYuan(fen)).toBe(text);
    expect(yuanToFen(text)).toBe(fen);
  });

  it('reads a bank’s 2,000.5 and a workbook’s number, and refuses 1.234, -1 and 0.1 + 0.2', () => {
    expect(yuanToFen('2,000.5')).toBe(200050);
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen(0.1 + 0.2 + 0.001)).toBeNull();
  });
});

describe('exporting a batch for the one-card platform', () => {
  it('is refused to anyone but a finance operator, for a running batch, and with a wrong code', async () => {
    const county = await login(t, 'county');
    expect((await exportAs(county, batch.id, 'csv', '123456')).statusCode).toBe(403);
    const hospital = await login(t, 'hospital');
    const notFinance = await exportAs(hospital, batch.id, 'csv', '123456');
    expect(notFinance.statusCode).toBe(403);
    expect(notFinance.json().code).toBe('auth.otherDepartment');
    expect(notFinance.json().message).toContain('财政部门');

    const running = await t.database.query<{ id: number }>(
      "INSERT INTO payment_batches (scheme_code, period_key, jurisdiction_code, status) VALUES ('yunnan.childcareAllowance', '2031', '533423', 'running') RETURNING id",
    );
    const incomplete = await exportAs(finance, Number(running[0]!.id), 'csv', wrongCode(t));
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().code).toBe('batch.notComplete');

    const wrong = await exportAs(finance, batch.id, 'csv', wrongCode(t));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('paymentFile.totpInvalid');
    expect(await statuses()).toEqual([['pending', batch.paymentCount]]);
    const denied = await t.database.query<{ details: { reason: string } }>(
      "SELECT details FROM audit_log WHERE action = 'benefits.batchExport' AND outcome = 'denied'",
    );
    expect(denied.map((d) => d.details.reason)).toEqual(['wrong TOTP code']);
  });

  it('writes a CSV with the headers, full ID numbers, exact amounts and a control row, whose SHA-256 is in a header', async () => {
    // One child has since moved to another county: paid here, so exported from here all the same.
    await t.database.query(
      "UPDATE persons SET hukou_region_code = '530102001001', residence_region_code = '530102001001' WHERE id = $1",
      [children[0]!.id],
    );
    usedCode = await financeCode(t);
    const res = await exportAs(finance, batch.id, 'csv', usedCode);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="cradle-yunnan.birthGrant-once-batch${batch.id}.csv"`,
    );
    expect(res.headers['x-cradle-sha256']).toBe(sha256(res.rawPayload));
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    csvBody = csvRows(res.rawPayload);
    expect(csvBody[0]).toEqual([...PAYMENT_FILE_HEADERS]);
    const data = csvBody.slice(1, -1);
    expect(data).toHaveLength(batch.paymentCount);
    expect(data.map((r) => r[0])).toEqual(data.map((_, i) => String(i + 1)));
    for (const c of children) {
      const row = data.find((r) => r[5] === c.idNumber);
      expect(row).toEqual([
        expect.any(String),
        expect.any(String),
        '云南省一次性生育补贴',
        '一次性',
        c.name,
        c.idNumber,
        '533423101001',
        fenToYuan(c.amountFen),
      ]);
      const paid = await t.database.query<{ id: number }>('SELECT id FROM payments WHERE beneficiary_id = $1', [c.id]);
      expect(row![1]).toBe(String(paid[0]!.id));
    }
    expect(['2000.00', '5000.00'].every((a) => data.some((r) => r[7] === a))).toBe(true);
    expect(csvBody.at(-1)).toEqual(['合计', String(batch.paymentCount), '', '', '', '', '', fenToYuan(batch.totalFen)]);
    const sum = data.reduce((s, r) => s + yuanToFen(r[7]!)!, 0);
    expect(sum).toBe(batch.totalFen);

    expect(await statuses()).toEqual([['exported', batch.paymentCount]]);
    const exportId = Number(res.headers['x-cradle-export-id']);
    const stored = await t.database.query(
      'SELECT batch_id, format, sha256, row_count, total_fen, exported_by, jurisdiction_code FROM payment_exports WHERE id = $1',
      [exportId],
    );
    const financeId = (await t.database.query<{ id: number }>("SELECT id FROM users WHERE username = 'finance'"))[0]!
      .id;
    expect(stored[0]).toEqual({
      batch_id: batch.id,
      format: 'csv',
      sha256: res.headers['x-cradle-sha256'],
      row_count: batch.paymentCount,
      total_fen: batch.totalFen,
      exported_by: Number(financeId),
      jurisdiction_code: '533423',
    });

    const checksum = await t.app.inject({
      method: 'GET',
      url: `/api/payment-exports/${exportId}/sha256`,
      ...as(finance),
    });
    expect(checksum.body).toBe(
      `${String(res.headers['x-cradle-sha256'])}  cradle-yunnan.birthGrant-once-batch${batch.id}.csv\n`,
    );
  });

  it('is audited with counts and the checksum, never an ID number', async () => {
    const entries = await t.database.query<{ target_id: string; details: Record<string, unknown> }>(
      "SELECT target_id, details FROM audit_log WHERE action = 'benefits.batchExport' AND outcome = 'success'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      target_id: String(batch.id),
      details: {
        format: 'csv',
        rows: batch.paymentCount,
        totalFen: batch.totalFen,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const all = JSON.stringify(await t.database.query('SELECT details FROM audit_log'));
    for (const r of csvBody.slice(1, -1)) expect(all).not.toContain(r[5]);
  });

  it('refuses a code already used', async () => {
    const reused = await exportAs(finance, batch.id, 'xlsx', usedCode);
    expect(reused.statusCode).toBe(403);
    expect(reused.json().code).toBe('paymentFile.totpInvalid');
  });

  it('writes the same rows as an XLSX that Excel can open, with text cells and its checksum', async () => {
    const res = await exportAs(finance, batch.id, 'xlsx', await financeCode(t));
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-cradle-sha256']).toBe(sha256(res.rawPayload));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('发放明细');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? '')));
    // A re-export lists the payments still awaiting the bank, in the same order.
    expect(rows).toEqual(csvBody);
    const exports = await t.database.query<{ format: string; sha256: string }>(
      'SELECT format, sha256 FROM payment_exports WHERE batch_id = $1 ORDER BY id',
      [batch.id],
    );
    expect(exports.map((e) => e.format)).toEqual(['csv', 'xlsx']);
    expect(exports[1]!.sha256).toBe(res.headers['x-cradle-sha256']);
  });
});
