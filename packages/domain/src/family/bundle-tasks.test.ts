import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_SERVICE_NAMES,
  bundleServiceDefinition,
  type BundleService,
  type CorrectableField,
} from './bundle-services.js';
import { applyCorrections } from './corrections.js';
import {
  applyToBundle,
  bundleStatus,
  newBundleTasks,
  taskDeadlineState,
  transitionTask,
  type BundleTask,
  type TaskAction,
  type TaskContext,
} from './bundle-tasks.js';
import type { CompletionInput } from './completion-checks.js';
import { DEFAULT_WORKING_DAY_CALENDAR as CAL } from './holidays-2026.js';
import { BUNDLE_FORM, idOf, NEWBORN_ID } from './test-fixtures.js';

const SUBMITTED = '2026-03-06'; // a Friday
const ctx = (today: string, form = BUNDLE_FORM): TaskContext => ({ today, calendar: CAL, form });
const COMPLETIONS: Record<BundleService, CompletionInput> = {
  birthCertificate: { service: 'birthCertificate', certificateNo: 'Q530012345' },
  vaccinationRecord: { service: 'vaccinationRecord', recordNo: null },
  hukouRegistration: { service: 'hukouRegistration', idNumber: NEWBORN_ID },
  medicalInsuranceEnrollment: { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-03-12' },
  socialSecurityCard: { service: 'socialSecurityCard', cardNo: null },
};
const byService = (tasks: readonly BundleTask[]) =>
  Object.fromEntries(tasks.map((t) => [t.service, t])) as Record<BundleService, BundleTask>;
function step(tasks: readonly BundleTask[], service: BundleService, action: TaskAction, today: string): BundleTask[] {
  const r = applyToBundle(tasks, service, action, ctx(today));
  if (!r.ok) throw new Error(r.code);
  return r.tasks;
}

describe('newBundleTasks', () => {
  it('starts the certificate and vaccination at once and makes the rest wait', () => {
    const t = byService(newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL));
    expect(t.birthCertificate).toMatchObject({
      status: 'pending',
      department: 'hospital',
      pendingSince: SUBMITTED,
      deadline: '2026-03-11',
    });
    expect(t.vaccinationRecord).toMatchObject({ status: 'pending', deadline: '2026-03-11' });
    expect(t.hukouRegistration).toMatchObject({ status: 'waiting', waitingFor: ['birthCertificate'], deadline: null });
    expect(t.medicalInsuranceEnrollment).toMatchObject({
      status: 'waiting',
      waitingFor: ['hukouRegistration'],
      enrolmentDeadline: '2026-05-31',
    });
    expect(t.socialSecurityCard).toMatchObject({ status: 'waiting', waitingFor: ['hukouRegistration'] });
  });

  it('starts hukou at once when the certificate was issued before', () => {
    const form = { ...BUNDLE_FORM, services: ['hukouRegistration'] as const, existingBirthCertificateNo: 'Q530012345' };
    expect(newBundleTasks(form, SUBMITTED, CAL)).toMatchObject([
      { service: 'hukouRegistration', status: 'pending', deadline: '2026-03-13' },
    ]);
  });
});

describe('a bundle from submission to done', () => {
  it('starts each task when what it needs is done, with its own deadline from that day', () => {
    let tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    tasks = step(tasks, 'birthCertificate', { kind: 'complete', input: COMPLETIONS.birthCertificate }, '2026-03-09');
    expect(byService(tasks).hukouRegistration).toMatchObject({
      status: 'pending',
      waitingFor: [],
      pendingSince: '2026-03-09',
      deadline: '2026-03-16',
    });
    tasks = step(tasks, 'hukouRegistration', { kind: 'complete', input: COMPLETIONS.hukouRegistration }, '2026-03-10');
    expect(byService(tasks).medicalInsuranceEnrollment).toMatchObject({ status: 'pending', deadline: '2026-03-17' });
    expect(byService(tasks).socialSecurityCard).toMatchObject({ status: 'pending', deadline: '2026-03-24' });
    expect(bundleStatus(tasks)).toBe('inProgress');
    for (const s of ['vaccinationRecord', 'medicalInsuranceEnrollment', 'socialSecurityCard'] as const)
      tasks = step(tasks, s, { kind: 'complete', input: COMPLETIONS[s] }, '2026-03-12');
    expect(bundleStatus(tasks)).toBe('done');
    expect(byService(tasks).hukouRegistration.record).toEqual({ service: 'hukouRegistration', idNumber: NEWBORN_ID });
  });

  it('sends a return to the family with its fields, and restarts the deadline on resubmission', () => {
    let tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    tasks = step(
      tasks,
      'birthCertificate',
      { kind: 'return', reason: '出生地点与分娩记录不符', fields: ['newborn.birthPlace'] },
      '2026-03-09',
    );
    expect(byService(tasks).birthCertificate).toMatchObject({
      status: 'returned',
      returnReason: '出生地点与分娩记录不符',
      fieldsToFix: ['newborn.birthPlace'],
      deadline: null,
    });
    expect(bundleStatus(tasks)).toBe('returned');
    tasks = step(
      tasks,
      'birthCertificate',
      { kind: 'resubmit', corrections: { 'newborn.birthPlace': '维西县保和镇' } },
      '2026-03-10',
    );
    expect(byService(tasks).birthCertificate).toMatchObject({
      status: 'pending',
      returnReason: null,
      fieldsToFix: [],
      pendingSince: '2026-03-10',
      deadline: '2026-03-13',
    });
  });
});

