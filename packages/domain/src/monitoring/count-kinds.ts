import type { Department } from '../departments.js';
import type { Sex } from '../id-number.js';

// The counts the indicators are built from: a small closed vocabulary, so that the server can
// keep one counts table keyed by countKey(kind), region and period, current as events are
// written (issue 13, "Speed"), and a reported value lands in the same table under the same key.

/** Birth order among the mother's children (glossary: parity); 3 stands for third or later. */
export type ParityClass = 1 | 2 | 3;

/** Five-year groups of the mother's age at the birth: the general and total fertility rates' span. */
export const MOTHER_AGE_GROUPS = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49'] as const;
export type MotherAgeGroup = (typeof MOTHER_AGE_GROUPS)[number];

/**
 * Age at death, in completed days or years, counted from birth: neonatal is 0–27 days (WHO ICD-10
 * definitions, "neonatal period … ends 28 complete days after birth"), the others whole years.
 */
export type DeathAgeBand = 'under28Days' | 'under1Year' | 'under3Years' | 'under5Years';

export type PopulationAgeBand = 'all' | 'under3Years' | 'women15to49' | 'years60Plus' | MotherAgeGroup;

/** Measures the registry-quality figures need (quality.ts, docs/data-quality.md). */
export type RegistryQualityMeasure =
  | 'registryResidents'
  | 'referenceResidents'
  | 'checkedRecords'
  | 'recordsWithoutIssues'
  | 'eventsInWindow'
  | 'eventsReportedInTime';

/** Figures a department reports for a region and period (glossary: reportedValue). */
export type ReportedItem =
  | 'prenatalScreenings'
  | 'womenGivingBirth'
  | 'kindergartenChildren'
  | 'kindergartenChildrenInAffordable'
  | 'elderlyCareBeds'
  | 'affordableElderlyCareBeds'
  | 'childcareSlots'
  | 'affordableChildcareSlots'
  | 'demonstrationChildcareInstitutions'
  | 'warmHeartHomes'
  | 'majorChildcareSafetyIncidents';

export type CountKind =
  | { kind: 'liveBirths'; sex?: Sex; parity?: ParityClass; motherAge?: MotherAgeGroup }
  /**
   * maternal: during pregnancy or within 42 days of its end, from a cause related to or aggravated
   * by it, not an accidental one (WHO, ICD-10 "maternal death"; issue 13 records the flag on the death).
   */
  | { kind: 'deaths'; age?: DeathAgeBand; maternal?: true }
  /**
   * `end`: the stock on the period's last day; `midPeriod`: the mean of the stocks on its first
   * and last day, the person-years a rate divides by (a reading: no seed says which).
   */
  | {
      kind: 'population';
      basis: 'registered' | 'resident';
      at: 'end' | 'midPeriod';
      sex?: Sex;
      age?: PopulationAgeBand;
    }
  | { kind: 'registryQuality'; measure: RegistryQualityMeasure }
  | { kind: 'reported'; item: ReportedItem; department: Department }
  /** The special-family register at the period's end (issue 16, 001 m23's "三个全覆盖"): special-family-coverage.ts. */
  | { kind: 'specialFamilies'; measure: SpecialFamilyCoverageMeasure }
  /**
   * Slots of the childcare institutions filed in the region (issue 14), from the version in force
   * at the period's end; a closed institution counts none (childcare README "Readings").
   */
  | { kind: 'filedSlots'; affordable?: true };

/**
 * Confirmed files, and those of them with both 双岗 contacts (a worker and a family doctor), a
 * green channel and a family doctor contract recorded (catalogue/special-families.ts).
 */
export type SpecialFamilyCoverageMeasure =
  'confirmedFiles' | 'withDualContacts' | 'withGreenChannel' | 'withFamilyDoctor';

/**
 * The canonical key of a count kind: the kind, then its fields sorted by name, `;`-separated
 * (`liveBirths;parity=2;sex=female`). The server's counts table keys on it; two kinds are the
 * same count exactly when their keys are equal.
 */
export function countKey(kind: CountKind): string {
  const fields = Object.entries(kind)
    .filter(([name, value]) => name !== 'kind' && value !== undefined)
    .map(([name, value]) => `${name}=${String(value)}`)
    .sort();
  return [kind.kind, ...fields].join(';');
}

/** Counts that arise from events one at a time (births, deaths): their variation is Poisson. */
export function isEventCount(kind: CountKind): boolean {
  return kind.kind === 'liveBirths' || kind.kind === 'deaths';
}
