import type { Message } from '../messages.js';
import type { Fen } from './money.js';
import type { Frequency } from './periods.js';

/** Where a rule comes from: document, clause, and the seed file that carries it (GLOSSARY: legalBasis). */
export interface LegalBasis {
  document: string;
  clause: string;
  /** The file in ../shared/seeds quoting it, e.g. `004`; absent for national texts not among the seeds. */
  seed?: string;
}

export type SchemeKind =
  | 'birthGrant'
  | 'childcareSubsidy'
  | 'insuranceSubsidy'
  | 'specialAssistance'
  | 'nursingSubsidy'
  | 'preschoolFeeWaiver'
  | 'medicalAssistance'
  | 'familyPlanningReward'
  /** Paid to a childcare institution, not a person (issue 14): 004 (十二), 001 m10. */
  | 'childcareSlotAward'
  | 'childcareConstructionSubsidy'
  | 'childcareOperatingSubsidy'
  | 'childcareSlotSubsidy';

/** What a parameter holds; an override must hold the same. */
export type ParameterUnit = 'fen' | 'years' | 'date' | 'parities' | 'fenByKey' | 'days';

export type ParameterValue = Fen | number | string | readonly number[] | Readonly<Record<string, Fen>>;

/** One value and the day it takes effect (OpenFisca-style: a payment uses the value in force in its month). */
export interface DatedValue {
  from: string;
  value: ParameterValue;
  basis: LegalBasis;
}

export interface ParameterDefinition {
  label: Message;
  unit: ParameterUnit;
  /** Oldest first. Empty when the scheme leaves the value to a lower jurisdiction (白银: each county). */
  history: readonly DatedValue[];
  /** Who must set it when history is empty, shown to administrators. */
  setBy?: 'province' | 'city' | 'county';
  /** A floor an override may not go under (the nursing subsidy is "不低于 100 元"). */
  minimum?: Fen;
}

/** Facts an applicant states by commitment (承诺制), which the registry does not hold. */
export type DeclaredFact =
  | 'accidentInsurancePurchased'
  | 'enrolledInAffordableKindergarten'
  | 'unableToLookAfterSelf'
  | 'economicHardship'
  /** 004 (二十二): after basic insurance and serious-illness insurance, the hospital bill is still heavy. */
  | 'heavyMedicalBurden'
  /** 001 m21's 农村二女户: a rural household, which the registry does not record. */
  | 'ruralHousehold';

export type SpecialFamilyStatus = 'bereaved' | 'disabledChild';

/** Needs the special-family register flags on a file (issue 16; C4): 004 (二十二)'s 重点对象, housing, 低保/特困, 低保边缘. */
export type SpecialFamilyNeed =
  | 'elderly'
  | 'seriouslyIll'
  | 'severelyDisabled'
  | 'disabled'
  | 'dementia'
  | 'livingAlone'
  | 'housingHardship'
  | 'subsistence'
  | 'nearSubsistence';

/** A condition a beneficiary must meet: data, evaluated by conditions.ts and compiled to SQL by the server. */
export type Condition = (
  | { kind: 'alive' }
  | { kind: 'hukouIn'; regionPrefix: string; regionName: Message }
  | { kind: 'bornOnOrAfter'; param: string }
  | { kind: 'bornOnOrBefore'; param: string }
  | { kind: 'parityIn'; param: string }
  /** Some month of the period falls in months 1…12·limit of life (the month after birth is month 1). */
  | { kind: 'underAgeMonths'; param: string }
  /** A birthday 0…limit−1 falls in the (yearly) period: one payment per year of age. */
  | { kind: 'yearOfAgeStarts'; param: string }
  | { kind: 'ageAtLeast'; param: string }
  | { kind: 'specialFamily'; statuses: readonly SpecialFamilyStatus[] }
  | { kind: 'declared'; fact: DeclaredFact }
  /**
   * The parent's registered children (mother/father links), all born before `bornBeforeParam`: exactly
   * one (独生子女家庭), or exactly two, both daughters (二女户) (001 m21, 004 (二十): 奖励扶助).
   */
  | { kind: 'registeredChildren'; family: 'onlyChild' | 'twoDaughters'; bornBeforeParam: string }
  /** The register's confirmed file flags one of these needs (issue 16): `label` says what they stand for. */
  /** With `absent`, the file must flag none of them (004 (二十二): "未纳入低保等困难人群范围"). */
  | { kind: 'specialFamilyNeed'; needs: readonly SpecialFamilyNeed[]; label: Message; absent?: true }
  /** An institution filed with the county and not closed on the day judged (issue 14). */
  | { kind: 'institutionFiled' }
  /** A date the jurisdiction records (a parameter): set, and not after the day judged. */
  | { kind: 'dateReached'; param: string; what: Message }
) & { basis: LegalBasis; interpretation?: Message };

/** How much, once eligible. */
export type AmountRule = (
  | { kind: 'perPeriod'; param: string }
  | { kind: 'byParity'; param: string }
  | { kind: 'bySpecialFamilyStatus'; param: string }
  /** A yearly amount paid for the eligible months of the period, each month at the value then in force. */
  | { kind: 'yearlyProRata'; param: string; monthsParam: string; payableFromParam: string }
  /** An institution's slots (all, or the affordable ones) of its filing in force, times an amount per slot. */
  | { kind: 'perSlot'; param: string; slots: 'all' | 'affordable' }
) & { basis: LegalBasis; interpretation?: Message };

export type ReviewLevel = 'village' | 'township' | 'county';

export interface SchemeDefinition {
  code: string;
  name: Message;
  kind: SchemeKind;
  /** The region whose residents (by hukou) the scheme covers: '' national, '53' Yunnan, '6204' 白银. */
  regionCode: string;
  /** 'institution': a childcare institution (issue 14), paid by institution-cycle.ts, never by persons' SQL. */
  beneficiary: 'child' | 'parent' | 'institution';
  frequency: Frequency;
  /** 免申即享: eligible persons found in the registry get a pending entitlement without applying. */
  proactive: boolean;
  reviewLevels: readonly ReviewLevel[];
  /**
   * 公示 before final approval, in days; 0 for none. The seeds give no figure: 7 is our default
   * where a scheme's review ends at the county, and a jurisdiction sets its own through a
   * version's `publicNoticeDays` (resolveNoticeDays).
   */
  publicNoticeDays: number;
  /** How the notice's days are counted: calendar days unless the scheme says working days (工作日). */
  publicNoticeDayKind?: 'calendar' | 'working';
  legalBasis: LegalBasis;
  parameters: Readonly<Record<string, ParameterDefinition>>;
  conditions: readonly Condition[];
  amount: AmountRule;
  /** Readings of an unclear text, shown in the console beside the scheme (issue 3). */
  interpretations: readonly Message[];
}
