import {
  countKey,
  findIndicator,
  type CountKind,
  type IndicatorSeries,
  type PeriodType,
  type SeriesPoint,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';

// The port through which the early warnings read an indicator's series for a region, and for now
// a straightforward SQL implementation of it. THE SEAM: the counts reader (issue 13, "Speed":
// counts kept current on write) replaces `sqlSeriesSource`; the evaluation (warnings-service.ts)
// depends only on `SeriesSource`. This one reads persons (births, deaths by age at death),
// life_events (the maternal flag) and reported_values, one statement per count and period, under
// the caller's scope: slow at scale, correct at any.

/** A period a series point covers: its label as the rules show it, the year it ends in, its inclusive dates. */
export interface Period {
  label: string;
  year: number;
  from: string;
  to: string;
  /** reported_values' period key where the period is one a department reports ('2025'); null otherwise. */
  reportedKey: string | null;
}

export interface SeriesRequest {
  indicator: string;
  periodType: PeriodType;
  /** Oldest first; the last is the period judged. */
  periods: readonly Period[];
}

export type SeriesSource = (
  tx: Conn,
  regionCode: string,
  requests: readonly SeriesRequest[],
) => Promise<IndicatorSeries[]>;

const like = (region: string) => `${region}%`;

/** A count for the region and period, or undefined where this source cannot count it (the counts reader will). */
async function countOf(tx: Conn, kind: CountKind, region: string, p: Period): Promise<number | null | undefined> {
  switch (kind.kind) {
    case 'liveBirths': {
      if (kind.motherAge) return undefined;
      const [r] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE $1 AND birth_date BETWEEN $2 AND $3
           AND ($4::text IS NULL OR sex = $4) AND ($5::int IS NULL OR (CASE WHEN $5 = 3 THEN parity >= 3 ELSE parity = $5 END))`,
        [like(region), p.from, p.to, kind.sex ?? null, kind.parity ?? null],
      );
      return Number(r!.n);
    }
    case 'deaths': {
      if (kind.maternal) {
        // The maternal flag lives on the death event (life_events, migration 0026).
        const [r] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM life_events
            WHERE kind = 'death' AND maternal AND region_code LIKE $1 AND event_date BETWEEN $2 AND $3`,
          [like(region), p.from, p.to],
        );
        return Number(r!.n);
      }
      // Age at death in completed days or years (count-kinds.ts DeathAgeBand).
      const band = {
        under28Days: `death_date < birth_date + 28`,
        under1Year: `death_date < birth_date + interval '1 year'`,
        under3Years: `death_date < birth_date + interval '3 years'`,
        under5Years: `death_date < birth_date + interval '5 years'`,
      }[kind.age ?? 'under5Years'];
      const [r] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE $1 AND death_date BETWEEN $2 AND $3
           AND ${kind.age ? band : 'true'}`,
        [like(region), p.from, p.to],
      );
      return Number(r!.n);
    }
    case 'population': {
      if (kind.basis !== 'resident' || kind.at !== 'end' || (kind.age && kind.age !== 'all')) return undefined;
      const [r] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE $1 AND birth_date <= $2
           AND (death_date IS NULL OR death_date > $2) AND ($3::text IS NULL OR sex = $3)`,
        [like(region), p.to, kind.sex ?? null],
      );
      return Number(r!.n);
    }
    case 'reported': {
      if (p.reportedKey === null) return undefined;
      // A department reports for the region itself: the value in force, null when none.
      const [r] = await tx.query<{ value: number }>(
        `SELECT value FROM reported_values WHERE count_key = $1 AND region_code = $2 AND period_key = $3
          ORDER BY version DESC LIMIT 1`,
        [countKey(kind), region, p.reportedKey],
      );
      return r ? Number(r.value) : null;
    }
    case 'registryQuality':
      return undefined;
  }
}

/** The seam's implementation: reads what it can count; an indicator it cannot is left out (no series, no warning). */
export const sqlSeriesSource: SeriesSource = async (tx, regionCode, requests) => {
  const out: IndicatorSeries[] = [];
  next: for (const req of requests) {
    const def = findIndicator(req.indicator);
    if (!def || def.formula.kind === 'totalFertility') continue;
    const points: SeriesPoint[] = [];
    for (const p of req.periods) {
      const f = def.formula;
      const numerator = await countOf(tx, f.kind === 'count' ? f.count : f.numerator, regionCode, p);
      const denominator = f.kind === 'ratio' ? await countOf(tx, f.denominator, regionCode, p) : null;
      if (numerator === undefined || denominator === undefined) continue next;
      points.push({
        period: p.label,
        year: p.year,
        numerator,
        denominator: numerator === null ? null : denominator,
      });
    }
    out.push({ indicator: req.indicator, regionCode, periodType: req.periodType, points });
  }
  return out;
};