describe('refused transitions', () => {
  const fresh = byService(newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL));
  const returned: BundleTask = { ...fresh.birthCertificate, status: 'returned', fieldsToFix: ['newborn.name'] };
  it.each<[string, BundleTask, TaskAction, string]>([
    [
      'completing a task still waiting',
      fresh.hukouRegistration,
      { kind: 'complete', input: COMPLETIONS.hukouRegistration },
      'task.wrongStatus',
    ],
    [
      "completing with another service's result",
      fresh.birthCertificate,
      { kind: 'complete', input: COMPLETIONS.vaccinationRecord },
      'task.wrongService',
    ],
    [
      'completing with a malformed certificate number',
      fresh.birthCertificate,
      { kind: 'complete', input: { service: 'birthCertificate', certificateNo: 'Q1' } },
      'task.invalidCompletion',
    ],
    [
      'a return without a reason',
      fresh.birthCertificate,
      { kind: 'return', reason: ' ', fields: ['newborn.name'] },
      'task.reasonRequired',
    ],
    [
      'a return naming no field',
      fresh.birthCertificate,
      { kind: 'return', reason: '请补正', fields: [] },
      'task.fieldsRequired',
    ],
    [
      'a hospital returning the hukou region, which it does not use',
      fresh.birthCertificate,
      { kind: 'return', reason: '落户地有误', fields: ['hukouRegionCode'] },
      'task.fieldNotUsed',
    ],
    [
      'returning a task still waiting',
      fresh.hukouRegistration,
      { kind: 'return', reason: '请补正', fields: ['newborn.name'] },
      'task.wrongStatus',
    ],
    [
      'resubmitting a task not returned',
      fresh.birthCertificate,
      { kind: 'resubmit', corrections: { 'newborn.name': '余禾' } },
      'task.wrongStatus',
    ],
    ['resubmitting without a correction', returned, { kind: 'resubmit', corrections: {} }, 'task.correctionsRequired'],
    [
      'correcting a field that was not returned',
      returned,
      { kind: 'resubmit', corrections: { 'newborn.name': '余禾', 'mother.phone': '13900139000' } },
      'task.correctionNotRequested',
    ],
    [
      'a dependency the task does not wait for',
      fresh.hukouRegistration,
      { kind: 'dependencyDone', service: 'vaccinationRecord' },
      'task.notWaitingFor',
    ],
    [
      'a dependency for a task already pending',
      fresh.birthCertificate,
      { kind: 'dependencyDone', service: 'birthCertificate' },
      'task.notWaitingFor',
    ],
  ])('refuses %s', (_, task, action, code) => {
    const r = transitionTask(task, action, ctx('2026-03-09'));
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message.zh && r.message.en).toBeTruthy();
  });

  it('passes the field errors of a bad completion on', () => {
    const pending: BundleTask = {
      ...fresh.hukouRegistration,
      status: 'pending',
      waitingFor: [],
      deadline: '2026-03-16',
    };
    const r = transitionTask(
      pending,
      { kind: 'complete', input: { service: 'hukouRegistration', idNumber: idOf('533423', '20260303', '002') } },
      ctx('2026-03-09'),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['idNumber']);
  });

  it('refuses to report a dependency done that is not', () => {
    const tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    expect(
      applyToBundle(
        tasks,
        'hukouRegistration',
        { kind: 'dependencyDone', service: 'birthCertificate' },
        ctx('2026-03-09'),
      ),
    ).toMatchObject({ ok: false, code: 'task.dependencyNotDone' });
  });

  it('refuses an action on a service the bundle does not have', () => {
    const tasks = newBundleTasks({ ...BUNDLE_FORM, services: ['vaccinationRecord'] }, SUBMITTED, CAL);
    expect(
      applyToBundle(
        tasks,
        'birthCertificate',
        { kind: 'complete', input: COMPLETIONS.birthCertificate },
        ctx('2026-03-09'),
      ),
    ).toMatchObject({ ok: false, code: 'task.wrongService' });
  });
});

