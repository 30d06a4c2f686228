import { countKey, MOTHER_AGE_GROUPS, type CountKind, type PeriodType, type PopulationAgeBand } from '@cradle/domain';
import {
  AGE_GROUP_LOWER,
  monthIndex,
  type BirthRow,
  type DeathRow,
  type EventRow,
  type LivingRow,
  type MonthIndex,
  type ReferenceRow,
  type ReportedRow,
  type StockRow,
} from './counts-repo.js';
import { coverageAt, type SpecialFamilyCoverageRow } from './special-family-counts.js';
import type { SlotRow } from './slots-repo.js';

// One region's counts over a span, read once per request (counts-repo.ts), and the value of any
// count kind (domain count-kinds.ts) for any period inside the span. Registry counts are numbers
// (0 is a count); a reported item nobody reported is null (no data).

/** A period of the catalogue's period types, as a span of months [from, to). */
export interface Period {
  type: PeriodType;
  /** '2025', '2025-Q1', '2025-03', rolling ones by their last month or year: '2025-03/12m', '2025/3y'. */
  key: string;
  from: MonthIndex;
  to: MonthIndex;
  /** The year the period ends in (a target's year). */
  year: number;
}

export function periodOf(type: PeriodType, year: number, part = 1): Period {
  switch (type) {
    case 'year':
      return { type, key: String(year), from: monthIndex(year, 1), to: monthIndex(year + 1, 1), year };
    case 'rolling3Years':
      return { type, key: `${year}/3y`, from: monthIndex(year - 2, 1), to: monthIndex(year + 1, 1), year };
    case 'quarter':
      return {
        type,
        key: `${year}-Q${part}`,
        from: monthIndex(year, part * 3 - 2),
        to: monthIndex(year, part * 3 + 1),
        year,
      };
    case 'month':
      return {
        type,
        key: `${year}-${String(part).padStart(2, '0')}`,
        from: monthIndex(year, part),
        to: monthIndex(year, part + 1),
        year,
      };
    case 'rolling12Months':
      return {
        type,
        key: `${year}-${String(part).padStart(2, '0')}/12m`,
        from: monthIndex(year, part) - 11,
        to: monthIndex(year, part + 1),
        year,
      };
  }
}

/** The period keys reported values are filed under that make up a period (reported_values.period_key). */
export function reportedKeysOf(p: Period): string[] {
  switch (p.type) {
    case 'year':
    case 'quarter':
    case 'month':
      return [p.key];
    case 'rolling3Years':
      return [String(p.year - 2), String(p.year - 1), String(p.year)];
    case 'rolling12Months': {
      const keys: string[] = [];
      for (let m = p.from; m < p.to; m++) keys.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
      return keys;
    }
  }
}

const DEATH_BAND_MAX: Record<string, number> = { under28Days: 0, under1Year: 1, under3Years: 3, under5Years: 5 };

function ageGroupsOf(band: PopulationAgeBand | undefined): (g: number) => boolean {
  if (band === undefined || band === 'all') return () => true;
  if (band === 'under3Years') return (g) => g === 0;
  if (band === 'years60Plus') return (g) => g === AGE_GROUP_LOWER.length - 1;
  if (band === 'women15to49') return (g) => g >= 2 && g <= 8;
  const lower = Number(band.split('-')[0]);
  return (g) => AGE_GROUP_LOWER[g] === lower;
}

export interface RegionCounts {
  births: BirthRow[];
  deaths: DeathRow[];
  stocks: StockRow[];
  living: LivingRow | undefined;
  livingBirths: EventRow[];
  reference: ReferenceRow[];
  reported: ReportedRow[];
  /** The special-family register at the periods' ends (special-family-counts.ts). */
  specialFamilies?: SpecialFamilyCoverageRow[];
  /** Filed childcare slots at each period's start and end (slots-repo.ts); none read: 0. */
  slots?: SlotRow[];
}

export class CountsCube {
  constructor(private readonly c: RegionCounts) {}

