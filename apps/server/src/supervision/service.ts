import type {
  MilestoneBody,
  NoticeBody,
  ProgressReportBody,
  KeyTaskDetail,
  KeyTaskList,
  KeyTaskQuery,
} from '@cradle/contract';
import { chinaDateOf, taskStatus } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { enqueueNotifications } from '../notifications/index.js';
import type { SessionUser } from '../auth/index.js';
import type { ScorecardService } from '../monitoring/index.js';
import { supervisionError } from './errors.js';
import * as repo from './repo.js';
import * as reports from './reports-repo.js';
import { rolesIn, taskContext, taskItem, type TaskContext } from './views.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

/** The county a user's supervision rows belong to: the first six digits of its jurisdiction. */
export const countyOf = (user: SessionUser) => user.jurisdictionCode.slice(0, 6);

export function createSupervisionService(deps: { database: Database; scorecard: ScorecardService; now: () => Date }) {
  const { database, scorecard, now } = deps;
  const today = () => chinaDateOf(now());
  const scoped = <T>(user: SessionUser, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);
  const audit = (
    tx: Conn,
    a: Actor,
    action: string,
    targetType: string,
    id: number,
    details?: Record<string, unknown>,
  ) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType,
      targetId: String(id),
      outcome: 'success',
      details,
    });

  /** The task as this user may see it: a liaison only its units' tasks (need to know). */
  async function visibleTask(tx: Conn, user: SessionUser, id: number, lock = false) {
    const task = await repo.findTask(tx, id, lock);
    if (!task) throw supervisionError('supervision.notFound');
    const ctx = await taskContext(tx, user, [id]);
    const roles = rolesIn(ctx, id);
    if (roles === null) throw supervisionError('supervision.notFound');
    return { task, ctx, roles };
  }

  async function indicatorOf(user: SessionUser, code: string | null) {
    const plans = (await scorecard.plans(user)).items
      .filter((p) => countyOf(user).startsWith(p.jurisdictionCode))
      // The county's own plan (004) before the province's: its targets are the ones its tasks name.
      .sort((a, b) => b.jurisdictionCode.length - a.jurisdictionCode.length);
    const plan = plans[0];
    const choices = plan
      ? [...new Map(plan.targets.map((t) => [t.indicator, { code: t.indicator, name: t.name }])).values()]
      : [];
    if (!plan || !code) return { indicator: null, choices };
    const card = await scorecard.scorecard(user, { plan: plan.code, region: countyOf(user) });
    const row = card.rows.find((r) => r.target.indicator === code);
    if (!row) return { indicator: null, choices };
    return {
      indicator: {
        code,
        name: row.target.name,
        unit: row.target.unit,
        target: row.target.quote,
        value: row.current.value,
        status: row.current.status,
        year: card.year,
      },
      choices,
    };
  }

  /** The task's detail but its indicator, read in one scoped transaction. */
  async function readDetail(
    tx: Conn,
    user: SessionUser,
    id: number,
  ): Promise<{ detail: Omit<KeyTaskDetail, 'indicator' | 'indicatorChoices'>; indicatorCode: string | null }> {
    const { task, ctx, roles } = await visibleTask(tx, user, id);
    const day = today();
    const rows = await reports.listReports(tx, id);
    const evidence = await reports.listEvidence(
      tx,
      rows.map((r) => r.id),
    );
    const milestones = await reports.listMilestones(tx, id);
    const notices = await reports.listNotices(tx, id);
    const unitName = (u: number) => ctx.units.get(u)?.name ?? '';
    const detail = {
      task: taskItem(ctx, task, day, roles),
      milestones: milestones.map((m) => ({
        ...m,
        status: taskStatus({ dueOn: m.dueOn, recurrence: null, completedOn: task.completedOn }, day),
      })),
      reports: rows.map((r) => ({
        ...r,
        unitName: unitName(r.unitId),
        evidence: evidence.filter((e) => e.reportId === r.id).map(({ reportId: _, ...e }) => e),
      })),
      notices: notices.map((n) => ({
        id: n.id,
        unitName: unitName(n.unitId),
        note: n.note,
        sentByName: n.sentByName,
        sentAt: new Date(n.sentAt).toISOString(),
      })),
      planEndsOn: ctx.planEndsOn,
    };
    return { detail, indicatorCode: task.indicatorCode };
  }

  /**
   * The whole detail: the task in a scoped read, then the indicator's live value from the
   * scorecard, which opens its own scoped read (after, never inside: PGlite has one connection).
   */
  async function detailOf(user: SessionUser, id: number): Promise<KeyTaskDetail> {
    const { detail, indicatorCode } = await scoped(user, (tx) => readDetail(tx, user, id));
    const { indicator, choices } = await indicatorOf(user, indicatorCode);
    return { ...detail, indicator, indicatorChoices: choices };
  }

  function listIn(ctx: TaskContext, rows: repo.TaskRow[], q: KeyTaskQuery) {
    const day = today();
    return rows.flatMap((t) => {
      const roles = rolesIn(ctx, t.id);
      if (roles === null) return [];
      const item = taskItem(ctx, t, day, roles);
      if (q.status && item.status !== q.status) return [];
      if (q.section && item.section !== q.section) return [];
      if (q.unit && !(ctx.taskUnits.get(t.id) ?? []).some((u) => u.unitId === q.unit)) return [];
      return [item];
    });
  }

  return {
    today,
    async tasks(user: SessionUser, q: KeyTaskQuery): Promise<KeyTaskList> {
      return scoped(user, async (tx) => {
        const ctx = await taskContext(tx, user);
        const items = listIn(ctx, await repo.listTasks(tx), q);
        const myUnits = (ctx.myUnitIds ?? []).map((id) => ({ id, name: ctx.units.get(id)?.name ?? '' }));
        return { items, planEndsOn: ctx.planEndsOn, myUnits };
      });
    },

    detail: (a: Actor, id: number) => detailOf(a.user, id),

    /** The county sets a milestone; none after the plan's end (004: 到 2025 年). */
    async addMilestone(a: Actor, id: number, body: MilestoneBody): Promise<KeyTaskDetail> {
      const taskId = await scoped(a.user, async (tx) => {
        const { ctx } = await visibleTask(tx, a.user, id, true);
        if (ctx.planEndsOn && body.dueOn > ctx.planEndsOn) throw supervisionError('supervision.milestoneAfterPlan');
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO supervision_milestones (task_id, region_code, title, due_on, created_by)
           VALUES ($1, $2, $3, $4, $5) RETURNING id::int AS id`,
          [id, countyOf(a.user), body.title, body.dueOn, a.user.id],
        );
        await audit(tx, a, 'supervision.addMilestone', 'keyTask', id, { milestoneId: row!.id, dueOn: body.dueOn });
        return id;
      });
      return detailOf(a.user, taskId);
    },

    async linkIndicator(a: Actor, id: number, code: string | null): Promise<KeyTaskDetail> {
      if (code !== null) {
        const { choices } = await indicatorOf(a.user, null);
        if (!choices.some((c) => c.code === code)) throw supervisionError('supervision.unknownIndicator');
      }
      const taskId = await scoped(a.user, async (tx) => {
        await visibleTask(tx, a.user, id, true);
        await tx.query('UPDATE supervision_tasks SET indicator_code = $2 WHERE id = $1', [id, code]);
        await audit(tx, a, 'supervision.linkIndicator', 'keyTask', id, { indicator: code });
        return id;
      });
      return detailOf(a.user, taskId);
    },

    /** 督办: a notice to a late unit's liaisons, through the outbox, and kept with the task. */
    async sendNotice(a: Actor, id: number, body: NoticeBody): Promise<KeyTaskDetail> {
      const taskId = await scoped(a.user, async (tx) => {
        const { task, ctx } = await visibleTask(tx, a.user, id, true);
        const status = taskStatus(task, today());
        const unit = ctx.units.get(body.unitId);
        const part = (ctx.taskUnits.get(id) ?? []).some((u) => u.unitId === body.unitId);
        if (!unit || !part || (status !== 'overdue' && status !== 'dueSoon'))
          throw supervisionError('supervision.notLate');
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO supervision_notices (task_id, unit_id, region_code, note, sent_by, sent_by_name)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int AS id`,
          [id, unit.id, countyOf(a.user), body.note, a.user.id, a.user.displayName],
        );
        const label = task.number ? `#${task.number}` : `(${task.clause})`;
        const message = {
          zh: `督办通知:重点任务${label}${status === 'overdue' ? '已逾期' : '即将到期'},请${unit.name}抓紧落实并报告进展。${body.note}`,
          en: `Supervision notice: key task ${label} is ${status === 'overdue' ? 'overdue' : 'due soon'}; ${unit.name}, please act and report progress. ${body.note}`,
        };
        const named = (await repo.listNamedLiaisons(tx)).filter((l) => l.unitId === unit.id);
        await enqueueNotifications(tx, [
          ...(unit.department
            ? [
                {
                  recipient: { department: unit.department },
                  regionCode: countyOf(a.user),
                  channels: ['inApp' as const],
                  topic: 'supervision.notice',
                  subject: { kind: 'keyTask', id },
                  body: message,
                },
              ]
            : []),
          ...named.map((l) => ({
            recipient: { userId: l.userId },
            regionCode: countyOf(a.user),
            channels: ['inApp' as const],
            topic: 'supervision.notice',
            subject: { kind: 'keyTask', id },
            body: message,
          })),
        ]);
        await audit(tx, a, 'supervision.sendNotice', 'keyTask', id, { noticeId: row!.id, unitId: unit.id, status });
        return id;
      });
      return detailOf(a.user, taskId);
    },

    /** A liaison reports for one of its units on a task that unit has a part in; nothing else. */
    async submit(a: Actor, id: number, body: ProgressReportBody): Promise<KeyTaskDetail> {
      const taskId = await scoped(a.user, async (tx) => {
        const task = await repo.findTask(tx, id, true);
        if (!task) throw supervisionError('supervision.notFound');
        const mine = await repo.unitIdsOfUser(tx, a.user);
        const units = await repo.listTaskUnits(tx, [id]);
        if (!mine.includes(body.unitId) || !units.some((u) => u.unitId === body.unitId))
          throw supervisionError('supervision.notYourUnit');
        const reportId = await reports.insertReport(tx, {
          taskId: id,
          unitId: body.unitId,
          regionCode: countyOf(a.user),
          period: body.period,
          text: body.text,
          figures: body.figures,
          completes: body.completes,
          submittedBy: a.user.id,
          submittedByName: a.user.displayName,
        });
        const claimed = await reports.claimEvidence(tx, reportId, a.user.id, body.evidenceIds);
        if (claimed !== body.evidenceIds.length) throw supervisionError('supervision.evidence');
        await audit(tx, a, 'supervision.submitReport', 'keyTask', id, {
          reportId,
          unitId: body.unitId,
          period: body.period,
          evidence: body.evidenceIds.length,
        });
        return id;
      });
      return detailOf(a.user, taskId);
    },

    /** The office accepts a report; one that says the task is done completes it. */
    async accept(a: Actor, reportId: number): Promise<KeyTaskDetail> {
      const taskId = await scoped(a.user, async (tx) => {
        const r = await reports.findReport(tx, reportId);
        if (!r) throw supervisionError('supervision.notFound');
        if (r.state !== 'submitted') throw supervisionError('supervision.notSubmitted');
        await reports.decideReport(tx, reportId, {
          state: 'accepted',
          by: a.user.id,
          byName: a.user.displayName,
          reason: null,
        });
        if (r.completes)
          await tx.query('UPDATE supervision_tasks SET completed_on = $2 WHERE id = $1', [r.taskId, today()]);
        await audit(tx, a, 'supervision.acceptReport', 'keyTask', r.taskId, { reportId, completes: r.completes });
        return r.taskId;
      });
      return detailOf(a.user, taskId);
    },

    async sendBack(a: Actor, reportId: number, reason: string): Promise<KeyTaskDetail> {
      const taskId = await scoped(a.user, async (tx) => {
        const r = await reports.findReport(tx, reportId);
        if (!r) throw supervisionError('supervision.notFound');
        if (r.state !== 'submitted') throw supervisionError('supervision.notSubmitted');
        await reports.decideReport(tx, reportId, {
          state: 'sentBack',
          by: a.user.id,
          byName: a.user.displayName,
          reason,
        });
        await audit(tx, a, 'supervision.sendBackReport', 'keyTask', r.taskId, { reportId, reason });
        return r.taskId;
      });
      return detailOf(a.user, taskId);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
