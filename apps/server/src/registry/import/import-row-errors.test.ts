import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService, type ImportService } from './service.js';
import {
  importTestContext,
  person,
  storedPersons,
  syntheticId,
  tempDir,
  user,
  writeCsv,
  type Cell,
  type ImportTestContext,
} from './test-files.js';
import type { ImportJob } from './types.js';
import type { ImportRowError } from './row-errors.js';

let ctx: ImportTestContext;
let service: ImportService;
let dir: string;
let removeDir: () => Promise<void>;
let job: ImportJob;
let errors: ImportRowError[];

const TOWNSHIP = user('533423101');
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

// Row numbers as Excel shows them: the header is row 1, the blank line is row 11.
const rows: Cell[][] = [
  person(10), // 2 valid
  person(11, { 公民身份号码: wrongCheck(syntheticId('533423', '19600112', 101)) }), // 3
  person(12, { 性别: '男' }), // 4: the ID says female
  person(13, { 公民身份号码: syntheticId('533423', '20991231', 101), 性别: '男', 出生日期: '2099-12-31' }), // 5: born in the future
  person(14, { 户籍地代码: '533423999999' }), // 6: no such region
  person(15, { 居住地代码: '533423102201' }), // 7: lives in 叶枝镇, outside 保和镇
  person(16, { 姓名: '<script>alert(1)</script>' }), // 8
  person(17, { 性别: null }), // 9: required value missing
  person(10), // 10: repeats row 2
  [null, null, null, null, null, null, null, null, null, null], // 11: blank, skipped
  person(18), // 12 valid
];

beforeAll(async () => {
  ctx = await importTestContext();
  // Batches of three rows, so the repeat in row 10 is caught across batches.
  service = createImportService({ ...ctx, batchRows: 3 });
  ({ dir, remove: removeDir } = await tempDir());
  const file = await writeCsv(dir, 'mixed.csv', rows);
  job = await service.run({ filePath: file, fileName: 'mixed.csv', format: 'csv', user: TOWNSHIP, clientIp: null });
  errors = (await service.get({ jurisdictionCode: '533423101' }, job.id))!.errors;
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

describe('a file with bad rows', () => {
  it('loads only the valid rows', async () => {
    expect(job).toMatchObject({ status: 'done', processedRows: 10, validRows: 2, invalidRows: 8, inserted: 2 });
    const ids = rows.filter((r) => typeof r[1] === 'string').map((r) => r[1] as string);
    const stored = await storedPersons(ctx, ids);
    expect(stored.map((p) => p.id_masked)).toEqual(
      [person(10)[1], person(18)[1]].map(
        (id) => `${String(id as string).slice(0, 6)}********${String(id as string).slice(14)}`,
      ),
    );
  });

  it('reports each bad row with its row number, field and code', () => {
    expect(errors.map((e) => [e.rowNo, e.field, e.code])).toEqual([
      [3, 'idNumber', 'idNumber.checkCharacter'],
      [4, 'sex', 'sex.mismatch'],
      [5, 'idNumber', 'idNumber.futureBirthDate'],
      [6, 'hukouRegionCode', 'hukouRegion.notFound'],
      [7, 'residenceRegionCode', 'residenceRegion.outsideJurisdiction'],
      [8, 'name', 'name.invalidCharacters'],
      [9, 'sex', 'sex.required'],
      [10, 'idNumber', 'idNumber.duplicateInFile'],
    ]);
  });

  it('explains every error in Chinese and English', () => {
    for (const e of errors) {
      expect(e.message.zh).toMatch(/\p{Script=Han}/u);
      expect(e.message.en).toMatch(/^[A-Z]/);
      expect(e.message.en).not.toMatch(/\p{Script=Han}/u);
    }
    const duplicate = errors.find((e) => e.code === 'idNumber.duplicateInFile')!;
    expect(duplicate.message.zh).toContain('第 2 行');
    expect(duplicate.message.en).toContain('row 2');
  });

  it('writes the error report as UTF-8 CSV with a BOM, in either language', async () => {
    const zh = (await service.errorsCsv({ jurisdictionCode: '533423101' }, job.id, 'zh-CN'))!;
    expect(zh.startsWith('\uFEFF行号,字段,错误代码,说明\r\n')).toBe(true);
    expect(zh).toContain('10,公民身份号码,idNumber.duplicateInFile,');
    expect(zh.trim().split('\r\n')).toHaveLength(1 + 8);
    const en = (await service.errorsCsv({ jurisdictionCode: '533423101' }, job.id, 'en'))!;
    expect(en.startsWith('\uFEFFRow,Field,Error code,Message\r\n')).toBe(true);
    expect(en).toContain('7,Residence region code,residenceRegion.outsideJurisdiction,');
  });

  it('never echoes the rejected script into anything but the report', async () => {
    const name = await ctx.database.query(`SELECT 1 FROM persons WHERE name LIKE '%script%'`);
    expect(name).toHaveLength(0);
  });
});