describe('once hukou is registered, identity follows the hukou record', () => {
  const registered = () => {
    let tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    tasks = step(tasks, 'birthCertificate', { kind: 'complete', input: COMPLETIONS.birthCertificate }, '2026-03-09');
    return step(tasks, 'hukouRegistration', { kind: 'complete', input: COMPLETIONS.hukouRegistration }, '2026-03-10');
  };

  it.each<[BundleService, CorrectableField]>([
    ['medicalInsuranceEnrollment', 'newborn.name'],
    ['medicalInsuranceEnrollment', 'mother.idNumber'],
    ['medicalInsuranceEnrollment', 'father.name'],
    ['vaccinationRecord', 'newborn.birthDate'],
    ['vaccinationRecord', 'newborn.sex'],
  ])('refuses %s returning %s', (service, field) => {
    const r = applyToBundle(
      registered(),
      service,
      { kind: 'return', reason: '请核对', fields: [field] },
      ctx('2026-03-11'),
    );
    expect(r).toMatchObject({ ok: false, code: 'task.hukouRegistered' });
    if (!r.ok)
      expect(r.message).toEqual({
        zh: expect.stringContaining('户口已登记，身份信息以户籍为准'),
        en: expect.stringContaining('hukou is registered; identity follows the hukou record'),
      });
  });

  it('still lets a department return a phone, and lets any field be returned before hukou is done', () => {
    expect(
      applyToBundle(
        registered(),
        'medicalInsuranceEnrollment',
        { kind: 'return', reason: '电话打不通', fields: ['mother.phone'] },
        ctx('2026-03-11'),
      ).ok,
    ).toBe(true);
    const early = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    expect(
      applyToBundle(
        early,
        'vaccinationRecord',
        { kind: 'return', reason: '请核对', fields: ['newborn.birthDate'] },
        ctx('2026-03-09'),
      ).ok,
    ).toBe(true);
  });

  it('refuses a correction that changes an identity field returned before hukou was done, and takes one that keeps the registered value', () => {
    let tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    tasks = step(
      tasks,
      'vaccinationRecord',
      { kind: 'return', reason: '姓名有误', fields: ['newborn.name'] },
      '2026-03-09',
    );
    tasks = step(tasks, 'birthCertificate', { kind: 'complete', input: COMPLETIONS.birthCertificate }, '2026-03-09');
    tasks = step(tasks, 'hukouRegistration', { kind: 'complete', input: COMPLETIONS.hukouRegistration }, '2026-03-10');
    const resubmit = (name: string) => {
      const corrections = { 'newborn.name': name };
      return applyToBundle(
        tasks,
        'vaccinationRecord',
        { kind: 'resubmit', corrections },
        { ...ctx('2026-03-11', applyCorrections(BUNDLE_FORM, corrections)), previous: BUNDLE_FORM },
      );
    };
    expect(resubmit('余小苗')).toMatchObject({ ok: false, code: 'task.hukouRegistered' });
    expect(resubmit(` ${BUNDLE_FORM.newborn.name} `).ok).toBe(true);
  });
});

