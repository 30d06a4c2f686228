import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conn, Database } from '../../db/client.js';
import { ConcurrentChangeError } from './load.js';
import { createImportService } from './service.js';
import { isLostRace } from './upkeep.js';
import { importTestContext, person, tempDir, user, writeCsv, type Cell, type ImportTestContext } from './test-files.js';

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

async function run(rows: Cell[][], jurisdictionCode: string, database: Database = ctx.database, batchRows?: number) {
  const file = await writeCsv(dir, `upkeep-${Date.now()}-${Math.random()}.csv`, rows);
  const service = createImportService({
    ...ctx,
    database,
    logger: { error: () => undefined },
    ...(batchRows ? { batchRows } : {}),
  });
  return service.run({
    filePath: file,
    fileName: path.basename(file),
    format: 'csv',
    user: user(jurisdictionCode),
    clientIp: null,
  });
}

const issuesOf = async (idNumber: string) =>
  (
    await ctx.database.query<{ quality_issues: string[] }>(
      'SELECT quality_issues FROM persons WHERE id_blind_index = $1',
      [ctx.pii.idBlindIndex(idNumber)],
    )
  )[0]!.quality_issues;

describe('data quality flags after an import', () => {
  const alone = person(0);
  const housed = person(1, { 户号: 'QA-0001', 与户主关系: '户主' });

  it('flags an imported person without a household as household.missing', async () => {
    expect(await run([alone, housed], '533423')).toMatchObject({ status: 'done', inserted: 2 });
    expect(await issuesOf(alone[1] as string)).toEqual(['household.missing']);
    expect(await issuesOf(housed[1] as string)).toEqual([]);
  });

  it('clears the flag when a re-import gives the person a household', async () => {
    const joined = person(0, { 户号: 'QA-0001', 与户主关系: '配偶' });
    expect(await run([joined, housed], '533423')).toMatchObject({ status: 'done', updated: 1, unchanged: 1 });
    expect(await issuesOf(alone[1] as string)).toEqual([]);
  });

  it('gives new persons the flags cradle_refresh_quality() would: a full refresh afterwards changes nothing', async () => {
    const rows = [
      person(20), // no household
      person(21, { 户号: 'QA-0002', 与户主关系: '户主' }),
      person(22, { 户籍地代码: '530102' }), // hukou in another county, which the region tree holds at county level
      person(23, { 户籍地代码: '533423102', 户号: 'QA-0002', 与户主关系: '子' }), // hukou at township level
    ];
    expect(await run(rows, '533423')).toMatchObject({ status: 'done', inserted: 4 });
    expect(await issuesOf(rows[0]![1] as string)).toEqual(['household.missing']);
    const refreshed = await ctx.database.query<{ n: number }>('SELECT cradle_refresh_quality(NULL) AS n');
    expect(refreshed[0]!.n).toBe(0);
  });
});

/**
 * The database as a jurisdiction sees it when another one registers the same person between
 * the look-up for persons registered elsewhere and the upsert: the first look-up finds nothing.
 */
function lookUpTooEarly(database: Database): Database & { lookUps: () => number } {
  let lookUps = 0;
  const wrap = (tx: Conn): Conn => ({
    ...tx,
    query: async <R>(text: string, params?: unknown[]) => {
      if (!text.includes('cradle_blind_indexes_elsewhere')) return tx.query<R>(text, params);
      lookUps++;
      return lookUps === 1 ? [] : tx.query<R>(text, params);
    },
  });
  return {
    ...database,
    transaction: (fn, prelude) => database.transaction((tx) => fn(wrap(tx)), prelude),
    lookUps: () => lookUps,
  };
}

