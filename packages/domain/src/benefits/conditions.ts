import type { Message } from '../messages.js';
import type { BeneficiaryFacts } from './facts.js';
import { monthIndex, monthsOf, type Period } from './periods.js';
import type { Condition, LegalBasis, ParameterValue } from './scheme.js';

/** One line of an eligibility trace: what was checked, what it saw, pass or fail, and the clause. */
export interface TraceStep {
  check: Condition['kind'] | 'inForce' | 'amount';
  /** The rule in plain words, for staff and family alike. */
  rule: Message;
  /** What the check found, in the same plain words (never a code or an internal key). */
  saw: Message;
  pass: boolean;
  basis: LegalBasis;
  interpretation?: Message;
}

/** The value of a named parameter on a day (see resolveParameter), or null when none is in force. */
export type ParamAt = (name: string, onDate: string) => ParameterValue | null;

export const DECLARED_LABELS: Record<string, Message> = {
  accidentInsurancePurchased: { zh: '已为婴幼儿购买意外伤害险', en: 'accident insurance bought for the infant' },
  enrolledInAffordableKindergarten: {
    zh: '在公办或普惠性民办幼儿园就读',
    en: 'attends a public or affordable kindergarten',
  },
  unableToLookAfterSelf: { zh: '生活长期不能自理', en: 'unable to look after themselves for the long term' },
  economicHardship: { zh: '经济困难', en: 'in economic hardship' },
  ruralHousehold: { zh: '农村家庭', en: 'a rural household' },
  heavyMedicalBurden: {
    zh: '住院费用经基本医保、大病保险报销后个人负担仍然较重',
    en: 'the hospital bill is still heavy after basic and serious-illness insurance',
  },
};

/**
 * The months of a period in which a child is in months 1…12·limit of life (the month after the
 * birth month is month 1), alive at the month's start, and not before payableFrom. Reading of
 * "until age 3" chosen so that a child gets exactly 36 months and the published example holds:
 * born December 2023 → January 2025 to December 2026, 24 months (issue 3; national 2025 scheme).
 */
export function eligibleMonths(
  facts: BeneficiaryFacts,
  period: Period,
  limitYears: number,
  payableFrom: string | null,
): number[] {
  const birth = monthIndex(facts.birthDate);
  const { first, last } = monthsOf(period);
  const from = Math.max(first, birth + 1, payableFrom === null ? 0 : monthIndex(payableFrom));
  const to = Math.min(last, birth + 12 * limitYears, facts.deathDate === null ? Infinity : monthIndex(facts.deathDate));
  const months: number[] = [];
  for (let m = from; m <= to; m++) months.push(m);
  return months;
}

/** The birthdays 0…limit−1 (0 is the birth itself) that fall inside the period. */
export function birthdaysIn(facts: BeneficiaryFacts, period: Period, limitYears: number): number[] {
  const out: number[] = [];
  const y = Number(facts.birthDate.slice(0, 4));
  for (let k = 0; k < limitYears; k++) {
    // A 29 February birthday falls on 1 March in common years (ageOn in calendar-date.ts agrees).
    const md = facts.birthDate.slice(5);
    const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
    const day = md === '02-29' && !leap(y + k) ? '03-01' : md;
    const date = `${String(y + k).padStart(4, '0')}-${day}`;
    if (date >= period.start && date < period.end) out.push(k);
  }
  return out;
}

export function isAliveAt(facts: BeneficiaryFacts, date: string): boolean {
  return facts.deathDate === null || facts.deathDate >= date;
}

export const asNumber = (v: ParameterValue | null): number | null => (typeof v === 'number' ? v : null);
export const asString = (v: ParameterValue | null): string | null => (typeof v === 'string' ? v : null);
export const asNumbers = (v: ParameterValue | null): readonly number[] | null =>
  Array.isArray(v) ? (v as readonly number[]) : null;
