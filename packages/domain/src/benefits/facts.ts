import type { DeclaredFact, SpecialFamilyStatus } from './scheme.js';

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
  declared: Partial<Record<DeclaredFact, boolean>>;
}
