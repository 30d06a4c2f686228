import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { createRegionService, ensureRegionsLoaded } from '../regions/index.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { loadDemoPopulation, addDemoDeaths } from '../demo/index.js';
import { createScorecardService } from '../monitoring/index.js';

// Issue 13, "Speed": the scorecard of a county, a city and a province (the service a request
// calls: plan, counts, statuses, views) and its league table of the regions below, against a bare
// GROUP BY of the same persons rows, in the same run, on PostgreSQL. The demo county
// (150,000 persons) is copied into other counties of Yunnan by INSERT … SELECT (the counts' triggers
// run on each copy; the same copy into a bare persons-shaped table gives the bulk-write slow-down).
const PROVINCE = '53';
const CITY = '5334';
const COUNTY = '533423';
const YEAR = 2025;

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function timed(n: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  await fn(); // warm: plans prepared, pages cached
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

export async function monitoringBench(database: Database, persons: number): Promise<void> {
  const t0 = performance.now();
  await ensureRegionsLoaded(database, PROVINCE);
  await loadDemoPopulation(
    database,
    createPii(deriveKeys(randomBytes(32))),
    COUNTY,
    150_000,
    new Date('2026-11-24T00:00:00Z'),
  );
  await addDemoDeaths(database, COUNTY, new Date('2026-11-24T00:00:00Z'));
  console.log(`\nmonitoring: demo county loaded in ${secs(performance.now() - t0)}`);
  const demoVillages = (
    await database.query<{ code: string }>(
      "SELECT code FROM regions WHERE level = 5 AND code LIKE $1 || '%' ORDER BY code",
      [COUNTY],
    )
  ).map((r) => r.code);
  const counties = (
    await database.query<{ code: string }>(
      `SELECT code FROM regions WHERE level = 3 AND code LIKE $1 || '%' AND code <> $2
        AND EXISTS (SELECT 1 FROM regions v WHERE v.level = 5 AND v.code LIKE regions.code || '%')
        ORDER BY code LIKE $3 || '%' DESC, code`,
      [PROVINCE, COUNTY, CITY],
    )
  ).map((r) => r.code);
  const base = Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n);
  const copies = Math.min(counties.length, Math.ceil(persons / base) - 1);
  await database.query('CREATE TABLE bench_persons (LIKE persons INCLUDING DEFAULTS INCLUDING INDEXES)');
  await database.query('CREATE TABLE bench_links (LIKE relationships INCLUDING DEFAULTS INCLUDING INDEXES)');
  let kept = 0;
  let bare = 0;
  for (let k = 1; k <= copies; k++) {
    const county = counties[k - 1]!;
    const targets = (
      await database.query<{ code: string }>(
        "SELECT code FROM regions WHERE level = 5 AND code LIKE $1 || '%' ORDER BY code",
        [county],
      )
    ).map((r) => r.code);
    const map = demoVillages.map((_, i) => targets[i % targets.length]!);
    const copy = (table: string) =>
      database.query(
        `WITH m AS (SELECT * FROM unnest($2::text[], $3::text[]) AS m(src, dst))
         INSERT INTO ${table} (id, name, sex, birth_date, death_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked,
           hukou_region_code, residence_region_code, household_id, relation_to_head, parity, source, quality_issues, reported_at, row_hash)
         SELECT p.id + $1::bigint * 10000000, p.name, p.sex, p.birth_date, p.death_date, p.ethnicity, p.id_kind, p.id_cipher,
           sha256(p.id_blind_index || convert_to($1::text, 'UTF8')), p.id_masked, coalesce(h.dst, p.hukou_region_code),
           coalesce(r.dst, p.residence_region_code), p.household_id, p.relation_to_head, p.parity, 'bench', p.quality_issues,
           p.reported_at, p.row_hash
         FROM persons p LEFT JOIN m r ON r.src = p.residence_region_code LEFT JOIN m h ON h.src = p.hukou_region_code
         WHERE p.id < 10000000`,
        [k, demoVillages, map],
      );
    let t = performance.now();
    await copy('persons');
    await database.query(
      `INSERT INTO relationships (kind, from_person_id, to_person_id, region_code)
       SELECT kind, from_person_id + $1::bigint * 10000000, to_person_id + $1::bigint * 10000000, $2
       FROM relationships WHERE from_person_id < 10000000 AND to_person_id < 10000000`,
      [k, county],
    );
    kept += performance.now() - t;
    t = performance.now();
    await copy('bench_persons');
    await database.query(
      'INSERT INTO bench_links SELECT * FROM relationships WHERE from_person_id < 10000000 AND to_person_id < 10000000',
    );
    await database.query('TRUNCATE bench_links');
    bare += performance.now() - t;
    await database.query('TRUNCATE bench_persons');
  }
  await database.query('DROP TABLE bench_persons, bench_links');
  // As autovacuum leaves the tables in production: the copies' updates of the city and province
  // counts vacuumed, statistics current (measured while autovacuum still ran, the first level paid for it).
  await database.query('VACUUM ANALYZE');
  const total = Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n);
  console.log(
    `monitoring: ${copies} copies of the county → ${total.toLocaleString('en-US')} persons; bulk writes with the counts kept ${secs(kept)}, into a bare table ${secs(bare)} (${(kept / bare).toFixed(1)}×)`,
  );

  const service = createScorecardService(
    database,
    await createRegionService(database),
    () => new Date('2026-11-24T00:00:00Z'),
  );
  const userOf = (jurisdictionCode: string) => ({
    id: 1,
    username: 'bench',
    displayName: 'bench',
    roles: ['leader' as const],
    jurisdictionCode,
    department: null,
  });
  // The county's own plan; above it, the national health plan (a county plan governs no city).
  const queryOf = (region: string) => ({ plan: region === COUNTY ? 'weixi.2023' : 'national.health14', year: YEAR });
  console.log('level      persons     scorecard p50/p95   league p50/p95    bare GROUP BY p50/p95   ratio p95');
  for (const region of [COUNTY, CITY, PROVINCE]) {
    const n = Number(
      (
        await database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE $1 || '%'",
          [region],
        )
      )[0]!.n,
    );
    const card = await timed(20, () => service.scorecard(userOf(region), queryOf(region)));
    const league = await timed(20, () => service.league(userOf(region), queryOf(region)));
    // The same figures' raw material from persons: births by year, sex and parity, deaths by year.
    const bareQuery = await timed(20, () =>
      database.query(
        `SELECT date_part('year', birth_date) AS y, sex, parity, count(*) AS n, count(death_date) AS d
           FROM persons WHERE residence_region_code LIKE $1 || '%' GROUP BY 1, 2, 3`,
        [region],
      ),
    );
    const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(7);
    console.log(
      `${region.padEnd(8)} ${n.toLocaleString('en-US').padStart(10)}   ${ms(card.p50)} / ${ms(card.p95)}   ${ms(league.p50)} / ${ms(league.p95)}   ${ms(bareQuery.p50)} / ${ms(bareQuery.p95)}      ${(card.p95 / bareQuery.p95).toFixed(2)}`,
    );
  }
}
