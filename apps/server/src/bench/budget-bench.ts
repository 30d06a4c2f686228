import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  BUILT_IN_SCHEMES,
  NATIONAL_CHILDCARE_SUBSIDY,
  YUNNAN_BIRTH_GRANT,
  YUNNAN_CHILDCARE_ALLOWANCE,
  type SchemeDefinition,
} from '@cradle/domain';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { withScope } from '../db/scope.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { ensureRegionsLoaded } from '../regions/index.js';
import { loadDemoPopulation } from '../demo/index.js';
import { budgetOf, runPaymentCycle } from '../benefits/index.js';

// `npm run bench:budget [-- --children N --runs R]` (issue 12): every budget answer at the demo
// county's size (150,000 persons) on PGlite and, with DATABASE_URL, on PostgreSQL, before and
// after the birth grant's batch; then, on PostgreSQL, the budgets at N children (default
// 1,000,000) with a year of the childcare allowance paid to all of them. Target: ≤ 500 ms at
// the demo's size. Prints the median of R runs (after one warm-up) and the load average.
const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    'skip-demo': { type: 'boolean', default: false },
    'skip-million': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const SCOPE = '533423';
const actor = { userId: null, username: 'bench', jurisdictionCode: SCOPE, clientIp: null };

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

/** Median milliseconds of one budget answer, as the route computes it (scoped transaction). */
async function timeBudget(database: Database, scheme: SchemeDefinition): Promise<number> {
  const once = async () => {
    const t = performance.now();
    await withScope(database, { jurisdictionCode: SCOPE }, (tx) => budgetOf(tx, scheme, SCOPE, null));
    return performance.now() - t;
  };
  await once();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push(await once());
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

async function report(database: Database, label: string, schemes: readonly SchemeDefinition[]): Promise<void> {
  console.log(
    `\n${label}   (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  for (const s of schemes) {
    const ms = await timeBudget(database, s);
    console.log(`  ${s.code.padEnd(30)} ${ms.toFixed(0).padStart(7)} ms${ms > 500 ? '   over 500 ms' : ''}`);
  }
}

async function demoSize(database: Database, engine: string): Promise<void> {
  await migrate(database);
  await ensureRegionsLoaded(database, SCOPE);
  await loadDemoPopulation(database, createPii(deriveKeys(randomBytes(32))), SCOPE);
  await report(database, `${engine}, demo county (150,000 persons): median of ${RUNS}`, BUILT_IN_SCHEMES);
  const batch = await runPaymentCycle(database, {
    scheme: YUNNAN_BIRTH_GRANT,
    periodKey: 'once',
    jurisdictionCode: SCOPE,
    actor,
  });
  await report(
    database,
    `${engine}, after the birth grant's batch (${batch.paymentCount} payments, statistics not refreshed)`,
    BUILT_IN_SCHEMES,
  );
}

async function million(database: Database, n: number): Promise<void> {
  await migrate(database);
  await ensureRegionsLoaded(database, SCOPE);
  const villages = (
    await database.query<{ code: string }>('SELECT code FROM regions WHERE level = 5 AND code LIKE $1 ORDER BY code', [
      `${SCOPE}%`,
    ])
  ).map((r) => r.code);
  // As cycle-bench.ts: children born 2023–2025, second or third, hukou in the county's villages.
  await database.query(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     SELECT '测试儿童', 'female', date '2023-01-01' + (i % 1095), 'resident', '\\x00'::bytea, sha256(('budget-bench-' || i)::bytea),
       '533423********0000', v.codes[1 + i % array_length(v.codes, 1)], v.codes[1 + i % array_length(v.codes, 1)], 2 + i % 2, 'bench', ''
     FROM generate_series(1, $1::int) AS i, (SELECT $2::text[] AS codes) v`,
    [n, villages],
  );
  await database.query('ANALYZE');
  const schemes = [NATIONAL_CHILDCARE_SUBSIDY, YUNNAN_CHILDCARE_ALLOWANCE, YUNNAN_BIRTH_GRANT];
  await report(database, `PostgreSQL, ${n.toLocaleString('en-US')} children, nothing paid: median of ${RUNS}`, schemes);
  const batch = await runPaymentCycle(database, {
    scheme: YUNNAN_CHILDCARE_ALLOWANCE,
    periodKey: '2025',
    jurisdictionCode: SCOPE,
    actor,
  });
  await report(
    database,
    `PostgreSQL, after the allowance's 2025 batch (${batch.paymentCount.toLocaleString('en-US')} payments)`,
    schemes,
  );
}

if (!values['skip-demo']) {
  const embedded = await openDatabase({});
  await demoSize(embedded, 'PGlite');
  await embedded.close();
}
const url = process.env.DATABASE_URL;
if (url) {
  if (!values['skip-demo']) {
    const { database, drop } = await freshPostgres(url);
    await demoSize(database, 'PostgreSQL').finally(drop);
  }
  if (!values['skip-million']) {
    const { database, drop } = await freshPostgres(url);
    await million(database, Number(values.children)).finally(drop);
  }
} else console.log('\nDATABASE_URL is not set: skipped PostgreSQL.');
process.exit(0);
