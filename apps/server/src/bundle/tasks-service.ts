import {
  applyToBundle,
  bundleStatus,
  chinaDateOf,
  type BundleService,
  type CompletionInput,
  type CorrectableField,
  type TaskAction,
  type WorkingDayCalendar,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/service.js';
import type { SessionUser } from '../auth/session.js';
import { AppError, pick, type Lang } from '../errors.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import type { NewbornEntitlements } from '../benefits/newborn-entitlements.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { bundleError, taskRefused } from './errors.js';
import { formOf, type Crypto } from './form.js';
import { recomputeParity, registerNewborn } from './newborn-registry.js';
import { declaredParents } from './parents.js';
import * as notify from './notify.js';
import { queueCounts, queuePage } from './queue-repo.js';
import { findBundle, findTask, findTasks, saveTasks, updateBundle, type BundleRow, type TaskRow } from './repo.js';
import type { TaskCompleteBody, TaskDetail, TaskQueue, TaskQueueQuery } from '@cradle/contract';
import { bulkInput, changedTasks, completionInput, domainTasks, storedBundleStatus, storedResult } from './tasks.js';
import { queueRowView, taskDetailView } from './views.js';

/**
 * The department operators' side (issue 4: "each department operator sees only its own task
 * queue for its jurisdiction"): jurisdiction by row-level security, department here. County
 * administrators and leaders read every department's tasks; only the task's own department acts.
 * A task of another department answers as if it did not exist (404).
 */
export function createBundleTaskService(deps: FamilyServiceDeps, entitlements: NewbornEntitlements) {
  const { database, calendar, regions, dispatcher } = deps;
  const c: Crypto = { pii: deps.pii, keys: deps.keys };
  const readsAll = (u: SessionUser) => u.roles.includes('countyAdmin') || u.roles.includes('leader');
  const handles = (u: SessionUser, t: TaskRow) =>
    u.roles.includes('departmentOperator') && u.department === t.department;
  const audit = (
    u: SessionUser,
    ip: string,
    action: string,
    taskId: number,
    details: Record<string, unknown> | null,
    outcome: 'success' | 'denied' = 'success',
  ) => ({
    userId: u.id,
    username: u.username,
    jurisdictionCode: u.jurisdictionCode,
    clientIp: ip,
    action,
    targetType: 'bundleTask',
    targetId: String(taskId),
    outcome,
    details,
  });
  const ref = (b: BundleRow): notify.BundleRef => ({
    id: b.id,
    bundleNo: b.bundle_no,
    regionCode: b.region_code,
    residentId: b.resident_id,
    newbornName: b.newborn_name,
  });

  /**
   * The task as its reader sees it. The registry matches of declared parents go to public
   * security alone, while its hukou task is pending: it confirms them before they are linked.
   */
  async function detailIn(
    tx: Conn,
    u: SessionUser,
    taskId: number,
    bundleId: number,
    today: string,
  ): Promise<TaskDetail> {
    const b = (await findBundle(tx, bundleId))!;
    const rows = await findTasks(tx, [bundleId]);
    const row = rows.find((r) => r.id === taskId)!;
    const confirming = row.service === 'hukouRegistration' && row.status === 'pending' && handles(u, row);
    return taskDetailView(
      b,
      rows,
      taskId,
      regions,
      today,
      confirming ? await declaredParents(tx, c, b, formOf(b, c)) : [],
    );
  }

  /**
   * One action on one task, by its department, in the caller's transaction: the domain decides
   * (applyToBundle), this stores what changed, registers the newborn on a hukou completion,
   * writes the outbox and the audit entry.
   */
  async function act(
    tx: Conn,
    u: SessionUser,
    id: number,
    ip: string,
    now: Date,
    cal: WorkingDayCalendar,
    build: (s: BundleService, today: string) => TaskAction | null,
    confirmDeclared: boolean,
  ) {
    const today = chinaDateOf(now);
    const row = await findTask(tx, id);
    if (!row || !handles(u, row)) throw bundleError('bundle.notFound');
    const b = (await findBundle(tx, row.bundle_id, true))!;
    const rows = await findTasks(tx, [b.id]);
    const tasks = domainTasks(rows, b);
    const service = row.service as BundleService;
    const action = build(service, today);
    if (action === null) throw bundleError('bundle.bulkNotAllowed');
    const form = formOf(b, c);
    const outcome = applyToBundle(tasks, service, action, { today, calendar: cal, form });
    if (!outcome.ok) throw taskRefused(outcome.code, outcome.message, outcome.errors);
    const task = outcome.tasks.find((t) => t.service === service)!;
    const record = task.status === 'done' ? task.record! : null;
    const registered =
      record?.service === 'hukouRegistration'
        ? await registerNewborn(tx, c, u, b, form, record.idNumber, ip, confirmDeclared)
        : null;
    const result = record ? storedResult(record, registered, task.enrolmentDeadline) : undefined;
    await saveTasks(
      tx,
      b.id,
      changedTasks(tasks, outcome.tasks, {
        service,
        ...(result ? { result } : {}),
        by: { id: u.id, name: u.displayName },
      }),
    );
    const status = bundleStatus(outcome.tasks);
    await updateBundle(tx, b.id, {
      status: storedBundleStatus(status),
      ...(status === 'done' ? { completed_at: now } : {}),
      ...(registered ? { newborn_person_id: registered.personId, newborn_id_masked: registered.idMasked } : {}),
    });
    const started = outcome.tasks.filter((t, i) => t.status === 'pending' && tasks[i]!.status !== 'pending');
    await enqueueNotifications(tx, [
      ...(record
        ? notify.taskDone(
            ref(b),
            service,
            notify.completionDetail(record, registered?.idMasked ?? null),
            status === 'done',
          )
        : []),
      ...(action.kind === 'return' ? notify.taskReturned(ref(b), service, task.returnReason!, task.fieldsToFix) : []),
      ...started.map((t) =>
        notify.taskArrived(ref(b), t.service, rows.find((r) => r.service === t.service)!.id, t.deadline),
      ),
    ]);
    const details =
      action.kind === 'return'
        ? { bundleId: b.id, service, reason: task.returnReason, fields: task.fieldsToFix }
        : {
            bundleId: b.id,
            service,
            ...(record?.service === 'medicalInsuranceEnrollment' ? { lateEnrolment: record.lateEnrolment } : {}),
            ...(registered ? { personId: registered.personId } : {}),
          };
    await appendAudit(
      tx,
      audit(u, ip, action.kind === 'return' ? 'bundle.returnTask' : 'bundle.completeTask', id, details),
    );
    return { bundleId: b.id, registered, view: await detailIn(tx, u, id, b.id, today) };
  }

  async function run(
    u: SessionUser,
    id: number,
    ip: string,
    now: Date,
    build: (s: BundleService, today: string) => TaskAction | null,
    confirmDeclared = false,
  ): Promise<TaskDetail> {
    const cal = await calendar.current();
    const done = await withScope(database, u, (tx) => act(tx, u, id, ip, now, cal, build, confirmDeclared));
    const reg = done.registered;
    // Parity upkeep and 免申即享 run after the commit, without holding up the officer.
    if (reg)
      entitlements.handleSoon(
        reg.eventId,
        reg.motherId === null ? undefined : () => recomputeParity(database, reg.motherId!),
      );
    dispatcher.kick();
    return done.view;
  }

  const complete =
    (input: (s: BundleService, today: string) => CompletionInput | null) =>
    (s: BundleService, today: string): TaskAction | null => {
      const i = input(s, today);
      return i === null ? null : { kind: 'complete', input: i };
    };

  return {
    async queue(u: SessionUser, q: TaskQueueQuery, now = new Date()): Promise<TaskQueue> {
      const today = chinaDateOf(now);
      // An operator without a department has no queue: '' matches no task.
      const filter = { department: readsAll(u) ? (q.department ?? null) : (u.department ?? ''), query: q, today };
      return withScope(database, u, async (tx) => {
        const page = await queuePage(tx, filter);
        const { counts, overdue } = await queueCounts(tx, filter);
        return {
          items: page.rows.map((r) => queueRowView(r, regions, today)),
          total: page.total,
          page: q.page,
          pageSize: q.pageSize,
          counts,
          overdue,
        };
      });
    },

    /** Reading a task shows personal data: audited, and a refused look-up too (outside the rolled-back transaction). */
    async detail(u: SessionUser, id: number, ip: string, now = new Date()): Promise<TaskDetail> {
      try {
        return await withScope(database, u, async (tx) => {
          const row = await findTask(tx, id);
          if (!row || !(readsAll(u) || handles(u, row))) throw bundleError('bundle.notFound');
          const view = await detailIn(tx, u, id, row.bundle_id, chinaDateOf(now));
          // Registry data of declared parents, possibly from outside the jurisdiction: the audit names whose was shown.
          const shown = view.declaredParents.filter((p) => p.registry !== null).map((p) => p.role);
          await appendAudit(
            tx,
            audit(u, ip, 'bundle.viewTask', id, {
              bundleId: row.bundle_id,
              ...(shown.length > 0 ? { registryMatchesShown: shown } : {}),
            }),
          );
          return view;
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'bundle.notFound')
          await appendAudit(database, audit(u, ip, 'bundle.viewTask', id, null, 'denied'));
        throw e;
      }
    },

    complete: (u: SessionUser, id: number, body: TaskCompleteBody, ip: string, now = new Date()) =>
      run(
        u,
        id,
        ip,
        now,
        complete((s) => completionInput(s, body)),
        body.confirmDeclaredParents === true,
      ),

    returnTask: (
      u: SessionUser,
      id: number,
      body: { reason: string; fields: string[] },
      ip: string,
      now = new Date(),
    ) =>
      run(u, id, ip, now, () => ({ kind: 'return', reason: body.reason, fields: body.fields as CorrectableField[] })),

    /** Each task in its own transaction, so one refusal skips that task only; the outcome per id, in the caller's language. */
    async bulkComplete(u: SessionUser, ids: number[], ip: string, lang: Lang, now = new Date()) {
      const results = [];
      for (const id of [...new Set(ids)]) {
        try {
          await run(u, id, ip, now, complete(bulkInput));
          results.push({ id, outcome: 'done' as const, code: null, reason: null });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id, outcome: 'skipped' as const, code: e.code, reason: pick(e.userMessage, lang) });
        }
      }
      return { results };
    },
  };
}

export type BundleTaskService = ReturnType<typeof createBundleTaskService>;
