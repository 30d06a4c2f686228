import type { Conn } from '../db/client.js';

// Aggregates for the dashboard, run under withScope() so only the jurisdiction's rows count.
// Population figures count the resident population (常住人口, by residence region). They read the
// counts the database keeps (migration add-monitoring-counts, monitoring/counts-README.md), not
// persons: a region's figures are a few thousand rows whatever its size. dashboard-counts.test.ts
// holds them to the scans of persons they replaced.

export async function pyramid(conn: Conn, prefix: string) {
  return conn.query<{ grp: number; male: number; female: number }>(
    `SELECT least(date_part('year', age(current_date, birth_date))::int / 5, 19) AS grp,
            coalesce(sum(n) FILTER (WHERE sex = 'male'), 0)::int AS male,
            coalesce(sum(n) FILTER (WHERE sex = 'female'), 0)::int AS female
       FROM living_counts WHERE region_code = $1 GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
    [prefix],
  );
}

export async function birthsByYear(conn: Conn, prefix: string, fromYear: number) {
  return conn.query<{ year: number; p1: number; p2: number; p3: number; male: number; female: number }>(
    `SELECT date_part('year', month)::int AS year,
            coalesce(sum(n) FILTER (WHERE parity = 1), 0)::int AS p1, coalesce(sum(n) FILTER (WHERE parity = 2), 0)::int AS p2,
            coalesce(sum(n) FILTER (WHERE parity = 3), 0)::int AS p3,
            coalesce(sum(n) FILTER (WHERE sex = 'male'), 0)::int AS male,
            coalesce(sum(n) FILTER (WHERE sex = 'female'), 0)::int AS female
       FROM birth_counts WHERE region_code = $1 AND month >= make_date($2, 1, 1) GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
    [prefix, fromYear],
  );
}

export interface GroupStats {
  grp: string;
  residents: number;
  births5y: number;
  with_issues: number;
  events: number;
  timely: number;
  reference: number | null;
}

/**
 * The region itself (grp = its code) and each child region (codes of `childLength`): residents,
 * births in five years, and the data-quality counts of docs/data-quality.md. The issue flags are
 * kept by cradle_refresh_quality() (migration 0002), the counts by the triggers.
 */
export async function groupStats(
  conn: Conn,
  prefix: string,
  childLength: number,
  birthsFromYear: number,
): Promise<GroupStats[]> {
  return conn.query<GroupStats>(
    `WITH agg AS (
       SELECT region_code AS grp, sum(n)::int AS residents,
         coalesce(sum(n) FILTER (WHERE birth_date >= make_date($3, 1, 1)), 0)::int AS births5y,
         coalesce(sum(n) FILTER (WHERE has_issues), 0)::int AS with_issues,
         coalesce(sum(n) FILTER (WHERE birth_date > current_date - interval '1 year'), 0)::int AS events,
         coalesce(sum(n) FILTER (WHERE birth_date > current_date - interval '1 year' AND reported_in_time), 0)::int AS timely
       FROM living_counts
       WHERE region_code = $1 OR (region_code LIKE $1 || '%' AND length(region_code) = $2)
       GROUP BY 1 HAVING sum(n) <> 0
     ), latest AS (
       SELECT max(year) AS year FROM region_reference_population WHERE region_code LIKE $1 || '%'
     ), ref AS (
       SELECT $1 AS grp, sum(resident_population)::int AS reference
       FROM region_reference_population WHERE region_code LIKE $1 || '%' AND year = (SELECT year FROM latest)
       HAVING count(*) > 0
       UNION ALL
       SELECT substr(region_code, 1, $2), sum(resident_population)::int
       FROM region_reference_population
       WHERE region_code LIKE $1 || '%' AND length(region_code) >= $2 AND length($1) < $2 AND year = (SELECT year FROM latest)
       GROUP BY 1
     )
     SELECT coalesce(agg.grp, ref.grp) AS grp, coalesce(residents, 0) AS residents, coalesce(births5y, 0) AS births5y,
            coalesce(with_issues, 0) AS with_issues, coalesce(events, 0) AS events, coalesce(timely, 0) AS timely, ref.reference
       FROM agg FULL JOIN ref ON ref.grp = agg.grp ORDER BY 1`,
    [prefix, childLength, birthsFromYear],
  );
}

export async function householdCount(conn: Conn, prefix: string): Promise<number> {
  const rows = await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM households WHERE region_code LIKE $1', [
    `${prefix}%`,
  ]);
  return Number(rows[0]!.n);
}

export interface FamilyServiceCounts {
  kind: 'childbirthRegistration' | 'bundleTask';
  service: string | null;
  open: number;
  due_today: number;
  overdue: number;
}

/**
 * Open family-service work and how much of it is past its deadline (issue 4: "overdue items
 * … counted on the dashboard"). `today` is China's date; a deadline is the last day allowed.
 */
export async function familyServiceCounts(conn: Conn, prefix: string, today: string): Promise<FamilyServiceCounts[]> {
  return conn.query<FamilyServiceCounts>(
    // A registration waiting for the family's answer is open but its clock is stopped (registration/README.md).
    `SELECT 'childbirthRegistration' AS kind, NULL AS service, count(*)::int AS open,
            count(*) FILTER (WHERE status = 'submitted' AND deadline = $2::date)::int AS due_today,
            count(*) FILTER (WHERE status = 'submitted' AND deadline < $2::date)::int AS overdue
       FROM childbirth_registrations WHERE region_code LIKE $1 AND status <> 'completed'
     UNION ALL
     SELECT 'bundleTask', service, count(*)::int,
            count(*) FILTER (WHERE deadline = $2::date)::int, count(*) FILTER (WHERE deadline < $2::date)::int
       FROM bundle_tasks WHERE region_code LIKE $1 AND status IN ('pending', 'returned') GROUP BY service`,
    [`${prefix}%`, today],
  );
}
