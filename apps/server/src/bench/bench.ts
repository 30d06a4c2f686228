import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { validatePersonRow, type PersonRow, type RawPersonRow } from '@cradle/domain';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { withScope } from '../db/scope.js';
import { csvLine } from '../db/csv.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { ensureRegionsLoaded } from '../regions/load.js';
import { createRegionService } from '../regions/service.js';
import { prepareRows } from '../registry/import/prepare.js';
import { loadPrepared } from '../registry/import/load.js';
import { inBatches, pipelined } from '../registry/import/pipelined.js';
import { benchRows } from './rows.js';

// `npm run bench [-- --rows N]`: the import path (validate, encrypt, blind-index, load under
// row-level security) against a raw COPY of the same rows into a bare table, in the same run,
// on PGlite and, when DATABASE_URL is set, on PostgreSQL. Target (issue 2): within 3× on PostgreSQL.
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '5000' }, 'skip-pglite': { type: 'boolean', default: false } } });
const N = Number(values.rows);
const BATCH = Number(values.batch);
const SCOPE = '533423';
const FIELDS = ['name', 'idNumber', 'sex', 'birthDate', 'ethnicity', 'hukouRegionCode', 'residenceRegionCode', 'householdNo', 'relationToHead'] as const;

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

async function run(label: string, database: Database, rows: RawPersonRow[]) {
  await migrate(database);
  await ensureRegionsLoaded(database, SCOPE);
  const regions = await createRegionService(database);
  const pii = createPii(deriveKeys(randomBytes(32)));

  // Baseline: the same rows as CSV, COPYed into a bare table (no indexes, no checks).
  await database.query(`CREATE TABLE bench_raw (${FIELDS.map((f) => `"${f}" text`).join(', ')})`);
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) chunks.push(rows.slice(i, i + BATCH).map((r) => csvLine(FIELDS.map((f) => r[f] as string | null))).join(''));
  let t = performance.now();
  const copied = await database.copyIn(`COPY bench_raw (${FIELDS.map((f) => `"${f}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`, chunks);
  const copyMs = performance.now() - t;

  // The import path, as the import job runs it (minus file parsing).
  const ctx = { regionExists: regions.exists, jurisdictionCode: SCOPE };
  let invalid = 0;
  let inserted = 0;
  t = performance.now();
  await pipelined(
    inBatches(rows, BATCH),
    (batch) => {
      const valid: PersonRow[] = [];
      for (const raw of batch) {
        const v = validatePersonRow(raw, ctx);
        if (v.ok) valid.push(v.value);
        else invalid++;
      }
      return prepareRows(valid, pii);
    },
    async (prepared) => {
      const r = await withScope(database, { jurisdictionCode: SCOPE }, (tx) => loadPrepared(tx, prepared));
      inserted += r.inserted;
    },
  );
  const importMs = performance.now() - t;

  // An immediate re-import: every row unchanged.
  t = performance.now();
  let unchanged = 0;
  await pipelined(inBatches(rows, BATCH), (batch) => prepareRows(batch.map((raw) => (validatePersonRow(raw, ctx) as { value: PersonRow }).value), pii), async (p) => {
    unchanged += (await withScope(database, { jurisdictionCode: SCOPE }, (tx) => loadPrepared(tx, p))).unchanged;
  });
  const reimportMs = performance.now() - t;

  const rps = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US');
  console.log(`\n${label}: ${N.toLocaleString('en-US')} rows`);
  console.log(`  raw COPY          ${(copyMs / 1000).toFixed(2).padStart(8)} s  ${rps(copyMs).padStart(10)} rows/s  (${copied} rows)`);
  console.log(`  import path       ${(importMs / 1000).toFixed(2).padStart(8)} s  ${rps(importMs).padStart(10)} rows/s  (${inserted} inserted, ${invalid} invalid)`);
  console.log(`  re-import         ${(reimportMs / 1000).toFixed(2).padStart(8)} s  ${rps(reimportMs).padStart(10)} rows/s  (${unchanged} unchanged)`);
  console.log(`  ratio import / COPY: ${(importMs / copyMs).toFixed(2)}×${label === 'PostgreSQL' ? '  (target ≤ 3×)' : ''}`);
}

const t0 = performance.now();
const villages = (await (async () => {
  const db = await openDatabase({});
  await migrate(db);
  await ensureRegionsLoaded(db, SCOPE);
  const v = await db.query<{ code: string }>("SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code");
  await db.close();
  return v.map((r) => r.code);
})());
const rows = benchRows(N, villages);
console.log(`generated ${N.toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

if (!values['skip-pglite']) {
  const db = await openDatabase({});
  await run('PGlite (embedded)', db, rows);
  await db.close();
}
if (process.env.DATABASE_URL) {
  const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
  await run('PostgreSQL', database, rows);
  await drop();
} else {
  console.log('\nDATABASE_URL is not set: skipped PostgreSQL.');
}
