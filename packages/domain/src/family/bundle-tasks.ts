import type { Department } from '../departments.js';
import { normalizeIdNumber } from '../id-number.js';
import type { Message } from '../messages.js';
import { bundleServiceDefinition, type BundleService, type CorrectableField } from './bundle-services.js';
import { checkCompletion, type CompletionInput, type CompletionRecord } from './completion-checks.js';
import type { Corrections } from './corrections.js';
import type { FamilyFieldError } from './field-errors.js';
import { medicalInsuranceDeadline } from './medical-insurance.js';
import type { NewbornBundleForm } from './newborn-bundle.js';
import { addWorkingDays, deadlineState, type DeadlineState, type WorkingDayCalendar } from './working-days.js';

/** waiting: a service it depends on is not done; pending: with its department; returned: with the family. */
export type TaskStatus = 'waiting' | 'pending' | 'returned' | 'done';

export interface BundleTask {
  service: BundleService;
  department: Department;
  status: TaskStatus;
  /** Services of this bundle still to be done before this one can start. */
  waitingFor: readonly BundleService[];
  /** When the department got the task, and its working-day deadline; null unless pending. */
  pendingSince: string | null;
  deadline: string | null;
  /** Medical insurance only: the last day of the 90 days that cover costs from birth. */
  enrolmentDeadline: string | null;
  returnReason: string | null;
  fieldsToFix: readonly CorrectableField[];
  record: CompletionRecord | null;
}

export type TaskAction =
  | { kind: 'complete'; input: CompletionInput }
  | { kind: 'return'; reason: string; fields: readonly CorrectableField[] }
  | { kind: 'resubmit'; corrections: Corrections }
  | { kind: 'dependencyDone'; service: BundleService };

/**
 * `form` is the bundle as it stands (after corrections, for a resubmission); `previous`, for a
 * resubmission, the form before them (without it, any identity field corrected counts as changed).
 */
export interface TaskContext {
  today: string;
  calendar: WorkingDayCalendar;
  form: NewbornBundleForm;
  previous?: NewbornBundleForm;
}

export type TaskRefusal =
  | 'task.wrongStatus'
  | 'task.wrongService'
  | 'task.invalidCompletion'
  | 'task.reasonRequired'
  | 'task.fieldsRequired'
  | 'task.fieldNotUsed'
  | 'task.correctionsRequired'
  | 'task.correctionNotRequested'
  | 'task.notWaitingFor'
  | 'task.dependencyNotDone'
  | 'task.hukouRegistered';

export type TaskOutcome =
  { ok: true; task: BundleTask } | { ok: false; code: TaskRefusal; message: Message; errors: FamilyFieldError[] };

/**
 * One task per service wanted. A dependency that is not in the bundle was done before it (its
 * result is in the form), so only dependencies inside the bundle make a task wait.
 */
export function newBundleTasks(
  form: NewbornBundleForm,
  submittedOn: string,
  calendar: WorkingDayCalendar,
): BundleTask[] {
  return form.services.map((service) => {
    const d = bundleServiceDefinition(service);
    const waitingFor = d.dependsOn.filter((dep) => form.services.includes(dep));
    const task: BundleTask = {
      service,
      department: d.department,
      status: 'waiting',
      waitingFor,
      pendingSince: null,
      deadline: null,
      enrolmentDeadline:
        service === 'medicalInsuranceEnrollment' ? medicalInsuranceDeadline(form.newborn.birthDate) : null,
      returnReason: null,
      fieldsToFix: [],
      record: null,
    };
    return waitingFor.length === 0 ? toPending(task, submittedOn, calendar) : task;
  });
}

