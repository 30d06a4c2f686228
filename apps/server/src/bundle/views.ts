import {
  BUILT_IN_SCHEMES, bundleServiceDefinition, deadlineState, departmentLabel, medicalInsuranceDeadline, taskDeadlineState,
  type BundleService, type Department,
} from '@cradle/domain';
import type { RegionService } from '../regions/service.js';
import type { QueueRow } from './queue-repo.js';
import type { BundleRow, EntitlementRow, TaskRow } from './repo.js';
import type { BundleTaskView, NewbornBundle, NewbornBundleSummary, TaskDetail, TaskQueueRow, TaskResult } from './schemas.js';
import { domainTasks } from './tasks.js';

// Rows into what the API shows. ID numbers appear masked only; the full newborn ID number is in
// the registry, encrypted, and a bundle never holds it.

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const regionName = (regions: RegionService, code: string) => regions.path(code).map((r) => r.name).join('');

function resultView(r: TaskRow): TaskResult | null {
  if (r.status !== 'done' || r.result === null) return null;
  // The 90-day date is kept in the result but shown as the task's enrolmentDeadline.
  const { enrolmentDeadline: _kept, ...x } = r.result;
  if (r.service === 'socialSecurityCard') return { cardNo: (x.cardNo as string | null) ?? null, cardStatus: x.cardNo ? 'issued' : 'applied' };
  return x as TaskResult;
}

export function taskView(r: TaskRow, b: BundleRow, all: readonly TaskRow[], today: string): BundleTaskView {
  const service = r.service as BundleService;
  const d = bundleServiceDefinition(service);
  const task = domainTasks(all, b).find((t) => t.service === service)!;
  const medical = service === 'medicalInsuranceEnrollment';
  return {
    id: r.id,
    service,
    label: d.label,
    department: d.department,
    departmentLabel: departmentLabel(d.department as Department),
    status: r.status,
    deadline: r.status === 'pending' ? r.deadline : null,
    deadlineState: taskDeadlineState(task, today),
    enrolmentDeadline: task.enrolmentDeadline,
    late: medical && (r.status === 'done' ? r.late : today > task.enrolmentDeadline!),
    returnReason: r.status === 'returned' ? r.return_reason : null,
    fieldsToFix: r.status === 'returned' ? (r.return_fields ?? []) : [],
    result: resultView(r),
    completedAt: iso(r.completed_at),
  };
}

const parentView = (name: string | null, masked: string | null, personId: number | null) =>
  name === null || masked === null ? null : { name, idMasked: masked, personId };

export function bundleCore(b: BundleRow, regions: RegionService): Omit<NewbornBundle, 'tasks' | 'entitlements'> {
  return {
    id: b.id,
    bundleNo: b.bundle_no,
    status: b.status,
    submittedAt: iso(b.submitted_at)!,
    completedAt: iso(b.completed_at),
    newborn: {
      name: b.newborn_name, sex: b.newborn_sex, birthDate: b.birth_date, birthTime: b.birth_time, birthPlace: b.birth_place,
      hospitalName: b.hospital_name, idMasked: b.newborn_id_masked, personId: b.newborn_person_id,
    },
    mother: parentView(b.mother_name, b.mother_id_masked, b.mother_person_id)!,
    father: parentView(b.father_name, b.father_id_masked, b.father_person_id),
    hukouRegion: { code: b.region_code, name: regionName(regions, b.region_code) },
    services: b.services,
    existingBirthCertificateNo: b.existing_birth_certificate_no,
    registrationId: b.registration_id,
  };
}

export function bundleView(b: BundleRow, tasks: readonly TaskRow[], entitlements: readonly EntitlementRow[], regions: RegionService, today: string): NewbornBundle {
  return {
    ...bundleCore(b, regions),
    tasks: tasks.map((t) => taskView(t, b, tasks, today)),
    entitlements: entitlements.map((e) => ({
      schemeCode: e.scheme_code,
      schemeName: BUILT_IN_SCHEMES.find((s) => s.code === e.scheme_code)?.name ?? { zh: e.scheme_code, en: e.scheme_code },
      firstPeriodKey: e.first_period_key,
      amountFen: e.amount_fen,
    })),
  };
}

export function bundleSummary(b: BundleRow, tasks: readonly TaskRow[]): NewbornBundleSummary {
  return {
    id: b.id, bundleNo: b.bundle_no, status: b.status, newbornName: b.newborn_name, submittedAt: iso(b.submitted_at)!, completedAt: iso(b.completed_at),
    tasks: tasks.map((t) => ({ service: t.service, label: bundleServiceDefinition(t.service as BundleService).label, status: t.status })),
  };
}

/** A task with the shared bundle data its department needs (masked IDs) and where the other tasks stand. */
export function taskDetailView(b: BundleRow, rows: readonly TaskRow[], taskId: number, regions: RegionService, today: string): TaskDetail {
  const row = rows.find((r) => r.id === taskId)!;
  const certificate = rows.find((r) => r.service === 'birthCertificate' && r.status === 'done')?.result?.certificateNo;
  return {
    task: taskView(row, b, rows, today),
    bundle: bundleCore(b, regions),
    birthCertificateNo: typeof certificate === 'string' ? certificate : b.existing_birth_certificate_no,
    otherTasks: rows.filter((r) => r.id !== taskId).map((r) => ({ service: r.service, label: bundleServiceDefinition(r.service as BundleService).label, status: r.status })),
  };
}

export function queueRowView(r: QueueRow, regions: RegionService, today: string): TaskQueueRow {
  const medical = r.service === 'medicalInsuranceEnrollment';
  return {
    id: r.id, bundleId: r.bundle_id, bundleNo: r.bundle_no, service: r.service, label: bundleServiceDefinition(r.service as BundleService).label,
    department: r.department, status: r.status,
    deadline: r.status === 'pending' ? r.deadline : null,
    deadlineState: r.status === 'pending' && r.deadline !== null ? deadlineState(r.deadline, today) : null,
    enrolmentDeadline: medical ? r.enrolment_deadline ?? medicalInsuranceDeadline(r.birth_date) : null,
    late: medical && (r.status === 'done' ? r.late : today > (r.enrolment_deadline ?? medicalInsuranceDeadline(r.birth_date))),
    newbornName: r.newborn_name, birthDate: r.birth_date, motherName: r.mother_name,
    hukouRegion: { code: r.region_code, name: regionName(regions, r.region_code) },
    submittedAt: iso(r.submitted_at)!,
  };
}
