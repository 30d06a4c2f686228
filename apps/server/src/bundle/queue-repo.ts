import type { Conn } from '../db/client.js';
import type { TaskQueueQuery } from '@cradle/contract';
import { pageOf } from '../db/paging.js';

// A department's queue of bundle tasks: one query for the page, one for the counts, both under
// the caller's row-level security (tasks of their jurisdiction only).

export interface QueueRow {
  id: number;
  bundle_id: number;
  bundle_no: string;
  service: string;
  department: string;
  status: 'waiting' | 'pending' | 'returned' | 'done';
  deadline: string | null;
  late: boolean;
  /** Medical insurance: the 90-day date fixed at submission (null for tasks stored before it was kept). */
  enrolment_deadline: string | null;
  newborn_name: string;
  birth_date: string;
  mother_name: string;
  region_code: string;
  submitted_at: Date;
}

export interface QueueFilter {
  /** null: every department (county administrators and leaders). */
  department: string | null;
  query: TaskQueueQuery;
  today: string;
}

function whereOf(f: QueueFilter, withStatusFilters: boolean): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.department !== null) add((p) => `t.department = ${p}`, f.department);
  if (f.query.service) add((p) => `t.service = ${p}`, f.query.service);
  if (withStatusFilters) {
    if (f.query.status) add((p) => `t.status = ${p}`, f.query.status);
    // Only a task with its department has a deadline (bundle-tasks.ts: null unless pending).
    if (f.query.deadline === 'overdue') add((p) => `t.status = 'pending' AND t.deadline < ${p}::date`, f.today);
    if (f.query.deadline === 'dueToday') add((p) => `t.status = 'pending' AND t.deadline = ${p}::date`, f.today);
    if (f.query.deadline === 'onTime') add((p) => `t.status = 'pending' AND t.deadline > ${p}::date`, f.today);
    const q = f.query.q?.trim();
    if (q)
      add(
        (p) =>
          `(b.bundle_no = upper(${p}) OR b.newborn_name LIKE '%' || ${p} || '%' OR b.mother_name LIKE '%' || ${p} || '%')`,
        q.replace(/[\\%_]/g, (ch) => '\\' + ch),
      );
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const FROM = 'FROM bundle_tasks t JOIN newborn_bundles b ON b.id = t.bundle_id';

export async function queuePage(tx: Conn, f: QueueFilter): Promise<{ total: number; rows: QueueRow[] }> {
  const { sql, params } = whereOf(f, true);
  const [total] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${sql}`, params);
  const paged = pageOf(params, f.query.page, f.query.pageSize);
  const rows = await tx.query<QueueRow>(
    `SELECT t.id, t.bundle_id, b.bundle_no, t.service, t.department, t.status, t.deadline::text AS deadline, t.late, t.result->>'enrolmentDeadline' AS enrolment_deadline,
            b.newborn_name, b.birth_date::text AS birth_date, b.mother_name, b.region_code, b.submitted_at
     ${FROM} ${sql}
     -- Work first (pending, soonest deadline), then what waits on the family or another department, then done.
     ORDER BY CASE t.status WHEN 'pending' THEN 0 WHEN 'returned' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END, t.deadline NULLS LAST, t.id
     ${paged.sql}`,
    paged.params,
  );
  return {
    total: Number(total!.n),
    rows: rows.map((r) => ({ ...r, id: Number(r.id), bundle_id: Number(r.bundle_id) })),
  };
}

export async function queueCounts(
  tx: Conn,
  f: QueueFilter,
): Promise<{ counts: Record<QueueRow['status'], number>; overdue: number }> {
  const { sql, params } = whereOf(f, false);
  params.push(f.today);
  const rows = await tx.query<{ status: QueueRow['status']; n: number; overdue: number }>(
    `SELECT t.status, count(*)::int AS n, count(*) FILTER (WHERE t.status = 'pending' AND t.deadline < $${params.length}::date)::int AS overdue
     ${FROM} ${sql} GROUP BY t.status`,
    params,
  );
  const counts = { waiting: 0, pending: 0, returned: 0, done: 0 };
  let overdue = 0;
  for (const r of rows) {
    counts[r.status] = Number(r.n);
    overdue += Number(r.overdue);
  }
  return { counts, overdue };
}
