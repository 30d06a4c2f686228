import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from './service.js';
import { importTestContext, person, tempDir, user, writeCsv, type ImportTestContext } from './test-files.js';
import type { ImportJob } from './types.js';

let ctx: ImportTestContext;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

const ROWS = 20_000;

describe('a 20,000-row file', () => {
  it('imports every row, reporting progress on the way', { timeout: 300_000 }, async () => {
    const villages = ['533423101001', '533423101002', '533423102201', '533423103201'];
    const rows = Array.from({ length: ROWS }, (_, n) =>
      person(n, {
        居住地代码: villages[n % villages.length]!,
        户号: `V${n % villages.length}-${Math.floor(n / 4)}`,
        与户主关系: n % 3 === 0 ? '户主' : '子女',
        联系电话: n % 2 ? `139${String(n).padStart(8, '0')}` : null,
      }),
    );
    const file = await writeCsv(dir, 'twenty-thousand.csv', rows);
    const progress: ImportJob[] = [];
    const started = performance.now();
    const job = await createImportService({ ...ctx, batchRows: 5000 }) // several batches, so progress has steps to report
      .run({
        filePath: file,
        fileName: 'twenty-thousand.csv',
        format: 'csv',
        user: user('533423'),
        clientIp: null,
        onProgress: (j) => progress.push(j),
      });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `import of ${ROWS} rows on ${ctx.database.kind}: ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds)} rows/s`,
    );
    expect(job).toMatchObject({
      status: 'done',
      totalRows: ROWS,
      processedRows: ROWS,
      validRows: ROWS,
      inserted: ROWS,
      invalidRows: 0,
    });
    expect(progress[0]!.totalRows).toBe(ROWS);
    const done = progress.map((p) => p.processedRows);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(3);
  });

  it('leaves the planner fresh statistics on PGlite, which has no autovacuum', async () => {
    if (ctx.database.kind !== 'pglite') return;
    const stats = await ctx.database.query<{ relname: string; reltuples: number }>(
      `SELECT relname, reltuples::int AS reltuples FROM pg_class WHERE relname IN ('persons', 'households') ORDER BY relname`,
    );
    expect(stats.map((s) => [s.relname, Number(s.reltuples)])).toEqual([
      ['households', ROWS],
      ['persons', ROWS],
    ]);
  });
});