  value(kind: CountKind, p: Period): number | null {
    const within = (bucket: number) => bucket >= p.from && bucket < p.to;
    const sum = <R extends { n: number }>(rows: R[], keep: (r: R) => boolean) =>
      rows.reduce((s, r) => (keep(r) ? s + Number(r.n) : s), 0);
    switch (kind.kind) {
      case 'liveBirths':
        return sum(
          this.c.births,
          (r) =>
            within(Number(r.bucket)) &&
            (kind.sex === undefined || r.sex === kind.sex) &&
            (kind.parity === undefined || Number(r.parity) === kind.parity) &&
            (kind.motherAge === undefined || r.mother_age === kind.motherAge),
        );
      case 'deaths':
        return sum(
          this.c.deaths,
          (r) =>
            within(Number(r.bucket)) &&
            (kind.age === undefined || Number(r.age_band) <= DEATH_BAND_MAX[kind.age]!) &&
            (kind.maternal === undefined || r.maternal),
        );
      case 'population': {
        const inGroup = ageGroupsOf(kind.age);
        const stockAt = (at: MonthIndex) =>
          sum(
            this.c.stocks,
            (r) =>
              Number(r.at) === at &&
              r.basis === kind.basis &&
              (kind.sex === undefined || r.sex === kind.sex) &&
              inGroup(Number(r.age_group)),
          );
        // Mid-period: the mean of the stocks at its start and end, rounded half up (a reading:
        // person-years approximated; monitoring README "rate denominators").
        return kind.at === 'end' ? stockAt(p.to) : Math.round((stockAt(p.from) + stockAt(p.to)) / 2);
      }
      case 'registryQuality':
        return this.quality(kind.measure, p);
      case 'specialFamilies':
        return coverageAt(this.c.specialFamilies ?? [], kind.measure, p.to);
      case 'reported': {
        const key = countKey(kind);
        const keys = reportedKeysOf(p);
        const rows = this.c.reported.filter((r) => r.count_key === key && keys.includes(r.period_key));
        return rows.length === 0 ? null : rows.reduce((s, r) => s + Number(r.value), 0);
      }
      case 'filedSlots': {
        // A stock at the period's end, as the population's `end` (the county files nothing: 0 slots).
        const row = this.c.slots?.find((r) => Number(r.at) === p.to);
        return row ? Number(kind.affordable ? row.affordable : row.slots) : 0;
      }
    }
  }

  /**
   * The registry keeps no history of its quality: residents and records with issues are today's,
   * the events are the period's births among living residents, the reference the statistics
   * bureau's figure for the period's year (or the latest before it).
   */
  private quality(measure: Extract<CountKind, { kind: 'registryQuality' }>['measure'], p: Period): number | null {
    const residents = Number(this.c.living?.residents ?? 0);
    const events = this.c.livingBirths.filter((r) => Number(r.bucket) >= p.from && Number(r.bucket) < p.to);
    switch (measure) {
      case 'registryResidents':
      case 'checkedRecords':
        return residents;
      case 'recordsWithoutIssues':
        return residents - Number(this.c.living?.with_issues ?? 0);
      case 'referenceResidents': {
        const ref = this.c.reference
          .filter((r) => Number(r.year) <= p.year)
          .sort((a, b) => Number(b.year) - Number(a.year))[0];
        return ref ? Number(ref.reference) : null;
      }
      case 'eventsInWindow':
        return events.reduce((s, r) => s + Number(r.events), 0);
      case 'eventsReportedInTime':
        return events.reduce((s, r) => s + Number(r.timely), 0);
    }
  }

  /** Births and mid-period resident women by the mother's five-year groups (the TFR's counts). */
  fertilityGroups(p: Period) {
    return MOTHER_AGE_GROUPS.map((g) => ({
      group: g,
      births: this.value({ kind: 'liveBirths', motherAge: g }, p) ?? 0,
      women: this.value({ kind: 'population', basis: 'resident', at: 'midPeriod', sex: 'female', age: g }, p) ?? 0,
    }));
  }
}
