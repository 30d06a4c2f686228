import { ageOn } from '../calendar-date.js';
import type { Department } from '../departments.js';
import type { Message } from '../messages.js';

// 多子女家庭核验 (glossary familySizeCheck; REQUIREMENTS C5): housing, provident-fund, education and
// civil-affairs operators ask how many minor children a parent has, for the preferences given to
// families with more children. They get the number and the birth years, never the records.

/** 民法典 第十七条: "十八周岁以上的自然人为成年人" — a child under 18 is a minor. */
export const ADULT_AGE = 18;

/** The departments that may ask (C5: 001 m17, 004 (十五)(十六), annex 2 #19). */
export const FAMILY_SIZE_CHECK_DEPARTMENTS: readonly Department[] = [
  'housing',
  'providentFund',
  'education',
  'civilAffairs',
];

/**
 * Cradle's own limit per operator (no seed gives one): a counter does a few dozen checks an hour;
 * more looks like a sweep of the registry. Counted in the database, so every server process agrees.
 */
export const FAMILY_SIZE_CHECKS_PER_HOUR = 30;

/** Why a department asks: each names the clause that gives the preference. */
export type FamilySizePurpose =
  | 'publicRentalHousing'
  | 'affordableRentalHousing'
  | 'providentFundWithdrawal'
  | 'providentFundLoan'
  | 'schoolPlacement'
  | 'elderlyCarePriority';
const PURPOSES: Record<FamilySizePurpose, { label: Message; clause: string }> = {
  publicRentalHousing: {
    label: { zh: '公租房配租户型照顾', en: 'Public rental housing: flat size by number of minor children' },
    clause: '001 m17; 004 (十五)',
  },
  affordableRentalHousing: {
    label: { zh: '三孩家庭保障性租赁住房配租', en: 'Affordable rental housing for three-child families' },
    clause: '004 (十五)',
  },
  providentFundWithdrawal: {
    label: { zh: '二孩以上家庭提取住房公积金付房租', en: 'Provident fund withdrawal for rent (two or more children)' },
    clause: '004 (十五)',
  },
  providentFundLoan: {
    label: { zh: '二孩以上家庭公积金贷款额度', en: 'Provident fund loan for a first home (two or more children)' },
    clause: '004 (十五)',
  },
  schoolPlacement: {
    label: { zh: '多孩家庭子女同校就读', en: 'Siblings in the same school' },
    clause: '004 annex 2 #19',
  },
  elderlyCarePriority: {
    label: { zh: '三孩家庭老年人优先入住公办养老机构', en: 'Public care home priority for three-child families' },
    clause: '001 m17; 004 (十五)',
  },
};
export const FAMILY_SIZE_PURPOSES = Object.keys(PURPOSES) as readonly FamilySizePurpose[];
export const isFamilySizePurpose = (v: string): v is FamilySizePurpose => Object.hasOwn(PURPOSES, v);
export const familySizePurposeLabel = (p: FamilySizePurpose): Message => PURPOSES[p].label;
export const familySizePurposeClause = (p: FamilySizePurpose): string => PURPOSES[p].clause;

export interface MinorChildren {
  count: number;
  /** Birth years, oldest first: all a department learns of each child. */
  birthYears: number[];
}

/** The living children under 18 on `today`, as a count and birth years. */
export function minorChildren(
  children: readonly { birthDate: string; deathDate: string | null }[],
  today: string,
): MinorChildren {
  const minors = children
    .filter((c) => c.deathDate === null && c.birthDate <= today && ageOn(c.birthDate, today) < ADULT_AGE)
    .map((c) => Number(c.birthDate.slice(0, 4)))
    .sort((a, b) => a - b);
  return { count: minors.length, birthYears: minors };
}

/** The answer in words: "未成年子女 3 人". */
export function familySizeAnswer(count: number): Message {
  return { zh: `未成年子女 ${count} 人`, en: `${count} minor ${count === 1 ? 'child' : 'children'}` };
}
