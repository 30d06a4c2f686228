import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMELY_REPORT_DAYS } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import * as repo from './repo.js';

// The dashboard moved from scanning persons to the kept counts (issue 13, "Speed"): its figures
// must stay what the scans gave. The scans below are the dashboard's queries before the move.

const scanned = {
  pyramid: (conn: Conn, prefix: string) =>
    conn.query(
      `SELECT least(date_part('year', age(current_date, birth_date))::int / 5, 19) AS grp,
              count(*) FILTER (WHERE sex = 'male')::int AS male, count(*) FILTER (WHERE sex = 'female')::int AS female
         FROM persons WHERE residence_region_code LIKE $1 AND death_date IS NULL GROUP BY 1 ORDER BY 1`,
      [`${prefix}%`],
    ),
  birthsByYear: (conn: Conn, prefix: string, fromYear: number) =>
    conn.query(
      `SELECT date_part('year', birth_date)::int AS year,
              count(*) FILTER (WHERE parity = 1)::int AS p1, count(*) FILTER (WHERE parity = 2)::int AS p2,
              count(*) FILTER (WHERE parity >= 3)::int AS p3,
              count(*) FILTER (WHERE sex = 'male')::int AS male, count(*) FILTER (WHERE sex = 'female')::int AS female
         FROM persons WHERE residence_region_code LIKE $1 AND birth_date >= make_date($2, 1, 1) GROUP BY 1 ORDER BY 1`,
      [`${prefix}%`, fromYear],
    ),
  groupStats: (conn: Conn, prefix: string, childLength: number, fromYear: number) =>
    conn.query<repo.GroupStats>(
      `WITH p AS (
         SELECT substr(p.residence_region_code, 1, $2) AS grp, p.birth_date, p.reported_at,
           cardinality(p.quality_issues) > 0 AS has_issue
         FROM persons p WHERE p.residence_region_code LIKE $1 AND p.death_date IS NULL
       ), agg AS (
         SELECT grp, count(*)::int AS residents,
           count(*) FILTER (WHERE birth_date >= make_date($4, 1, 1))::int AS births5y,
           count(*) FILTER (WHERE has_issue)::int AS with_issues,
           count(*) FILTER (WHERE birth_date > current_date - interval '1 year')::int AS events,
           count(*) FILTER (WHERE birth_date > current_date - interval '1 year'
                              AND reported_at <= birth_date + make_interval(days => $3))::int AS timely
         FROM p GROUP BY grp
       ), ref AS (
         SELECT substr(region_code, 1, $2) AS grp, sum(resident_population)::int AS reference
         FROM region_reference_population
         WHERE region_code LIKE $1 AND year = (SELECT max(year) FROM region_reference_population WHERE region_code LIKE $1)
         GROUP BY 1
       )
       SELECT coalesce(agg.grp, ref.grp) AS grp, coalesce(residents, 0) AS residents, coalesce(births5y, 0) AS births5y,
              coalesce(with_issues, 0) AS with_issues, coalesce(events, 0) AS events, coalesce(timely, 0) AS timely, ref.reference
         FROM agg FULL JOIN ref ON ref.grp = agg.grp ORDER BY 1`,
      [`${prefix}%`, childLength, TIMELY_REPORT_DAYS, fromYear],
    ),
};

let t: TestApp;
let county: Session;
beforeAll(async () => {
  t = await createTestApp(3000);
  county = await login(t, 'county');
}, 120_000);
afterAll(() => t.close());

const REGIONS = [
  { code: '533423', childLength: 9 },
  { code: '533423101', childLength: 12 },
  { code: '533423101001', childLength: 12 },
];

describe('the dashboard on the kept counts', () => {
  it('gives the figures the scans of persons gave, at the county, a township and a village', async () => {
    const fromYear = new Date().getFullYear() - 4;
    await withScope(t.database, { jurisdictionCode: '533423' }, async (tx) => {
      for (const { code, childLength } of REGIONS) {
        expect(await repo.pyramid(tx, code)).toEqual(await scanned.pyramid(tx, code));
        expect(await repo.birthsByYear(tx, code, fromYear)).toEqual(await scanned.birthsByYear(tx, code, fromYear));
        const kept = await repo.groupStats(tx, code, childLength, fromYear);
        const scans = await scanned.groupStats(tx, code, childLength, fromYear);
        // The scans gave one row per child (and short codes); the kept counts the region's own row too.
        const children = (rows: repo.GroupStats[]) =>
          rows.filter((g) => g.grp.length === childLength && (g.grp !== code || code.length === 12));
        expect(children(kept)).toEqual(children(scans));
        const sum = (k: keyof repo.GroupStats) => scans.reduce((s, g) => s + Number(g[k] ?? 0), 0);
        const own = kept.find((g) => g.grp === code)!;
        for (const k of ['residents', 'births5y', 'with_issues', 'events', 'timely'] as const)
          expect(own[k]).toBe(sum(k));
      }
    });
    const d = (await t.app.inject({ method: 'GET', url: '/api/dashboard', ...as(county) })).json<{
      population: { total: number };
    }>();
    expect(d.population.total).toBe(
      Number(
        (
          await t.database.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE '533423%' AND death_date IS NULL",
          )
        )[0]!.n,
      ),
    );
  });
});