describe('the 90 days of medical insurance', () => {
  it('keeps the enrolment deadline of the submission when the birth date is corrected, and judges lateness by it', () => {
    let tasks = newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL);
    expect(byService(tasks).medicalInsuranceEnrollment.enrolmentDeadline).toBe('2026-05-31');
    tasks = step(
      tasks,
      'birthCertificate',
      { kind: 'return', reason: '出生日期与分娩记录不符', fields: ['newborn.birthDate'] },
      '2026-03-09',
    );
    const corrections = { 'newborn.birthDate': '2026-03-05' };
    const later = { ...BUNDLE_FORM, newborn: { ...BUNDLE_FORM.newborn, birthDate: '2026-03-05' } };
    const r = applyToBundle(
      tasks,
      'birthCertificate',
      { kind: 'resubmit', corrections },
      { ...ctx('2026-03-10', later), previous: BUNDLE_FORM },
    );
    if (!r.ok) throw new Error(r.code);
    expect(byService(r.tasks).medicalInsuranceEnrollment.enrolmentDeadline).toBe('2026-05-31');
    const insurance: BundleTask = {
      ...byService(r.tasks).medicalInsuranceEnrollment,
      status: 'pending',
      waitingFor: [],
      deadline: '2026-06-08',
    };
    // 2026-06-02 is within 90 days of the corrected birth date, not of the one the deadline was fixed from.
    const done = transitionTask(
      insurance,
      { kind: 'complete', input: { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-06-02' } },
      ctx('2026-06-02', later),
    );
    expect(done.ok && done.task.record).toEqual({
      service: 'medicalInsuranceEnrollment',
      enrolledOn: '2026-06-02',
      lateEnrolment: true,
    });
    const returned: BundleTask = { ...insurance, status: 'returned', deadline: null, fieldsToFix: ['newborn.name'] };
    const back = transitionTask(
      returned,
      { kind: 'resubmit', corrections: { 'newborn.name': '余禾' } },
      ctx('2026-03-12', later),
    );
    expect(back.ok && back.task.enrolmentDeadline).toBe('2026-05-31');
  });
});

describe('deadlines and status', () => {
  it('highlights a pending task on and after its deadline', () => {
    const t = byService(newBundleTasks(BUNDLE_FORM, SUBMITTED, CAL));
    expect(taskDeadlineState(t.birthCertificate, '2026-03-10')).toBe('onTime');
    expect(taskDeadlineState(t.birthCertificate, '2026-03-11')).toBe('dueToday');
    expect(taskDeadlineState(t.birthCertificate, '2026-03-12')).toBe('overdue');
    expect(taskDeadlineState(t.hukouRegistration, '2026-03-12')).toBeNull();
  });

  it('refuses to call an empty bundle anything', () => {
    expect(() => bundleStatus([])).toThrow(RangeError);
  });
});

describe('invariants over any sequence of actions', () => {
  const services = fc.subarray([...BUNDLE_SERVICE_NAMES], { minLength: 1 });
  const action = fc.tuple(
    fc.constantFrom(...BUNDLE_SERVICE_NAMES),
    fc.constantFrom('complete', 'return', 'resubmit', 'dependencyDone'),
    fc.constantFrom(...BUNDLE_SERVICE_NAMES),
  );
  const toAction = (service: BundleService, kind: string, other: BundleService): TaskAction => {
    if (kind === 'complete') return { kind, input: COMPLETIONS[service] };
    if (kind === 'return') return { kind, reason: '请补正', fields: [bundleServiceDefinition(service).formFields[0]!] };
    if (kind === 'resubmit')
      return { kind, corrections: { [bundleServiceDefinition(service).formFields[0]!]: '余禾' } };
    return { kind: 'dependencyDone', service: other };
  };

  it('never starts a task before the tasks it depends on are done, and keeps a deadline exactly while pending', () => {
    fc.assert(
      fc.property(services, fc.array(action, { maxLength: 30 }), (wanted, actions) => {
        const form = {
          ...BUNDLE_FORM,
          services: wanted,
          existingBirthCertificateNo: 'Q530012345',
          existingNewbornIdNumber: NEWBORN_ID,
        };
        let tasks = newBundleTasks(form, SUBMITTED, CAL);
        for (const [service, kind, other] of actions) {
          const r = applyToBundle(tasks, service, toAction(service, kind, other), ctx('2026-03-10', form));
          if (r.ok) tasks = r.tasks;
          const status = byService(tasks);
          for (const t of tasks) {
            const deps = bundleServiceDefinition(t.service).dependsOn.filter((d) => wanted.includes(d));
            if (t.status !== 'waiting') expect(deps.every((d) => status[d].status === 'done')).toBe(true);
            expect(t.deadline !== null).toBe(t.status === 'pending');
            expect(t.record !== null).toBe(t.status === 'done');
          }
        }
      }),
    );
  });
});
