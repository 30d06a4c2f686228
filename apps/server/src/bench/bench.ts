import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { validatePersonRow, type PersonRow, type RawPersonRow } from '@cradle/domain';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { byteaHex, csvLine } from '../db/csv.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii, type Pii } from '../crypto/pii.js';
import { ensureRegionsLoaded, createRegionService } from '../regions/index.js';
import {
  prepareRows,
  loadPersonRows,
  defaultBatchRows,
  flushCounts,
  SLICE_ROWS,
  yieldToEventLoop,
} from '../registry/index.js';
import { benchRows } from './rows.js';
import { cycleBench } from './cycle-bench.js';
import { monitoringBench } from './monitoring-bench.js';

// `npm run bench [-- --rows N]`: the import path (validate, encrypt, blind-index, load under
// row-level security) against a raw COPY of the same rows into a bare table, in the same run,
// on PGlite and, when DATABASE_URL is set, on PostgreSQL. Target (issue 2): within 3× on PostgreSQL.
// Then, on PostgreSQL, a payment cycle for N eligible children (cycle-bench.ts, issue 3).
// --skip-import / --skip-cycle run one half.
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    batch: { type: 'string' },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
    'skip-cycle': { type: 'boolean', default: false },
    'skip-monitoring': { type: 'boolean', default: false },
    // Import without the monitoring counts' triggers: the baseline of their import slow-down.
    'without-counts': { type: 'boolean', default: false },
    // Persons the monitoring scenario grows the demo county's copies to (issue 13: 1M, 10M).
    'monitoring-persons': { type: 'string', default: '1000000' },
  },
});
const N = Number(values.rows);
// Default: the import's own batch size for each engine (defaultBatchRows).
const BATCH_OPTION = values.batch ? Number(values.batch) : undefined;
const SCOPE = '533423';
const FIELDS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'ethnicity',
  'hukouRegionCode',
  'residenceRegionCode',
  'householdNo',
  'relationToHead',
] as const;