/** The task after one action, or why the action is refused. Pure: the caller stores the result. */
export function transitionTask(task: BundleTask, action: TaskAction, ctx: TaskContext): TaskOutcome {
  const d = bundleServiceDefinition(task.service);
  switch (action.kind) {
    case 'complete': {
      if (task.status !== 'pending')
        return refuse('task.wrongStatus', '只有办理中的事项可以办结', 'Only a pending task can be completed');
      if (action.input.service !== task.service)
        return refuse('task.wrongService', '办结信息与事项不符', 'The completion is for another service');
      const check = checkCompletion(action.input, {
        newborn: ctx.form.newborn,
        hukouRegionCode: ctx.form.hukouRegionCode,
        today: ctx.today,
      });
      if (!check.ok)
        return refuse(
          'task.invalidCompletion',
          '办结信息有误，请按提示修改',
          'The completion has errors; see each field',
          check.errors,
        );
      // Late against the 90 days fixed at submission, which a later correction of the birth date does not move.
      const record =
        check.record.service === 'medicalInsuranceEnrollment' && task.enrolmentDeadline !== null
          ? { ...check.record, lateEnrolment: check.record.enrolledOn > task.enrolmentDeadline }
          : check.record;
      return ok({
        ...task,
        status: 'done',
        record,
        pendingSince: null,
        deadline: null,
        returnReason: null,
        fieldsToFix: [],
      });
    }
    case 'return': {
      if (task.status !== 'pending')
        return refuse('task.wrongStatus', '只有办理中的事项可以退回', 'Only a pending task can be returned');
      const reason = action.reason.trim();
      if (reason === '') return refuse('task.reasonRequired', '退回须写明理由', 'A return needs a reason');
      if (action.fields.length === 0)
        return refuse('task.fieldsRequired', '请指明需要家庭补正的内容', 'Name the fields the family must correct');
      const foreign = action.fields.filter((f) => !d.formFields.includes(f));
      if (foreign.length > 0) {
        return refuse(
          'task.fieldNotUsed',
          `本部门不办理以下内容，不能退回：${foreign.join('、')}`,
          `Your service does not use these fields: ${foreign.join(', ')}`,
        );
      }
      return ok({
        ...task,
        status: 'returned',
        returnReason: reason,
        fieldsToFix: [...new Set(action.fields)],
        pendingSince: null,
        deadline: null,
      });
    }
    case 'resubmit': {
      if (task.status !== 'returned')
        return refuse('task.wrongStatus', '只有被退回的事项可以重新提交', 'Only a returned task can be resubmitted');
      const fields = Object.keys(action.corrections) as CorrectableField[];
      if (fields.length === 0)
        return refuse(
          'task.correctionsRequired',
          '请修改被退回的内容后再提交',
          'Correct the returned fields before resubmitting',
        );
      const outside = fields.filter((f) => !task.fieldsToFix.includes(f));
      if (outside.length > 0) {
        return refuse(
          'task.correctionNotRequested',
          `只能修改被退回的内容，以下内容未被退回：${outside.join('、')}`,
          `Only the returned fields may change; these were not returned: ${outside.join(', ')}`,
        );
      }
      return ok(toPending({ ...task, returnReason: null, fieldsToFix: [] }, ctx.today, ctx.calendar));
    }
    case 'dependencyDone': {
      if (task.status !== 'waiting' || !task.waitingFor.includes(action.service)) {
        return refuse('task.notWaitingFor', '该事项不在等待这项服务', 'The task is not waiting for that service');
      }
      const waitingFor = task.waitingFor.filter((s) => s !== action.service);
      const next = { ...task, waitingFor };
      return ok(waitingFor.length === 0 ? toPending(next, ctx.today, ctx.calendar) : next);
    }
  }
}

export type BundleOutcome = { ok: true; tasks: BundleTask[] } | Extract<TaskOutcome, { ok: false }>;

/**
 * One action on one task of a bundle; a completion starts the tasks that were waiting for it.
 * Here, unlike in transitionTask, the bundle is known, so a dependency reported done must be.
 */
