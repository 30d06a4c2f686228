import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../db/scope.js';
import { MAX_CELL_CHARS } from '../../spreadsheet/index.js';
import { KEPT_ERROR_ROWS } from './error-cap.js';
import { findJob } from './jobs-repo.js';
import { createImportService, type ImportService } from './service.js';
import { importTestContext, person, tempDir, user, writeCsv, type ImportTestContext } from './test-files.js';

// Issue 11: a job keeps the errors of its first bad rows only, counts the rest, and says so.

let ctx: ImportTestContext;
let service: ImportService;
let dir: string;
let removeDir: () => Promise<void>;
const COUNTY = { jurisdictionCode: '533423' };
const CAP = 3;

beforeAll(async () => {
  ctx = await importTestContext();
  // Batches of two rows, so the cap runs out in the middle of a batch.
  service = createImportService({ ...ctx, batchRows: 2, keptErrorRows: CAP });
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

const bad = (n: number) => person(n, { 性别: '?', 户籍地代码: '533423999999' }); // two errors a row

async function run(name: string, rows: ReturnType<typeof person>[]) {
  const file = await writeCsv(dir, name, rows);
  return service.run({ filePath: file, fileName: name, format: 'csv', user: user('533423'), clientIp: null });
}

describe('the cap on stored row errors', () => {
  it('keeps every error of the first bad rows, counts the rest, and ends the report with their number', async () => {
    // Rows 2–8: bad, valid, bad ×5; the cap keeps rows 2, 4 and 5.
    const job = await run('capped.csv', [bad(1), person(2), bad(3), bad(4), bad(5), bad(6), bad(7)]);
    expect(job).toMatchObject({ status: 'done', processedRows: 7, validRows: 1, invalidRows: 6, errorsOmitted: 3 });
    const detail = (await service.get(COUNTY, job.id))!;
    expect(detail.job.errorsOmitted).toBe(3);
    expect(detail.errors.map((e) => [e.rowNo, e.code])).toEqual([
      [2, 'sex.format'],
      [2, 'hukouRegion.notFound'],
      [4, 'sex.format'],
      [4, 'hukouRegion.notFound'],
      [5, 'sex.format'],
      [5, 'hukouRegion.notFound'],
    ]);
    const zh = (await service.errorsCsv(COUNTY, job.id, 'zh-CN'))!.split('\r\n');
    expect(zh).toHaveLength(1 + 6 + 1 + 1); // header, errors, the count, the final line break
    expect(zh.at(-2)).toBe(
      `,,errors.omitted,另有 3 行错误未列出：每个导入任务只保留前 ${CAP} 行错误；请先改正以上各行，再重新导入`,
    );
    const en = (await service.errorsCsv(COUNTY, job.id, 'en'))!;
    expect(en).toContain(
      `\r\n,,errors.omitted,3 more rows with errors not listed: an import keeps the errors of its first ${CAP} bad rows`,
    );
  });

  it('omits nothing, and says nothing, under the cap', async () => {
    const job = await run('under.csv', [bad(10), person(11), bad(12)]);
    expect(job).toMatchObject({ invalidRows: 2, errorsOmitted: 0 });
    expect(await service.errorsCsv(COUNTY, job.id, 'en')).not.toContain('errors.omitted');
  });

  it('counts a job from before the cap, which stored every row, as omitting none', async () => {
    const uncapped = createImportService({ ...ctx, batchRows: 2, keptErrorRows: 100 });
    const file = await writeCsv(dir, 'old.csv', [bad(20), bad(21), bad(22), bad(23), bad(24)]);
    const job = await uncapped.run({
      filePath: file,
      fileName: 'old.csv',
      format: 'csv',
      user: user('533423'),
      clientIp: null,
    });
    const seen = await withScope(ctx.database, COUNTY, (tx) => findJob(tx, job.id, CAP));
    expect(seen).toMatchObject({ invalidRows: 5, errorsOmitted: 0 });
  });

  it('keeps 10,000 rows by default', () => {
    expect(KEPT_ERROR_ROWS).toBe(10_000);
  });

  it('refuses a CSV cell longer than Excel holds, loading nothing', async () => {
    const job = await run('long.csv', [person(30), person(31, { 姓名: 'x'.repeat(MAX_CELL_CHARS + 1) })]);
    expect(job).toMatchObject({ status: 'failed', inserted: 0 });
    expect(job.failure!.code).toBe('file.cellTooLong');
    expect(job.failure!.message.zh).toContain('第 3 行');
  });
});
