import { maskIdNumber } from '@cradle/domain';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService, type ImportService } from './service.js';
import { createJobRunner, type JobRunner } from '../../jobs/index.js';
import { importKind } from '../../jobs/kinds/index.js';
import { IMPORT_KIND } from './types.js';
import {
  importTestContext,
  person,
  storedPersons,
  tempDir,
  user,
  writeCsv,
  type Cell,
  type ImportTestContext,
} from './test-files.js';

let ctx: ImportTestContext;
let service: ImportService;
let jobs: JobRunner;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  jobs = createJobRunner({ database: ctx.database }).register(importKind(ctx));
  service = createImportService({ ...ctx, jobs });
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await jobs?.stop();
  await removeDir();
  await ctx.cleanup();
});

const COUNTY = user('533423');
const idOf = (row: readonly Cell[]) => row[1] as string;

describe('importing a CSV of valid rows', () => {
  const rows = [
    person(0, { 户号: '533423101001-0001', 与户主关系: '户主', 联系电话: '13800138000' }),
    person(1, { 户号: '533423101001-0001', 与户主关系: '配偶' }),
    person(2, { 户号: '533423101002-0007', 与户主关系: '户主', 居住地代码: '533423101002' }),
    person(3),
    person(4, { 居住地代码: '533423102201' }),
  ];

  it('loads every row, storing the ID number only masked and encrypted', async () => {
    const file = await writeCsv(dir, 'valid.csv', rows);
    const job = await service.run({
      filePath: file,
      fileName: 'valid.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: '127.0.0.1',
    });
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 5,
      processedRows: 5,
      validRows: 5,
      invalidRows: 0,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      failure: null,
    });
    expect(job.startedAt).toBeInstanceOf(Date);
    expect(job.finishedAt).toBeInstanceOf(Date);

    const stored = await storedPersons(ctx, rows.map(idOf));
    expect(stored).toHaveLength(5);
    for (const [i, p] of stored.entries()) {
      const id = idOf(rows[i]!);
      expect(p.id_masked).toBe(maskIdNumber(id));
      expect(Buffer.from(p.id_cipher).includes(Buffer.from(id))).toBe(false);
      expect(ctx.pii.decryptIdNumber(p.id_cipher)).toBe(id);
      expect(p.source).toBe('import');
    }
    expect(stored[0]!.phone_cipher).not.toBeNull();
    expect(Buffer.from(stored[0]!.phone_cipher!).includes(Buffer.from('13800138000'))).toBe(false);
    expect(stored[3]!.phone_cipher).toBeNull();
    expect(stored[4]!.residence_region_code).toBe('533423102201');
  });

  it('creates each household once, where its head lives, and links its members', async () => {
    const stored = await storedPersons(ctx, rows.map(idOf));
    const households = await ctx.database.query<{ id: number; household_no: string; region_code: string }>(
      `SELECT id, household_no, region_code FROM households WHERE household_no LIKE '533423101%' ORDER BY household_no`,
    );
    expect(households.map((h) => [h.household_no, h.region_code])).toEqual([
      ['533423101001-0001', '533423101001'],
      ['533423101002-0007', '533423101002'],
    ]);
    expect(Number(stored[0]!.household_id)).toBe(Number(households[0]!.id));
    expect(Number(stored[1]!.household_id)).toBe(Number(households[0]!.id));
    expect(Number(stored[2]!.household_id)).toBe(Number(households[1]!.id));
    expect(stored[3]!.household_id).toBeNull();
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await storedPersons(ctx, rows.map(idOf));
    const file = await writeCsv(dir, 'valid-again.csv', rows);
    const job = await service.run({
      filePath: file,
      fileName: 'valid-again.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: null,
    });
    expect(job).toMatchObject({ status: 'done', validRows: 5, inserted: 0, updated: 0, unchanged: 5 });
    const after = await storedPersons(ctx, rows.map(idOf));
    expect(after.map((p) => p.updated_at.getTime())).toEqual(before.map((p) => p.updated_at.getTime()));
    const households = await ctx.database.query(`SELECT 1 FROM households WHERE household_no LIKE '533423101%'`);
    expect(households).toHaveLength(2);
  });

  it('updates exactly the one row whose name changed', async () => {
    const changed = rows.map((r, i) => (i === 3 ? person(3, { 姓名: '和建国' }) : r));
    const file = await writeCsv(dir, 'one-changed.csv', changed);
    const job = await service.run({
      filePath: file,
      fileName: 'one-changed.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: null,
    });
    expect(job).toMatchObject({ status: 'done', inserted: 0, updated: 1, unchanged: 4 });
    const stored = await storedPersons(ctx, [idOf(rows[3]!)]);
    expect(stored[0]!.name).toBe('和建国');
  });

  it('audits each job once with its counts and file name, never an ID number', async () => {
    const audit = await ctx.database.query<{ target_id: string; outcome: string; details: Record<string, unknown> }>(
      `SELECT target_id, outcome, details FROM audit_log WHERE action = 'registry.import' ORDER BY seq`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit[0]).toMatchObject({
      outcome: 'success',
      details: { fileName: 'valid.csv', inserted: 5, validRows: 5 },
    });
    const text = JSON.stringify(audit);
    for (const r of rows) expect(text).not.toContain(idOf(r));
  });

  it('runs a started job in the background and deletes the uploaded file afterwards', async () => {
    const file = await writeCsv(dir, 'upload.csv', [person(5), person(6)]);
    const jobId = await service.start({
      filePath: file,
      fileName: '人口.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: null,
    });
    await jobs.drain(IMPORT_KIND);
    const detail = await service.get({ jurisdictionCode: '533423' }, jobId);
    expect(detail?.job).toMatchObject({ status: 'done', fileName: '人口.csv', inserted: 2 });
    expect(existsSync(file)).toBe(false);
    const list = await service.list({ jurisdictionCode: '533423' });
    expect(list[0]!.id).toBe(jobId);
  });

  it('moves a household to where its head now lives', async () => {
    const moved = [
      person(0, { 户号: '533423101001-0001', 与户主关系: '户主', 联系电话: '13800138000', 居住地代码: '533423101003' }),
      rows[1]!,
    ];
    const file = await writeCsv(dir, 'moved.csv', moved);
    const job = await service.run({
      filePath: file,
      fileName: 'moved.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: null,
    });
    expect(job).toMatchObject({ status: 'done', updated: 1, unchanged: 1 });
    const [household] = await ctx.database.query<{ region_code: string }>(
      `SELECT region_code FROM households WHERE household_no = '533423101001-0001'`,
    );
    expect(household!.region_code).toBe('533423101003');
  });
});
