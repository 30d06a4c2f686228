import {
  bundleServiceDefinition,
  chinaDateOf,
  medicalInsuranceDeadline,
  type BundleService,
  type BundleTask,
  type CompletionInput,
  type CompletionRecord,
  type CorrectableField,
  type ParentRole,
} from '@cradle/domain';
import type { BundleRow, TaskRow, TaskWrite } from './repo.js';
import type { TaskCompleteBody } from '@cradle/contract';

// Between the stored task rows and the domain's BundleTask, whose state machine
// (transitionTask, applyToBundle) decides every change; this file only translates.

/** The bundle's tasks as the domain sees them. waitingFor is derived: the dependencies in the bundle not yet done. */
export function domainTasks(rows: readonly TaskRow[], b: BundleRow): BundleTask[] {
  const statusOf = new Map(rows.map((r) => [r.service, r.status]));
  return rows.map((r) => {
    const service = r.service as BundleService;
    const d = bundleServiceDefinition(service);
    return {
      service,
      department: d.department,
      status: r.status,
      waitingFor:
        r.status === 'waiting' ? d.dependsOn.filter((dep) => statusOf.has(dep) && statusOf.get(dep) !== 'done') : [],
      pendingSince: r.pending_since ? chinaDateOf(new Date(r.pending_since)) : null,
      deadline: r.deadline,
      enrolmentDeadline: service === 'medicalInsuranceEnrollment' ? storedEnrolmentDeadline(r, b) : null,
      returnReason: r.return_reason,
      fieldsToFix: (r.return_fields ?? []) as CorrectableField[],
      // Never read by the state machine; what was recorded stays in the row's result.
      record: null,
    };
  });
}

/**
 * The last of the 90 days, as fixed when the task was created (stored in its result, the task's
 * only free-form column): a later correction of the birth date does not move it. Tasks stored
 * before it was kept there fall back to the bundle's birth date.
 */
export function storedEnrolmentDeadline(r: Pick<TaskRow, 'result'>, b: Pick<BundleRow, 'birth_date'>): string {
  const stored = r.result?.enrolmentDeadline;
  return typeof stored === 'string' ? stored : medicalInsuranceDeadline(b.birth_date);
}

/** What the hukou completion adds to its record: the person created, never the full ID number. */
export interface Registered {
  personId: number;
  idMasked: string;
  /** Declared parents who matched the registry but were not confirmed by the officer, so not linked. */
  parentsNotLinked: readonly ParentRole[];
}

/** A completion as stored in bundle_tasks.result: the record, with the newborn's ID number masked; insurance keeps its 90-day date. */
export function storedResult(
  record: CompletionRecord,
  registered: Registered | null,
  enrolmentDeadline: string | null,
): Record<string, unknown> {
  switch (record.service) {
    case 'hukouRegistration':
      return {
        newbornIdMasked: registered!.idMasked,
        newbornPersonId: registered!.personId,
        ...(registered!.parentsNotLinked.length > 0 ? { parentsNotLinked: registered!.parentsNotLinked } : {}),
      };
    case 'birthCertificate':
      return { certificateNo: record.certificateNo };
    case 'vaccinationRecord':
      return { recordNo: record.recordNo };
    case 'medicalInsuranceEnrollment':
      return { enrolledOn: record.enrolledOn, lateEnrolment: record.lateEnrolment, enrolmentDeadline };
    case 'socialSecurityCard':
      return { cardNo: record.cardNo };
  }
}

/**
 * The rows to write for the tasks an action changed: applyToBundle returns untouched tasks as the
 * same objects, so identity tells which changed. The acted-on task carries its result and actor.
 */
export function changedTasks(
  before: readonly BundleTask[],
  after: readonly BundleTask[],
  acted: { service: BundleService; result?: Record<string, unknown>; by?: { id: number; name: string } },
): TaskWrite[] {
  return after.flatMap((t, i) => {
    if (t === before[i]) return [];
    const isActed = t.service === acted.service;
    const result = isActed && acted.result ? acted.result : null;
    return [
      {
        service: t.service,
        department: t.department,
        status: t.status,
        deadline: t.deadline,
        pendingNow: t.status === 'pending',
        result,
        returnReason: t.returnReason,
        returnFields: [...t.fieldsToFix],
        late: result !== null && result.lateEnrolment === true,
        completedBy: isActed && t.status === 'done' ? (acted.by ?? null) : null,
        enrolmentDeadline: t.enrolmentDeadline,
      },
    ];
  });
}

/** The stored status of a bundle from its tasks' (bundleStatus says 'done'; the table says 'completed'). */
export function storedBundleStatus(status: 'inProgress' | 'returned' | 'done'): BundleRow['status'] {
  return status === 'done' ? 'completed' : status;
}

/** A completion request as the domain's CompletionInput for the task's service; missing fields go in empty, for its message. */
export function completionInput(service: BundleService, body: TaskCompleteBody): CompletionInput {
  switch (service) {
    case 'birthCertificate':
      return { service, certificateNo: body.certificateNo ?? '' };
    case 'vaccinationRecord':
      return { service, recordNo: body.recordNo ?? null };
    case 'hukouRegistration':
      return { service, idNumber: body.idNumber ?? '' };
    case 'medicalInsuranceEnrollment':
      return { service, enrolledOn: body.enrolledOn ?? '' };
    case 'socialSecurityCard':
      return { service, cardNo: body.cardNo ?? null };
  }
}

/**
 * A bulk completion (issue 4: operators have "bulk actions"): only services that need nothing
 * typed — the vaccination record and the card, whose numbers are optional, and medical
 * insurance enrolled today (our reading). The rest need a number per child; null refuses.
 */
export function bulkInput(service: BundleService, today: string): CompletionInput | null {
  switch (service) {
    case 'vaccinationRecord':
      return { service, recordNo: null };
    case 'socialSecurityCard':
      return { service, cardNo: null };
    case 'medicalInsuranceEnrollment':
      return { service, enrolledOn: today };
    case 'birthCertificate':
    case 'hukouRegistration':
      return null;
  }
}
