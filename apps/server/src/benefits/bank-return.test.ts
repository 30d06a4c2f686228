import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, multipartFile, type Session, type TestApp } from '../test/app.js';
import {
  approveGrantBatch,
  completeGrantBatch,
  csvRows,
  financeCode,
  insertGrantChildren,
  wrongCode,
} from './payment-file-test-setup.js';

let t: TestApp;
let finance: Session;
let batch: { id: number; paymentCount: number; totalFen: number };
/** The exported file's payment rows: [序号, 支付参考号, 项目, 期间, 姓名, 公民身份号码, 户籍地区划代码, 金额（元）]. */
let exported: string[][];

beforeAll(async () => {
  t = await createTestApp(300);
  finance = await login(t, 'finance');
  await insertGrantChildren(t);
  batch = await completeGrantBatch(t, finance);
  await approveGrantBatch(t, await login(t, 'county'), batch.id);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/payment-batches/${batch.id}/export`,
    payload: { format: 'csv', totp: await financeCode(t) },
    ...as(finance),
  });
  expect(res.statusCode).toBe(200);
  exported = csvRows(res.rawPayload).slice(1, -1);
});
afterAll(() => t.close());

const upload = (s: Session, fileName: string, content: string | Buffer, batchId = batch.id) => {
  const { payload, headers } = multipartFile(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/payment-batches/${batchId}/bank-return`,
    payload,
    ...as(s, headers),
  });
};
// A bank's file, as a bank writes it: quoted where RFC 4180 needs it, nothing neutralised.
const bankLine = (cells: readonly string[]) =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',') + '\r\n';
const csv = (rows: string[][]) =>
  bankLine(['支付参考号', '处理结果', '失败原因', '银行流水号', '金额（元）']) + rows.map(bankLine).join('');
const state = async () =>
  (
    await t.database.query<{
      id: number;
      status: string;
      failure_reason: string | null;
      bank_reference: string | null;
    }>('SELECT id, status, failure_reason, bank_reference FROM payments WHERE batch_id = $1 ORDER BY id', [batch.id])
  ).map((p) => ({ ...p, id: Number(p.id) }));
