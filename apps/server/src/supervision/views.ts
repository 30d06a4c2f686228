import type { KeyTaskItem, KeyTaskUnit } from '@cradle/contract';
import { deadlineInForce, ragOf, SUPERVISION_READERS, taskStatus, type TaskRole } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { SessionUser } from '../auth/index.js';
import * as repo from './repo.js';

/** What every task view needs: the directory, each task's units, and the viewer's own units. */
export interface TaskContext {
  units: Map<number, repo.UnitRow>;
  taskUnits: Map<number, repo.TaskUnitRow[]>;
  latest: Map<number, { period: string; state: 'submitted' | 'accepted' | 'sentBack'; unitId: number }>;
  /** null for the office and readers, who see every task; a liaison's units otherwise. */
  myUnitIds: number[] | null;
  planEndsOn: string | null;
}

/** A liaison sees its units' tasks only; the office and readers see the county's. */
export const isLiaison = (u: SessionUser) => !u.roles.some((r) => SUPERVISION_READERS.includes(r));

export async function taskContext(tx: Conn, user: SessionUser, taskIds?: readonly number[]): Promise<TaskContext> {
  const units = new Map((await repo.listUnits(tx)).map((u) => [u.id, u]));
  const taskUnits = new Map<number, repo.TaskUnitRow[]>();
  for (const r of await repo.listTaskUnits(tx, taskIds)) {
    const list = taskUnits.get(r.taskId) ?? [];
    list.push(r);
    taskUnits.set(r.taskId, list);
  }
  const latest = new Map((await repo.latestReports(tx)).map((r) => [r.taskId, r]));
  const myUnitIds = isLiaison(user) ? await repo.unitIdsOfUser(tx, user) : null;
  const [plan] = await repo.findPlanEnd(tx);
  return { units, taskUnits, latest, myUnitIds, planEndsOn: plan?.endsOn ?? null };
}

/** The viewer's roles in a task: a liaison's units' roles; null when the viewer may not see it. */
export function rolesIn(ctx: TaskContext, taskId: number): TaskRole[] | null {
  if (ctx.myUnitIds === null) return [];
  const mine = (ctx.taskUnits.get(taskId) ?? []).filter((r) => ctx.myUnitIds!.includes(r.unitId));
  return mine.length ? [...new Set(mine.map((r) => r.role))] : null;
}

export function taskItem(ctx: TaskContext, t: repo.TaskRow, today: string, myRoles: TaskRole[]): KeyTaskItem {
  const units = ctx.taskUnits.get(t.id) ?? [];
  const of = (role: TaskRole): KeyTaskUnit[] =>
    units
      .filter((u) => u.role === role)
      .map((u) => ({
        unitId: u.unitId,
        name: ctx.units.get(u.unitId)?.name ?? '',
        writtenAs: u.writtenAs,
        viaGroup: u.viaGroup,
      }));
  const status = taskStatus(t, today);
  const last = ctx.latest.get(t.id);
  return {
    id: t.id,
    number: t.number,
    source: t.source,
    section: t.section,
    clause: t.clause,
    text: t.text,
    leads: of('lead'),
    supports: of('support'),
    implementing: of('implementing'),
    responsibility: t.responsibility,
    dueOn: deadlineInForce(t.dueOn, t.recurrence, today),
    dueBasis: t.dueBasis,
    recurrence: t.recurrence,
    status,
    rag: ragOf(status),
    myRoles,
    lastReport: last
      ? { period: last.period, state: last.state, unitName: ctx.units.get(last.unitId)?.name ?? '' }
      : null,
    meetingId: t.meetingId,
  };
}
