import {
  ageOn,
  BUILT_IN_SCHEMES,
  bundleServiceDefinition,
  deadlineState,
  departmentLabel,
  maskIdNumber,
  medicalInsuranceDeadline,
  taskDeadlineState,
  type BundleService,
  type Department,
  type Message,
  type ParentRole,
} from '@cradle/domain';
import type { RegionService } from '../regions/service.js';
import type { QueueRow } from './queue-repo.js';
import type { DeclaredMatch } from './parents.js';
import type { BundleRow, EntitlementRow, TaskRow } from './repo.js';
import type {
  BundleTaskView,
  DeclaredParentMatch,
  NewbornBundle,
  NewbornBundleSummary,
  TaskDetail,
  TaskQueueRow,
  TaskResult,
} from '@cradle/contract';
import { domainTasks } from './tasks.js';

// Rows into what the API shows. ID numbers appear masked only; the full newborn ID number is in
// the registry, encrypted, and a bundle never holds it.

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const regionName = (regions: RegionService, code: string) =>
  regions
    .path(code)
    .map((r) => r.name)
    .join('');

/** Who reads a view: the family that submitted, or staff. */
export type Audience = 'family' | 'staff';

const NOT_LINKED: Record<ParentRole, Message> = {
  mother: {
    zh: '母亲为家庭申报，与人口库中的记录相符，但办结时未确认其身份：新生儿未与其建立亲子关联，未入其户，孩次也未按其子女计算。',
    en: 'The mother was declared by the family and matches a registry record, but her identity was not confirmed at completion: the newborn was not linked to her, not added to her household, and parity was not counted from her children.',
  },
  father: {
    zh: '父亲为家庭申报，与人口库中的记录相符，但办结时未确认其身份：新生儿未与其建立亲子关联。',
    en: 'The father was declared by the family and matches a registry record, but his identity was not confirmed at completion: the newborn was not linked to him.',
  },
};

function resultView(r: TaskRow, audience: Audience): TaskResult | null {
  if (r.status !== 'done' || r.result === null) return null;
  // The 90-day date is kept in the result but shown as the task's enrolmentDeadline; whether a
  // declared parent matched the registry is for staff only (it would tell a stranger the pair is right).
  const { enrolmentDeadline: _kept, parentsNotLinked, ...x } = r.result;
  if (r.service === 'socialSecurityCard')
    return { cardNo: (x.cardNo as string | null) ?? null, cardStatus: x.cardNo ? 'issued' : 'applied' };
  const roles = audience === 'staff' && Array.isArray(parentsNotLinked) ? (parentsNotLinked as ParentRole[]) : [];
  return {
    ...(x as TaskResult),
    ...(roles.length > 0 ? { parentsNotLinked: roles.map((role) => ({ role, message: NOT_LINKED[role] })) } : {}),
  };
}

export function taskView(
  r: TaskRow,
  b: BundleRow,
  all: readonly TaskRow[],
  today: string,
  audience: Audience,
): BundleTaskView {
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
    result: resultView(r, audience),
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
      name: b.newborn_name,
      sex: b.newborn_sex,
      birthDate: b.birth_date,
      birthTime: b.birth_time,
      birthPlace: b.birth_place,
      hospitalName: b.hospital_name,
      idMasked: b.newborn_id_masked,
      personId: b.newborn_person_id,
    },
    mother: parentView(b.mother_name, b.mother_id_masked, b.mother_person_id)!,
    father: parentView(b.father_name, b.father_id_masked, b.father_person_id),
    hukouRegion: { code: b.region_code, name: regionName(regions, b.region_code) },
    services: b.services,
    existingBirthCertificateNo: b.existing_birth_certificate_no,
    registrationId: b.registration_id,
  };
}

export function bundleView(
  b: BundleRow,
  tasks: readonly TaskRow[],
  entitlements: readonly EntitlementRow[],
  regions: RegionService,
  today: string,
): NewbornBundle {
  return {
    ...bundleCore(b, regions),
    tasks: tasks.map((t) => taskView(t, b, tasks, today, 'family')),
    entitlements: entitlements.map((e) => ({
      schemeCode: e.scheme_code,
      schemeName: BUILT_IN_SCHEMES.find((s) => s.code === e.scheme_code)?.name ?? {
        zh: e.scheme_code,
        en: e.scheme_code,
      },
      firstPeriodKey: e.first_period_key,
      amountFen: e.amount_fen,
    })),
  };
}

export function bundleSummary(b: BundleRow, tasks: readonly TaskRow[]): NewbornBundleSummary {
  return {
    id: b.id,
    bundleNo: b.bundle_no,
    status: b.status,
    newbornName: b.newborn_name,
    submittedAt: iso(b.submitted_at)!,
    completedAt: iso(b.completed_at),
    tasks: tasks.map((t) => ({
      service: t.service,
      label: bundleServiceDefinition(t.service as BundleService).label,
      status: t.status,
    })),
  };
}

/** A task with the shared bundle data its department needs (masked IDs) and where the other tasks stand. */
export function taskDetailView(
  b: BundleRow,
  rows: readonly TaskRow[],
  taskId: number,
  regions: RegionService,
  today: string,
  declared: readonly DeclaredMatch[] = [],
): TaskDetail {
  const row = rows.find((r) => r.id === taskId)!;
  const certificate = rows.find((r) => r.service === 'birthCertificate' && r.status === 'done')?.result?.certificateNo;
  return {
    task: taskView(row, b, rows, today, 'staff'),
    bundle: bundleCore(b, regions),
    birthCertificateNo: typeof certificate === 'string' ? certificate : b.existing_birth_certificate_no,
    otherTasks: rows
      .filter((r) => r.id !== taskId)
      .map((r) => ({
        service: r.service,
        label: bundleServiceDefinition(r.service as BundleService).label,
        status: r.status,
      })),
    declaredParents: declared.map((d) => declaredParentView(d, regions, today)),
  };
}

function declaredParentView(d: DeclaredMatch, regions: RegionService, today: string): DeclaredParentMatch {
  const region = (code: string) => ({ code, name: regionName(regions, code) });
  const f = d.facts;
  return {
    role: d.role,
    declared: { name: d.declaration.name.trim(), idMasked: maskIdNumber(d.declaration.idNumber) },
    registry:
      f === null
        ? null
        : {
            name: f.name,
            sex: f.sex,
            age: ageOn(f.birthDate, today),
            residenceRegion: region(f.residenceRegionCode),
            hukouRegion: region(f.hukouRegionCode),
            children: d.children,
          },
  };
}

export function queueRowView(r: QueueRow, regions: RegionService, today: string): TaskQueueRow {
  const medical = r.service === 'medicalInsuranceEnrollment';
  return {
    id: r.id,
    bundleId: r.bundle_id,
    bundleNo: r.bundle_no,
    service: r.service,
    label: bundleServiceDefinition(r.service as BundleService).label,
    department: r.department,
    status: r.status,
    deadline: r.status === 'pending' ? r.deadline : null,
    deadlineState: r.status === 'pending' && r.deadline !== null ? deadlineState(r.deadline, today) : null,
    enrolmentDeadline: medical ? (r.enrolment_deadline ?? medicalInsuranceDeadline(r.birth_date)) : null,
    late:
      medical &&
      (r.status === 'done' ? r.late : today > (r.enrolment_deadline ?? medicalInsuranceDeadline(r.birth_date))),
    newbornName: r.newborn_name,
    birthDate: r.birth_date,
    motherName: r.mother_name,
    hukouRegion: { code: r.region_code, name: regionName(regions, r.region_code) },
    submittedAt: iso(r.submitted_at)!,
  };
}