const returnsCount = async () =>
  (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM bank_returns'))[0]!.n;

const REASON = '=HYPERLINK("http://evil.example","户名与身份证号不符")';

describe('a bank return', () => {
  it('is refused to anyone but finance', async () => {
    const hospital = await login(t, 'hospital');
    const res = await upload(hospital, 'return.csv', csv([[exported[0]![1]!, '成功', '', '', '']]));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.otherDepartment');
    expect(res.json().message).toContain('财政部门');
  });

  it('without a reference or result column, or that is no workbook, is refused as a whole', async () => {
    const noResult = await upload(finance, 'return.csv', '支付参考号,金额\r\n1,2000.00\r\n');
    expect([noResult.statusCode, noResult.json().code]).toEqual([400, 'bankReturn.missingColumns']);
    const notXlsx = await upload(finance, 'return.xlsx', csv([[exported[0]![1]!, '成功', '', '', '']]));
    expect([notXlsx.statusCode, notXlsx.json().code]).toEqual([400, 'bankReturn.unreadable']);
    expect(notXlsx.json().message).toContain('Excel');
  });

  it('with bad rows changes nothing and names every bad row in Chinese and English', async () => {
    const before = await state();
    // A payment carried in after the export: in the batch, not yet sent to the bank.
    const other = await t.database.query<{ id: number }>(
      'SELECT id FROM persons WHERE id NOT IN (SELECT beneficiary_id FROM payments) ORDER BY id LIMIT 1',
    );
    const pending = await t.database.query<{ id: number }>(
      "INSERT INTO payments (scheme_code, period_key, beneficiary_id, amount_fen, batch_id, region_code) VALUES ('yunnan.birthGrant', 'once', $1, 200000, $2, '533423101001') RETURNING id",
      [other[0]!.id, batch.id],
    );
    const [a, b] = exported;
    const res = await upload(
      finance,
      '回盘.csv',
      csv([
        [a![1]!, '成功', '', 'B001', a![7]!],
        [b![1]!, '成功', '', 'B002', '1.00'],
        ['999999999', '失败', '账户不存在', '', ''],
        [a![1]!, '成功', '', '', ''],
        [b![1]!.replace(/^/, 'x'), '作废', '', '', ''],
        [String(pending[0]!.id), '成功', '', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bankReturn.invalidRows');
    const errors = res.json().details.errors as { row: number; code: string; message: { zh: string; en: string } }[];
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'amount.mismatch'],
      [4, 'payment.unknown'],
      [5, 'reference.duplicate'],
      [6, 'result.invalid'],
      [6, 'reference.invalid'],
      [7, 'payment.notExported'],
    ]);
    expect(errors[0]!.message).toEqual({
      zh: `金额 1.00 元与发放金额 ${b![7]} 元不符`,
      en: `The amount 1.00 yuan differs from the payment's ${b![7]} yuan`,
    });
    expect(res.json().details.errorCount).toBe(6);
    await t.database.query('DELETE FROM payments WHERE id = $1', [pending[0]!.id]);
    expect(await state()).toEqual(before);
    expect(await returnsCount()).toBe(0);
  });

  it('read from a workbook marks a payment returned, its amount a number cell', async () => {
    const [, , c] = exported;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('回盘');
    sheet.addRow(['序号', '支付参考号', '金额（元）', '处理结果', '退回原因']);
    sheet.addRow([1, Number(c![1]), Number(c![7]), '退回', '账户已销户']);
    const res = await upload(finance, '回盘-1.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, paid: 0, failed: 0, returned: 1, unchanged: 0 });
    expect((await state()).find((p) => p.id === Number(c![1]))).toMatchObject({
      status: 'returned',
      failure_reason: '账户已销户',
    });
  });

  it('marks one payment failed with its reason and the rest paid, in one import audited with its checksum; the same file again is refused', async () => {
    const [first, ...rest] = exported;
    const file = csv([
      // Formula-looking text from the bank is stored as the literal text it is (registry/import/README.md).
      [first![1]!, '失败', REASON, '', first![7]!],
      ...rest.map((r, i) => [r[1]!, r === exported[2] ? '退回' : '成功', '', `BK${i}`, r[7]!]),
    ]);
    const res = await upload(finance, '回盘-2.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      batchId: batch.id,
      fileName: '回盘-2.csv',
      rows: batch.paymentCount,
      paid: batch.paymentCount - 2,
      failed: 1,
      returned: 0,
      unchanged: 1,
    });
    const after = await state();
    expect(after.find((p) => p.id === Number(first![1]))).toMatchObject({ status: 'failed', failure_reason: REASON });
    const paid = after.filter((p) => p.status === 'paid');
    expect(paid).toHaveLength(batch.paymentCount - 2);
    expect(paid.every((p) => p.failure_reason === null && /^BK\d+$/.test(p.bank_reference ?? ''))).toBe(true);
    const audit = await t.database.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'benefits.bankReturn' AND outcome = 'success' ORDER BY seq",
    );
    expect(audit.at(-1)!.details).toMatchObject({
      fileName: '回盘-2.csv',
      sha256: res.json().sha256,
      paid: batch.paymentCount - 2,
      failed: 1,
    });

    const again = await upload(finance, '回盘-2 副本.csv', file);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('bankReturn.alreadyImported');
    expect(await state()).toEqual(after);
    expect(await returnsCount()).toBe(2);
  });

  it('cannot turn a payment recorded paid into failed', async () => {
    const paid = (await state()).find((p) => p.status === 'paid')!;
    const res = await upload(finance, '回盘-3.csv', csv([[String(paid.id), '失败', '重复', '', '']]));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0]).toMatchObject({ row: 2, code: 'payment.alreadySettled' });
  });

  it('leaves nothing to export once every payment is settled (refused before a code is asked for)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/payment-batches/${batch.id}/export`,
      payload: { format: 'csv', totp: wrongCode(t) },
      ...as(finance),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('batch.nothingToPay');
  });
});
