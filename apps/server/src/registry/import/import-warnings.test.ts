import ExcelJS from 'exceljs';
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
  type Cell,
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

const COUNTY = { jurisdictionCode: '533423' };
const run = (s: ImportService, filePath: string) =>
  s.run({
    filePath,
    fileName: path.basename(filePath),
    format: filePath.endsWith('.xlsx') ? 'xlsx' : 'csv',
    user: user('533423'),
    clientIp: null,
  });
const errorsOf = async (jobId: number) => (await service.get(COUNTY, jobId))!.errors;

async function oneSheetXlsx(name: string, rows: (readonly Cell[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人口');
  for (const r of rows) sheet.addRow([...r] as ExcelJS.CellValue[]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('header columns that are not imported', () => {
  it('are listed as warnings on the header row, naming each column, without counting as invalid rows', async () => {
    const headers = [...HEADERS.map((h) => (h === '联系电话' ? '联系电花' : h)), '身份证号'];
    const rows = [0, 1].map((n) => [...person(n, {}, '110101'), 'ignored']);
    const job = await run(service, await writeCsv(dir, 'typo.csv', rows, { headers }));
    expect(job).toMatchObject({ status: 'done', validRows: 2, invalidRows: 0, inserted: 2 });
    const errors = await errorsOf(job.id);
    expect(errors.map((e) => [e.rowNo, e.field, e.code])).toEqual([
      [1, 'file', 'header.unknown'],
      [1, 'file', 'header.duplicate'],
    ]);
    expect(errors[0]!.message.zh).toBe('第1行（表头）“联系电花”不是可识别的列名，该列未导入');
    expect(errors[0]!.message.en).toContain('"联系电花" is not a known column; the column was not imported');
    expect(errors[1]!.message.zh).toContain('“身份证号”');
    expect(errors[1]!.message.zh).toContain('公民身份号码');
    expect(errors[1]!.message.en).toMatch(/^[A-Z]/);
  });

  it('appear in the error report with the field "file"', async () => {
    const job = await run(
      service,
      await writeCsv(dir, 'note.csv', [[...person(2, {}, '110101'), 'x']], { headers: [...HEADERS, '备注'] }),
    );
    const csv = await service.errorsCsv(COUNTY, job.id, 'en');
    expect(csv).toContain(
      '1,File,header.unknown,"Row 1 (header): ""备注"" is not a known column; the column was not imported"\r\n',
    );
  });

  it('are not reported for a file whose header is all known columns', async () => {
    const job = await run(service, await oneSheetXlsx('clean.xlsx', [HEADERS, person(3, {}, '110101')]));
    expect(job).toMatchObject({ status: 'done', validRows: 1 });
    expect(await errorsOf(job.id)).toEqual([]);
  });
});

describe('a workbook with more than one worksheet', () => {
  it('imports the first and warns, on the header row, how many were ignored', async () => {
    const job = await run(service, await writeXlsx(dir, 'two-sheets.xlsx', [person(4, {}, '110101')]));
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 0 });
    const errors = await errorsOf(job.id);
    expect(errors.map((e) => [e.rowNo, e.field, e.code])).toEqual([[1, 'file', 'file.extraSheets']]);
    expect(errors[0]!.message.zh).toContain('1 张');
    expect(errors[0]!.message.en).toContain('1 other worksheet');
  });
});

describe('a hostile or absurd file', () => {
  it('fails a header with more than 200 columns before loading anything', async () => {
    const headers = [...HEADERS, ...Array.from({ length: 191 }, (_, i) => `x${i}`)];
    const rows = [person(5, {}, '110101')];
    const job = await run(service, await writeCsv(dir, 'wide.csv', rows, { headers }));
    expect(job).toMatchObject({ status: 'failed', processedRows: 0, failure: { code: 'file.tooManyColumns' } });
    expect(job.failure!.message.zh).toContain('200');
    expect(job.failure!.message.en).toContain('200');
    expect(await storedPersons(ctx, [rows[0]![1] as string])).toHaveLength(0);
  });

  it('fails a workbook whose header reaches past column 200, and ignores cells far right of a header', async () => {
    const wide = new ExcelJS.Workbook();
    const sheet = wide.addWorksheet('s');
    sheet.addRow([...HEADERS]);
    sheet.getRow(1).getCell(250).value = '备注';
    sheet.addRow([...person(6, {}, '110101')] as ExcelJS.CellValue[]);
    const file = path.join(dir, 'wide.xlsx');
    await wide.xlsx.writeFile(file);
    expect((await run(service, file)).failure?.code).toBe('file.tooManyColumns');

    const narrow = new ExcelJS.Workbook();
    const narrowSheet = narrow.addWorksheet('s');
    narrowSheet.addRow([...HEADERS]);
    narrowSheet.addRow([...person(7, {}, '110101')] as ExcelJS.CellValue[]);
    narrowSheet.getRow(2).getCell(16_384).value = 'far right';
    const narrowFile = path.join(dir, 'far-right.xlsx');
    await narrow.xlsx.writeFile(narrowFile);
    expect(await run(service, narrowFile)).toMatchObject({ status: 'done', validRows: 1, invalidRows: 0 });
  });

  it('fails a workbook with more shared strings than the limit, naming the limit, before loading anything', async () => {
    const limited = createImportService({ ...ctx, fileLimits: { maxSharedStrings: 5 } });
    const rows = [8, 9, 10].map((n) => person(n, {}, '110101'));
    const job = await run(limited, await oneSheetXlsx('many-strings.xlsx', [HEADERS, ...rows]));
    expect(job).toMatchObject({ status: 'failed', processedRows: 0, failure: { code: 'file.tooManySharedStrings' } });
    expect(job.failure!.message.zh).toContain('5');
    expect(job.failure!.message.en).toContain('5');
    expect(
      await storedPersons(
        ctx,
        rows.map((r) => r[1] as string),
      ),
    ).toHaveLength(0);
  });

  it('fails a workbook whose shared strings are too long in all', async () => {
    const limited = createImportService({ ...ctx, fileLimits: { maxSharedStringChars: 30 } });
    const job = await run(limited, await oneSheetXlsx('long-strings.xlsx', [HEADERS, person(11, {}, '110101')]));
    expect(job).toMatchObject({ status: 'failed', processedRows: 0, failure: { code: 'file.tooManySharedStrings' } });
    expect(job.failure!.message.en).toContain('longer than 30 characters');
  });
});
