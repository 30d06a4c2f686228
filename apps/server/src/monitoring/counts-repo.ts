import type { Conn } from '../db/client.js';

// Reads of the counts tables (migration add-monitoring-counts; counts-README.md), under the
// caller's scope: row-level security limits them to the jurisdiction. Each read takes the regions
// asked for (a region and its children) and a span of months, and answers per region and bucket
// (a year or a month), a few thousand rows at most: the counts are summed in counts-cube.ts.

/** A month as a number: year × 12 + (month − 1). */
export type MonthIndex = number;
export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1;
export const monthDate = (m: MonthIndex) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;

export interface Span {
  /** First month, inclusive. */
  from: MonthIndex;
  /** Last month, exclusive. */
  to: MonthIndex;
  /** Sum by year (whole-year periods) or by month. */
  bucket: 'year' | 'month';
}

const bucketSql = (span: Span, column: string) =>
  span.bucket === 'year'
    ? `(date_part('year', ${column})::int * 12)`
    : `(date_part('year', ${column})::int * 12 + date_part('month', ${column})::int - 1)`;

export interface BirthRow {
  region: string;
  bucket: number;
  sex: string;
  parity: number;
  mother_age: string;
  n: number;
}

export function births(conn: Conn, regions: readonly string[], span: Span) {
  return conn.query<BirthRow>(
    `SELECT region_code AS region, ${bucketSql(span, 'month')} AS bucket, sex, parity, mother_age, sum(n)::int AS n
       FROM birth_counts WHERE region_code = ANY($1) AND month >= $2::date AND month < $3::date
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
    [regions, monthDate(span.from), monthDate(span.to)],
  );
}

export interface DeathRow {
  region: string;
  bucket: number;
  age_band: number;
  maternal: boolean;
  n: number;
}

export function deaths(conn: Conn, regions: readonly string[], span: Span) {
  return conn.query<DeathRow>(
    `SELECT region_code AS region, ${bucketSql(span, 'month')} AS bucket, age_band, maternal, sum(n)::int AS n
       FROM death_counts WHERE region_code = ANY($1) AND month >= $2::date AND month < $3::date
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    [regions, monthDate(span.from), monthDate(span.to)],
  );
}

/**
 * Ages in completed years at the end of a month, grouped so that every band of count-kinds.ts is a
 * union of groups: 0–2, 3–14, the mother's groups 15–19 … 45–49, 50–59, 60+ (index 0 … 10).
 */
export const AGE_GROUP_LOWER = [0, 3, 15, 20, 25, 30, 35, 40, 45, 50, 60] as const;

export interface StockRow {
  region: string;
  /** The stock is taken at the end of the month before this one (at the start of it). */
  at: MonthIndex;
  basis: 'resident' | 'registered';
  sex: string;
  age_group: number;
  n: number;
}

/**
 * Persons alive at the start of each month `at` (the end of the month before): born in an earlier
 * month, dead in it or later (counts-README.md, "Stocks"). Age at the end of the month before:
 * months between the birth month and that month, in whole years (exact at a month's end); its
 * group is the number of group lower bounds at or below it, less one (width_bucket over the
 * sorted bounds: arithmetic per row, where a subquery per row made a league table 5× slower).
 */
export function stocks(conn: Conn, regions: readonly string[], ats: readonly MonthIndex[]) {
  return conn.query<StockRow>(
    `WITH e AS (SELECT a AS at, make_date(a / 12, a % 12 + 1, 1) AS d FROM unnest($2::int[]) a)
     SELECT c.region_code AS region, e.at, c.basis, c.sex,
            width_bucket((e.at - 1 - (date_part('year', c.birth_month)::int * 12
               + date_part('month', c.birth_month)::int - 1)) / 12, $3::int[]) - 1 AS age_group,
            sum(c.n)::int AS n
       FROM population_counts c JOIN e ON c.birth_month < e.d AND c.death_month >= e.d
      WHERE c.region_code = ANY($1)
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(c.n) <> 0`,
    [regions, ats, AGE_GROUP_LOWER],
  );
}

export interface LivingRow {
  region: string;
  residents: number;
  with_issues: number;
}

/** Living residents now and those whose record has a quality issue (docs/data-quality.md). */
export function living(conn: Conn, regions: readonly string[]) {
  return conn.query<LivingRow>(
    `SELECT region_code AS region, sum(n)::int AS residents, coalesce(sum(n) FILTER (WHERE has_issues), 0)::int AS with_issues
       FROM living_counts WHERE region_code = ANY($1) GROUP BY 1`,
    [regions],
  );
}

export interface EventRow {
  region: string;
  bucket: number;
  events: number;
  timely: number;
}

/** Births of living residents by bucket, and those entered in time (the timeliness measure). */
export function livingBirths(conn: Conn, regions: readonly string[], span: Span) {
  return conn.query<EventRow>(
    `SELECT region_code AS region, ${bucketSql(span, 'birth_date')} AS bucket, sum(n)::int AS events,
            coalesce(sum(n) FILTER (WHERE reported_in_time), 0)::int AS timely
       FROM living_counts WHERE region_code = ANY($1) AND birth_date >= $2::date AND birth_date < $3::date
      GROUP BY 1, 2`,
    [regions, monthDate(span.from), monthDate(span.to)],
  );
}

export interface ReferenceRow {
  region: string;
  year: number;
  reference: number;
}

/** The statistics bureau's resident population by year, summed over each region's subtree. */
export function referencePopulation(conn: Conn, regions: readonly string[]) {
  return conn.query<ReferenceRow>(
    `SELECT r.code AS region, p.year, sum(p.resident_population)::int AS reference
       FROM unnest($1::text[]) r(code) JOIN region_reference_population p ON p.region_code LIKE r.code || '%'
      GROUP BY 1, 2`,
    [regions],
  );
}

export interface ReportedRow {
  region: string;
  count_key: string;
  period_key: string;
  value: number;
}

/**
 * Reported values in force (the highest version of each count key, region and period), summed
 * over each asked region's subtree, for the given period keys.
 */
export function reported(conn: Conn, regions: readonly string[], periodKeys: readonly string[]) {
  return conn.query<ReportedRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (count_key, region_code, period_key) count_key, region_code, period_key, value
         FROM reported_values WHERE period_key = ANY($2) AND region_code LIKE ANY (SELECT unnest($1::text[]) || '%')
        ORDER BY count_key, region_code, period_key, version DESC)
     SELECT r.code AS region, l.count_key, l.period_key, sum(l.value)::bigint AS value
       FROM unnest($1::text[]) r(code) JOIN latest l ON l.region_code LIKE r.code || '%'
      GROUP BY 1, 2, 3`,
    [regions, periodKeys],
  );
}
