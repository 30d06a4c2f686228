import { addDays } from './day-arithmetic.js';

/**
 * 新生儿出生后90天内 … 办理独立参保缴费的，自出生之日起所发生的医疗费用纳入医保报销
 * (002 二(四)1.; issue 4 and the glossary's `medicalInsuranceEnrollment`; the national
 * medical-insurance rule for newborns). Late enrolment is still enrolment, without the cover
 * from birth, so lateness is flagged to the family and the worker, never refused.
 */
export const MEDICAL_INSURANCE_ENROLMENT_DAYS = 90;

/**
 * The last day of the 90 days. The day of birth is not counted (民法典 第二百零一条: 开始的当日
 * 不计入), so a child born on 1 January 2026 may enrol until 1 April 2026. We do not move a
 * last day that falls on a holiday (民法典 第二百零三条 would): enrolment is open online every
 * day, and whether the bureau extends is its call; the flag only highlights.
 */
export function medicalInsuranceDeadline(birthDate: string): string {
  return addDays(birthDate, MEDICAL_INSURANCE_ENROLMENT_DAYS);
}

export function isLateEnrolment(birthDate: string, enrolmentDate: string): boolean {
  return enrolmentDate > medicalInsuranceDeadline(birthDate);
}