async function freshPostgres(url: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `cradle_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Validated rows, yielding to the event loop every SLICE_ROWS rows as the import's checkBatch
 * does: a batch's validation must not hold up the statements of the batch loading meanwhile.
 */
async function* validated(
  rows: RawPersonRow[],
  ctx: Parameters<typeof validatePersonRow>[1],
  counts: { invalid: number },
): AsyncGenerator<PersonRow> {
  for (let i = 0; i < rows.length; i++) {
    if (i % SLICE_ROWS === 0 && i > 0) await yieldToEventLoop();
    const v = validatePersonRow(rows[i]!, ctx);
    if (v.ok) yield v.value;
    else counts.invalid++;
  }
}

function validatedNow(rows: RawPersonRow[], ctx: Parameters<typeof validatePersonRow>[1]): PersonRow[] {
  return rows.map((raw) => validatePersonRow(raw, ctx)).flatMap((v) => (v.ok ? [v.value] : []));
}

const PERSON_COLUMNS = [
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'id_kind',
  'id_cipher',
  'id_blind_index',
  'id_masked',
  'hukou_region_code',
  'residence_region_code',
  'relation_to_head',
  'source',
  'row_hash',
];

/**
 * Baseline 1, apart so that its million prepared rows are garbage before the import is timed:
 * a real import streams its file and never holds them, and a heap that does slows every
 * collection of the path being measured.
 */
async function copyBaseline(
  database: Database,
  rows: RawPersonRow[],
  pii: Pii,
  ctx: Parameters<typeof validatePersonRow>[1],
  batch: number,
): Promise<number> {
  const prepared = await prepareRows(validatedNow(rows, ctx), pii);
  const chunks: string[] = [];
  for (let i = 0; i < prepared.names.length; i += batch) {
    let chunk = '';
    for (let j = i; j < Math.min(i + batch, prepared.names.length); j++) {
      chunk += csvLine([
        prepared.names[j],
        prepared.sexes[j],
        prepared.birthDates[j],
        prepared.ethnicities[j],
        prepared.idKinds[j],
        byteaHex(prepared.idCiphers[j]!),
        byteaHex(prepared.blindIndexes[j]!),
        prepared.idMasked[j],
        prepared.hukouRegionCodes[j],
        prepared.residenceRegionCodes[j],
        prepared.relationsToHead[j],
        'bench',
        prepared.rowHashes[j],
      ]);
    }
    chunks.push(chunk);
  }
  await database.query('CREATE TABLE bench_copy (LIKE persons INCLUDING DEFAULTS INCLUDING INDEXES)');
  const t = performance.now();
  await database.copyIn(`COPY bench_copy (${PERSON_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`, chunks);
  return performance.now() - t;
}

/**
 * A full collection before a timed phase, so that it does not pay for the garbage the one
 * before left (a million prepared rows after the baseline). `npm run bench` runs node with
 * --expose-gc; without it this does nothing.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Baseline 2 (reference only): the raw input rows as text into a bare table, no indexes. */
async function bareCopy(database: Database, rows: RawPersonRow[], batch: number): Promise<number> {
  await database.query(`CREATE TABLE bench_raw (${FIELDS.map((f) => `"${f}" text`).join(', ')})`);
  const rawChunks: string[] = [];
  for (let i = 0; i < rows.length; i += batch)
    rawChunks.push(
      rows
        .slice(i, i + batch)
        .map((r) => csvLine(FIELDS.map((f) => r[f] as string | null)))
        .join(''),
    );
  const t = performance.now();
  await database.copyIn(
    `COPY bench_raw (${FIELDS.map((f) => `"${f}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    rawChunks,
  );
  return performance.now() - t;
}

async function run(label: string, database: Database, rows: RawPersonRow[]) {
  const BATCH = BATCH_OPTION ?? defaultBatchRows(database);
  await migrate(database);
  if (values['without-counts'])
    for (const table of ['persons', 'relationships'])
      for (const op of ['insert', 'update', 'delete'])
        await database.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_counts_${op}`);
  await ensureRegionsLoaded(database, SCOPE);
  const regions = await createRegionService(database);
  const pii = createPii(deriveKeys(randomBytes(32)));
  const ctx = { regionExists: regions.exists, jurisdictionCode: SCOPE };
  const secs = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
  const rps = (ms: number) =>
    Math.round(N / (ms / 1000))
      .toLocaleString('en-US')
      .padStart(10);

  // Baseline 1: the same rows, already validated and encrypted (not timed), COPYed as the
  // owner into a table shaped like persons with the same indexes: the database's raw ingest.
  const copyMs = await copyBaseline(database, rows, pii, ctx, BATCH);

  // Baseline 2 (reference only): the raw input rows as text into a bare table, no indexes.
  const bareMs = await bareCopy(database, rows, BATCH);

  // The import path, as an import job runs it after parsing: validate, encrypt, blind-index,
  // upsert under row-level security, one transaction per batch, preparing the next batch while one loads.
  const counts = { invalid: 0 };
  collectGarbage();
  let t = performance.now();
  const first = await loadPersonRows(database, { jurisdictionCode: SCOPE }, validated(rows, ctx, counts), pii, BATCH, {
    flushCounts: false,
  });
  const importMs = performance.now() - t;
  // The monitoring counts of the imported persons, which an import job counts after it reports
  // itself done (migration 0031): the time until the scorecard shows them.
  t = performance.now();
  const counted = await flushCounts(database);
  const flushMs = performance.now() - t;

  // An immediate re-import of the same rows: nothing may change.
  collectGarbage();
  t = performance.now();
  const again = await loadPersonRows(
    database,
    { jurisdictionCode: SCOPE },
    validated(rows, ctx, { invalid: 0 }),
    pii,
    BATCH,
  );
  const reimportMs = performance.now() - t;

  console.log(`\n${label}: ${N.toLocaleString('en-US')} rows, batches of ${BATCH.toLocaleString('en-US')}`);
  console.log(`  COPY into persons-shaped table ${secs(copyMs)} s ${rps(copyMs)} rows/s   (baseline)`);
  console.log(`  COPY into bare text table      ${secs(bareMs)} s ${rps(bareMs)} rows/s   (reference)`);
  console.log(
    `  import path                    ${secs(importMs)} s ${rps(importMs)} rows/s   (${first.inserted} inserted, ${counts.invalid} invalid)`,
  );
  console.log(
    `  then the monitoring counts     ${secs(flushMs)} s ${rps(flushMs)} rows/s   (${counted} persons counted, after the import reports done)`,
  );
  console.log(
    `  re-import, unchanged           ${secs(reimportMs)} s ${rps(reimportMs)} rows/s   (${again.unchanged} unchanged, ${again.inserted + again.updated} changed)`,
  );
  console.log(
    `  ratio import / baseline COPY: ${(importMs / copyMs).toFixed(2)}×   (bare-table COPY: ${(importMs / bareMs).toFixed(1)}×)${label === 'PostgreSQL' ? '   target ≤ 3×' : ''}`,
  );
}

const t0 = performance.now();
const villages = await (async () => {
  const db = await openDatabase({});
  await migrate(db);
  await ensureRegionsLoaded(db, SCOPE);
  const v = await db.query<{ code: string }>(
    "SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code",
  );
  await db.close();
  return v.map((r) => r.code);
})();
const rows = values['skip-import'] ? [] : benchRows(N, villages);
if (rows.length > 0)
  console.log(`generated ${N.toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

if (!values['skip-pglite'] && !values['skip-import']) {
  const db = await openDatabase({});
  await run('PGlite (embedded)', db, rows);
  await db.close();
}
if (process.env.DATABASE_URL) {
  if (!values['skip-import']) {
    const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
    await run('PostgreSQL', database, rows);
    await drop();
  }
  // Issue 3: a payment cycle for N eligible children, in a database of its own.
  if (!values['skip-monitoring']) {
    const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
    try {
      await migrate(database);
      await monitoringBench(database, Number(values['monitoring-persons']));
    } finally {
      await drop();
    }
  }
  if (!values['skip-cycle']) {
    const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
    await migrate(database);
    await ensureRegionsLoaded(database, SCOPE);
    await cycleBench(database, N, villages, 'PostgreSQL');
    await drop();
  }
} else {
  console.log('\nDATABASE_URL is not set: skipped PostgreSQL.');
}
