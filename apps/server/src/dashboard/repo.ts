import type { Conn } from '../db/client.js';
import { TIMELY_REPORT_DAYS } from '@cradle/domain';

// Aggregates for the dashboard, run under withScope() so only the jurisdiction's rows count.
// Population figures count the resident population (常住人口, by residence region).

export async function pyramid(conn: Conn, prefix: string) {
  return conn.query<{ grp: number; male: number; female: number }>(
    `SELECT least(date_part('year', age(current_date, birth_date))::int / 5, 19) AS grp,
            count(*) FILTER (WHERE sex = 'male')::int AS male, count(*) FILTER (WHERE sex = 'female')::int AS female
       FROM persons WHERE residence_region_code LIKE $1 AND death_date IS NULL GROUP BY 1 ORDER BY 1`,
    [`${prefix}%`],
  );
}

export async function birthsByYear(conn: Conn, prefix: string, fromYear: number) {
  return conn.query<{ year: number; p1: number; p2: number; p3: number; male: number; female: number }>(
    `SELECT date_part('year', birth_date)::int AS year,
            count(*) FILTER (WHERE parity = 1)::int AS p1, count(*) FILTER (WHERE parity = 2)::int AS p2,
            count(*) FILTER (WHERE parity >= 3)::int AS p3,
            count(*) FILTER (WHERE sex = 'male')::int AS male, count(*) FILTER (WHERE sex = 'female')::int AS female
       FROM persons WHERE residence_region_code LIKE $1 AND birth_date >= make_date($2, 1, 1) GROUP BY 1 ORDER BY 1`,
    [`${prefix}%`, fromYear],
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
 * Per child region (code prefix of `childLength`): residents, births in five years, and the
 * data-quality counts of docs/data-quality.md. The issue flags are kept by
 * cradle_refresh_quality() (migration 0002) after every load.
 */
export async function groupStats(
  conn: Conn,
  prefix: string,
  childLength: number,
  birthsFromYear: number,
): Promise<GroupStats[]> {
  return conn.query<GroupStats>(
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
    [`${prefix}%`, childLength, TIMELY_REPORT_DAYS, birthsFromYear],
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
