import { addMonths } from '../family/day-arithmetic.js';
import type { Message } from '../messages.js';

// Visits (走访, glossary visit). The seeds ask for them "定期" without a number (004 (二十二) "定期开展
// 特殊家庭的走访慰问…"; 002 二(七)3 "建立定期巡访制度"; REQUIREMENTS B4: every "定期" a setting
// marked as Cradle's reading). So the interval is a jurisdiction's setting, and Cradle's default
// reading is one visit a quarter.

/** Months between visits a jurisdiction may choose. */
export const VISIT_INTERVALS: readonly number[] = [1, 2, 3, 6, 12];
/** Reading of "定期" (004 (二十二); 002 二(七)3): a visit every quarter unless the jurisdiction sets another. */
export const DEFAULT_VISIT_INTERVAL_MONTHS = 3;
export const VISIT_INTERVAL_READING: Message = {
  zh: '种子只说“定期”走访（维西 (二十二)、云阳 二(七)3），未给出频次；Cradle 默认每季度一次，辖区可另行设置',
  en: 'The seeds say only "regularly" (004 (二十二), 002 二(七)3) with no number; Cradle reads it as once a quarter unless the jurisdiction sets another interval',
};

export const isVisitInterval = (n: number): boolean => VISIT_INTERVALS.includes(n);

/** The next visit falls `months` after the last one (or after the county's confirmation). */
export function nextVisitDue(from: string, months: number): string {
  return addMonths(from, months);
}

/** Overdue the day after it was due, with no visit recorded. */
export function isVisitOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}

/** A recorded visit's date: not in the future, not before the file was proposed. */
export function checkVisitDate(visitDate: string, fileProposedOn: string, today: string): Message | null {
  if (visitDate > today) return { zh: '走访日期不能晚于今天', en: 'The visit date cannot be after today' };
  if (visitDate < fileProposedOn)
    return {
      zh: `走访日期不能早于建档日期（${fileProposedOn}）`,
      en: `The visit date cannot be before the file was opened (${fileProposedOn})`,
    };
  return null;
}
