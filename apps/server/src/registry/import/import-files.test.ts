import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService, type ImportService } from './service.js';
import {
  HEADERS,
  importTestContext,
  person,
  storedPersons,
  tempDir,
  user,
  writeCsv,
  writeXlsx,
  type ImportTestContext,
} from './test-files.js';

let ctx: ImportTestContext;
let service: ImportService;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  service = createImportService(ctx);
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

const COUNTY = user('533423');
const run = (filePath: string, format: 'csv' | 'xlsx') =>
  service.run({ filePath, fileName: path.basename(filePath), format, user: COUNTY, clientIp: null });

describe('importing an Excel workbook', () => {
  it('reads dates, numbers, rich text and formula results from the first worksheet', async () => {
    const rows = [
      person(
        0,
        { 出生日期: new Date(Date.UTC(1960, 0, 1)), 户籍地代码: 533423101001, 居住地代码: 533423101001 },
        '530102',
      ),
      person(
        1,
        { 出生日期: new Date(Date.UTC(1960, 0, 2)), 姓名: { richText: [{ text: '余' }, { text: '丽华' }] } },
        '530102',
      ),
      person(2, { 民族: { formula: '"纳西"&"族"', result: '纳西族' }, 联系电话: 13800138000 }, '530102'),
    ];
    const file = await writeXlsx(dir, 'people.xlsx', rows);
    const job = await run(file, 'xlsx');
    expect(job).toMatchObject({ status: 'done', totalRows: 3, validRows: 3, inserted: 3, invalidRows: 0 });
    const stored = await storedPersons(
      ctx,
      rows.map((r) => r[1] as string),
    );
    expect(stored.map((p) => [p.name, p.birth_date, p.ethnicity])).toEqual([
      ['余丽华', '1960-01-01', '傈僳族'],
      ['余丽华', '1960-01-02', '傈僳族'],
      ['余丽华', '1960-01-03', '纳西族'],
    ]);
  });

  it('reports an ID number typed as a number instead of guessing its lost digits', async () => {
    const file = await writeXlsx(dir, 'numeric-id.xlsx', [person(3, { 公民身份号码: 533423196001040000 }, '530102')]);
    const job = await run(file, 'xlsx');
    expect(job).toMatchObject({ status: 'done', validRows: 0, invalidRows: 1 });
    const detail = await service.get({ jurisdictionCode: '533423' }, job.id);
    // The workbook's second worksheet adds a header-row warning (file.extraSheets) before it.
    expect(detail!.errors.filter((e) => e.rowNo === 2)).toEqual([
      expect.objectContaining({ field: 'idNumber', code: 'idNumber.storedAsNumber' }),
    ]);
  });
});

describe('a file that cannot be imported', () => {
  it('fails before loading anything when a required column is missing, naming it', async () => {
    const headers = HEADERS.filter((h) => h !== '居住地代码' && h !== '性别');
    const rows = [0, 1].map((n) =>
      person(n, {}, '110101').filter((_, i) => HEADERS[i] !== '居住地代码' && HEADERS[i] !== '性别'),
    );
    const job = await run(await writeCsv(dir, 'no-residence.csv', rows, { headers }), 'csv');
    expect(job).toMatchObject({
      status: 'failed',
      processedRows: 0,
      validRows: 0,
      failure: { code: 'file.missingColumns' },
    });
    expect(job.failure!.message.zh).toContain('居住地代码');
    expect(job.failure!.message.zh).toContain('性别');
    expect(job.failure!.message.en).toContain('Residence region code');
    expect(
      await storedPersons(
        ctx,
        rows.map((r) => r[1] as string),
      ),
    ).toHaveLength(0);
  });

  it('fails cleanly on a GBK-encoded CSV, suggesting UTF-8', async () => {
    const file = path.join(dir, 'gbk.csv');
    // 姓名,公民身份号码 in GBK: not valid UTF-8.
    await writeFile(file, Buffer.from('d0d5c3fb2cb9abc3f1c9edb7ddbac5c2eb0a', 'hex'));
    const job = await run(file, 'csv');
    expect(job).toMatchObject({ status: 'failed', processedRows: 0, failure: { code: 'file.notUtf8' } });
    expect(job.failure!.message.zh).toContain('UTF-8');
  });

  it('fails cleanly on a binary file named .csv', async () => {
    const file = path.join(dir, 'really-a-workbook.csv');
    await writeFile(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
    const job = await run(file, 'csv');
    expect(job).toMatchObject({ status: 'failed', failure: { code: 'file.binary' } });
  });

  it('fails cleanly on a file named .xlsx that is not a workbook', async () => {
    const file = path.join(dir, 'not-a-workbook.xlsx');
    await writeFile(file, 'name,id\n');
    expect((await run(file, 'xlsx')).failure?.code).toBe('file.notXlsx');
  });

  it('fails cleanly on a damaged workbook', async () => {
    const file = path.join(dir, 'damaged.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect((await run(file, 'xlsx')).failure?.code).toBe('file.unreadable');
  });

  it('finishes a file holding only the header with nothing loaded', async () => {
    const job = await run(await writeCsv(dir, 'header-only.csv', []), 'csv');
    expect(job).toMatchObject({ status: 'done', totalRows: 0, processedRows: 0, validRows: 0, invalidRows: 0 });
  });

  it('fails cleanly on an empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    await writeFile(file, '');
    expect((await run(file, 'csv')).failure?.code).toBe('file.empty');
  });

  it('records the failure in the audit log', async () => {
    const audit = await ctx.database.query<{ outcome: string; details: { failureCode: string } }>(
      `SELECT outcome, details FROM audit_log WHERE action = 'registry.import' AND outcome = 'failure'`,
    );
    expect(audit.map((a) => a.details.failureCode)).toContain('file.missingColumns');
  });
});

describe('a CSV as users save it', () => {
  it('reads UTF-8 without a BOM, CRLF or LF, and quoted cells', async () => {
    const rows = [person(4, { 姓名: '和 志强' }, '530102'), person(5, {}, '530102')];
    const file = await writeCsv(dir, 'no-bom.csv', rows, { bom: false });
    const job = await run(file, 'csv');
    expect(job).toMatchObject({ status: 'done', validRows: 2, invalidRows: 0 });
  });
});
