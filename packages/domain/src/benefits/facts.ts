import type { DeclaredFact, SpecialFamilyNeed, SpecialFamilyStatus } from './scheme.js';

/**
 * What an eligibility check sees of a beneficiary: registry data (parity from the parent–child
 * links, never typed in) and what an applicant declared by commitment.
 */
export interface BeneficiaryFacts {
  birthDate: string;
  deathDate: string | null;
  hukouRegionCode: string;
  /** Birth order among the mother's children (persons.parity); null when the registry has no mother for them. */
  parity: number | null;
  specialFamilyStatus: SpecialFamilyStatus | null;
  /**
   * The special-family register's entry the status was read from (issue 16: "the trace citing the
   * register entry"); absent or null when the status came from an application, or there is none.
   */
  specialFamilyFile?: { id: number; version: number; effectiveFrom: string } | null;
  /** The needs the register's confirmed file flags (004 (二十一) reads 失能/失智 and 低保/低保边缘 from them). */
  specialFamilyNeeds?: readonly SpecialFamilyNeed[];
  /** The person's registered children as a parent (奖励扶助 reads them); absent when not read. */
  children?: readonly { birthDate: string; sex: string }[];
  declared: Partial<Record<DeclaredFact, boolean>>;
  /** Set when the beneficiary is a childcare institution (issue 14); a person has none. */
  institution?: InstitutionFacts | null;
}

/** What an award's check sees of a childcare institution: its filing in force on the day judged. */
export interface InstitutionFacts {
  id: number;
  name: string;
  filingNo: string | null;
  /** The day judged: the payment cycle's day (an award takes the rules in force then). */
  asOf: string;
  /** Whether a version the county filed is in force on asOf and the institution is not closed. */
  filed: boolean;
  /** The version in force and its slots; null when none is. */
  version: number | null;
  slots: number;
  affordableSlots: number;
}