export function applyToBundle(
  tasks: readonly BundleTask[],
  service: BundleService,
  action: TaskAction,
  ctx: TaskContext,
): BundleOutcome {
  const target = tasks.find((t) => t.service === service);
  if (target === undefined)
    return refuse('task.wrongService', '本次申请没有该项服务', 'This bundle does not include that service');
  if (action.kind === 'dependencyDone' && tasks.some((t) => t.service === action.service && t.status !== 'done')) {
    return refuse('task.dependencyNotDone', '所依赖的事项尚未办结', 'The service this task depends on is not done yet');
  }
  const locked = tasks.some((t) => t.service === 'hukouRegistration' && t.status === 'done')
    ? identityFieldsTouched(action, ctx)
    : [];
  if (locked.length > 0) {
    return refuse(
      'task.hukouRegistered',
      `户口已登记，身份信息以户籍为准，不能再退回或更改：${locked.join('、')}`,
      `hukou is registered; identity follows the hukou record, so these can no longer be returned or changed: ${locked.join(', ')}`,
    );
  }
  const r = transitionTask(target, action, ctx);
  if (!r.ok) return r;
  const done = r.task.status === 'done';
  return {
    ok: true,
    tasks: tasks.map((t) => {
      if (t === target) return r.task;
      if (!done || !t.waitingFor.includes(service)) return t;
      const next = transitionTask(t, { kind: 'dependencyDone', service }, ctx);
      return next.ok ? next.task : t;
    }),
  };
}

/**
 * What hukou registration wrote into the registry: the newborn's name, sex and birth date, and
 * the parents it was linked to. Once it is done these follow the hukou record (户籍), so no
 * department may return them and no correction may change them: the bundle would drift from the
 * registry. Phones, the birth place and time are not in the registry and stay correctable.
 */
export const HUKOU_IDENTITY_FIELDS: readonly CorrectableField[] = [
  'newborn.name',
  'newborn.sex',
  'newborn.birthDate',
  'mother.name',
  'mother.idNumber',
  'father.name',
  'father.idNumber',
];

/** The identity fields a return names, or a resubmission changes (a value kept as it was is no change). */
function identityFieldsTouched(action: TaskAction, ctx: TaskContext): CorrectableField[] {
  if (action.kind === 'return') return HUKOU_IDENTITY_FIELDS.filter((f) => action.fields.includes(f));
  if (action.kind !== 'resubmit') return [];
  const previous = ctx.previous;
  return HUKOU_IDENTITY_FIELDS.filter(
    (f) =>
      f in action.corrections && (previous === undefined || identityValue(previous, f) !== identityValue(ctx.form, f)),
  );
}

function identityValue(form: NewbornBundleForm, field: CorrectableField): string {
  const [part, key] = field.split('.') as ['newborn' | 'mother' | 'father', string];
  const holder = (part === 'newborn' ? form.newborn : form[part]) as Record<string, unknown> | null;
  const value = String((holder?.[key] as string | undefined) ?? '');
  return key === 'idNumber' ? normalizeIdNumber(value) : value.trim();
}

export type BundleStatus = 'inProgress' | 'returned' | 'done';

/** Derived, never stored apart: done when every task is; returned while any waits on the family. */
export function bundleStatus(tasks: readonly BundleTask[]): BundleStatus {
  if (tasks.length === 0) throw new RangeError('a bundle has at least one task');
  if (tasks.every((t) => t.status === 'done')) return 'done';
  return tasks.some((t) => t.status === 'returned') ? 'returned' : 'inProgress';
}

/** Where a pending task stands against its deadline; null when it is not with its department. */
export function taskDeadlineState(task: BundleTask, today: string): DeadlineState | null {
  return task.status === 'pending' && task.deadline !== null ? deadlineState(task.deadline, today) : null;
}

function toPending(task: BundleTask, today: string, calendar: WorkingDayCalendar): BundleTask {
  const days = bundleServiceDefinition(task.service).deadlineWorkingDays;
  return { ...task, status: 'pending', pendingSince: today, deadline: addWorkingDays(today, days, calendar) };
}

const ok = (task: BundleTask): TaskOutcome => ({ ok: true, task });

function refuse(
  code: TaskRefusal,
  zh: string,
  en: string,
  errors: FamilyFieldError[] = [],
): Extract<TaskOutcome, { ok: false }> {
  return { ok: false, code, message: { zh, en }, errors };
}
