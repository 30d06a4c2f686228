import type { TaskCompleteBody, TaskDetail } from '@cradle/contract';
import { checkCompletion, type BundleService, type CompletionContext, type CompletionInput } from './familyDomain';

/** What the completion form holds; each service uses one of these (CompletionInput). */
export type CompletionValues = {
  certificateNo?: string;
  recordNo?: string;
  idNumber?: string;
  enrolledOn?: string;
  cardNo?: string;
};

/**
 * Services a department may complete several at once, as the server's bulk completion does
 * (bundle/tasks.ts bulkInput): record and card numbers are optional, and medical insurance is
 * taken as enrolled today. A certificate number or a newborn's ID number must be typed each time.
 */
export const BULK_SERVICES: readonly BundleService[] = [
  'vaccinationRecord',
  'medicalInsuranceEnrollment',
  'socialSecurityCard',
];

export function mayCompleteInBulk(service: string): boolean {
  return (BULK_SERVICES as readonly string[]).includes(service);
}

/** The domain's input for one service from the form's values. */
export function completionInputOf(service: BundleService, v: CompletionValues): CompletionInput {
  switch (service) {
    case 'birthCertificate':
      return { service, certificateNo: v.certificateNo ?? '' };
    case 'vaccinationRecord':
      return { service, recordNo: v.recordNo?.trim() || null };
    case 'hukouRegistration':
      return { service, idNumber: v.idNumber ?? '' };
    case 'medicalInsuranceEnrollment':
      return { service, enrolledOn: v.enrolledOn ?? '' };
    case 'socialSecurityCard':
      return { service, cardNo: v.cardNo?.trim() || null };
  }
}

/** The request body: only the service's own fields (the server ignores the others anyway). */
export function completionBodyOf(input: CompletionInput): TaskCompleteBody {
  const { service: _service, ...fields } = input;
  return fields;
}

/** What checkCompletion needs from the task: the newborn as declared, the hukou region, today's China date. */
export function completionContextOf(detail: TaskDetail, today: string): CompletionContext {
  const sex = detail.bundle.newborn.sex === 'female' ? 'female' : 'male';
  return {
    newborn: { birthDate: detail.bundle.newborn.birthDate, sex },
    hukouRegionCode: detail.bundle.hukouRegion.code,
    today,
  };
}

/** The domain's messages by form field (the server checks with the same code and would say the same). */
export function completionErrors(
  service: BundleService,
  v: CompletionValues,
  ctx: CompletionContext,
): Partial<Record<keyof CompletionValues, { zh: string; en: string }>> {
  const check = checkCompletion(completionInputOf(service, v), ctx);
  if (check.ok) return {};
  return Object.fromEntries(check.errors.map((e) => [e.field, e.message]));
}

/**
 * Medical insurance enrolled after the 90 days: still enrolled, without cover from birth; the form
 * warns. Judged against the task's enrolment deadline, fixed at submission as the server does.
 */
export function lateEnrolment(enrolmentDeadline: string, enrolledOn: string | undefined): boolean {
  return enrolledOn !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(enrolledOn) && enrolledOn > enrolmentDeadline;
}
