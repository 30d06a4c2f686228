import type { Conn } from '../db/client.js';
import { pageOf } from '../db/paging.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { auditLog } from '../db/schema.js';

export interface AuditFilter {
  action?: string | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const LISTED = [
  'seq',
  'at',
  'userId',
  'username',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'clientIp',
  'details',
] as const;
export type AuditRow = RowOf<typeof auditLog, (typeof LISTED)[number]>;

/** One page of the entries the scope shows (row-level security), newest first, and their total. */
export async function listAuditEntries(
  tx: Conn,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: AuditRow[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.action) add('action = ?', filter.action);
  if (filter.username) add('username = ?', filter.username);
  if (filter.from) add('at >= ?::date', filter.from);
  if (filter.to) add("at < ?::date + interval '1 day'", filter.to);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
  const paged = pageOf(params, page, pageSize);
  const rows = await tx.query<AuditRow>(
    `SELECT ${columnsOf(auditLog, LISTED)} FROM audit_log ${w} ORDER BY seq DESC ${paged.sql}`,
    paged.params,
  );
  return { total: Number(total[0]!.n), rows };
}

/** The first entry whose hash or link to the one before does not match, over the whole chain. */
export async function findFirstBrokenEntry(
  conn: Conn,
): Promise<{ seq: number; n: number; reason: 'hash' | 'link' } | undefined> {
  const rows = await conn.query<{ seq: number; n: number; reason: 'hash' | 'link' }>(`
    WITH c AS (
      SELECT seq, prev_hash, hash,
        lag(hash) OVER (ORDER BY seq) AS actual_prev,
        row_number() OVER (ORDER BY seq) AS n,
        cradle_audit_entry_hash(seq, at, user_id, username, jurisdiction_code, action, target_type,
          target_id, outcome, client_ip, details, prev_hash) AS recomputed
      FROM audit_log
    )
    SELECT seq, n, CASE
        WHEN hash <> recomputed THEN 'hash'
        WHEN prev_hash <> coalesce(actual_prev, repeat('0', 64)) THEN 'link'
      END AS reason
    FROM c
    WHERE hash <> recomputed OR prev_hash <> coalesce(actual_prev, repeat('0', 64))
    ORDER BY seq LIMIT 1`);
  return rows[0];
}

export async function countAuditEntries(conn: Conn): Promise<number> {
  const total = await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return Number(total[0]!.n);
}