describe('two jurisdictions importing the same person at once', () => {
  it('retries the batch once, and the row the other jurisdiction registered is reported, not the whole job failed', async () => {
    const contested = person(2, { 居住地代码: '533423102201' });
    expect(await run([contested], '533423102')).toMatchObject({ status: 'done', inserted: 1 });
    const raced = lookUpTooEarly(ctx.database);
    const mine = person(2, { 居住地代码: '533423101001' });
    const job = await run([mine, person(3, { 居住地代码: '533423101001' })], '533423101', raced);
    expect(raced.lookUps()).toBe(2);
    expect(job).toMatchObject({ status: 'done', inserted: 1, invalidRows: 1 });
    const detail = await createImportService(ctx).get({ jurisdictionCode: '533423101' }, job.id);
    expect(detail!.errors.map((e) => [e.rowNo, e.code])).toEqual([[2, 'idNumber.registeredElsewhere']]);
  });
});

/** The database, counting the statements whose text includes each of the given fragments. */
function counting(database: Database, fragments: string[]): Database & { counts: Record<string, number> } {
  const counts = Object.fromEntries(fragments.map((f) => [f, 0]));
  const wrap = (tx: Conn): Conn => ({
    ...tx,
    query: async <R>(text: string, params?: unknown[]) => {
      for (const f of fragments) if (text.includes(f)) counts[f]!++;
      return tx.query<R>(text, params);
    },
  });
  return { ...database, transaction: (fn, prelude) => database.transaction((tx) => fn(wrap(tx)), prelude), counts };
}

describe('persons registered in another township, in a file of several batches', () => {
  it('writes the first such batch three times (insert, upsert, upsert after the look-up), then looks them up before writing', async () => {
    const elsewhere = [30, 31].map((n) => person(n, { 居住地代码: '533423102201' }));
    expect(await run(elsewhere, '533423102')).toMatchObject({ status: 'done', inserted: 2 });
    const db = counting(ctx.database, ['ROLLBACK TO SAVEPOINT', 'cradle_blind_indexes_elsewhere']);
    // Batches of two: each holds one person registered in 叶枝镇 and one new person.
    const claimed = [person(30), person(32), person(31), person(33)];
    const job = await run(claimed, '533423101', db, 2);
    expect(job).toMatchObject({ status: 'done', inserted: 2, invalidRows: 2 });
    expect(db.counts).toEqual({ 'ROLLBACK TO SAVEPOINT': 2, cradle_blind_indexes_elsewhere: 2 });
  });
});

describe('a first import and a re-import, in batches', () => {
  const rows = [40, 41, 42, 43, 44].map((n) => person(n));

  it('inserts new persons without probing for stored ones', async () => {
    const db = counting(ctx.database, ['ROLLBACK TO SAVEPOINT', 'LATERAL']);
    expect(await run(rows, '533423', db, 2)).toMatchObject({ status: 'done', inserted: 5 });
    expect(db.counts).toEqual({ 'ROLLBACK TO SAVEPOINT': 0, LATERAL: 0 });
  });

  it("on a re-import, rolls back the first batch's insert once, then probes every batch", async () => {
    const db = counting(ctx.database, ['ROLLBACK TO SAVEPOINT', 'LATERAL']);
    expect(await run(rows, '533423', db, 2)).toMatchObject({ status: 'done', inserted: 0, unchanged: 5 });
    expect(db.counts).toEqual({ 'ROLLBACK TO SAVEPOINT': 1, LATERAL: 3 });
  });
});

describe('which failures a batch runs again for', () => {
  it('a lost race: the blind index taken meanwhile, a person moved meanwhile, a deadlock', () => {
    expect(isLostRace({ code: '23505', constraint: 'persons_id_blind_uq' })).toBe(true);
    expect(isLostRace(new ConcurrentChangeError())).toBe(true);
    expect(isLostRace({ code: '40P01' })).toBe(true);
  });

  it('not another unique violation, a refusal by row-level security or a plain error', () => {
    expect(isLostRace({ code: '23505', constraint: 'households_no_uq' })).toBe(false);
    expect(isLostRace({ code: '42501' })).toBe(false);
    expect(isLostRace(new Error('boom'))).toBe(false);
    expect(isLostRace(null)).toBe(false);
  });
});
