import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import {
  approveGrantBatch,
  completeGrantBatch,
  csvRows,
  financeCode,
  insertGrantChildren,
  type GrantChild,
} from './payment-file-test-setup.js';

// Names reach the registry by more paths than the import (a newborn registered by public
// security, an edit): whatever a name holds, the payment file must not hand Excel a formula.
let t: TestApp;
let finance: Session;
let children: GrantChild[];
let batchId: number;
const NAMES = ['=1+2', '-A1'];

beforeAll(async () => {
  t = await createTestApp(300);
  finance = await login(t, 'finance');
  children = await insertGrantChildren(t);
  for (const [i, c] of children.entries())
    await t.database.query('UPDATE persons SET name = $1 WHERE id = $2', [NAMES[i], c.id]);
  batchId = (await completeGrantBatch(t, finance)).id;
  await approveGrantBatch(t, await login(t, 'county'), batchId);
});
afterAll(() => t.close());

const exportAs = async (format: 'csv' | 'xlsx') =>
  t.app.inject({
    method: 'POST',
    url: `/api/payment-batches/${batchId}/export`,
    payload: { format, totp: await financeCode(t) },
    ...as(finance),
  });

function expectNeutralised(rows: unknown[][]): void {
  for (const [i, c] of children.entries()) {
    const row = rows.find((r) => r[5] === c.idNumber);
    // The name as text Excel shows and never runs; the ID number and the amount as they are.
    expect(row?.[4]).toBe(`'${NAMES[i]!}`);
    expect(row?.[7]).toBe(c.amountFen === 200000 ? '2000.00' : '5000.00');
  }
}

describe('a payment file whose names look like formulas', () => {
  it('writes them as text in the CSV', async () => {
    const res = await exportAs('csv');
    expect(res.statusCode).toBe(200);
    expectNeutralised(csvRows(res.rawPayload));
  });

  it('writes them as the same text in string cells of the XLSX, never as formulas', async () => {
    const res = await exportAs('xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String));
      rows.push((row.values as unknown[]).slice(1));
    });
    expectNeutralised(rows);
  });
});
