import type { FastifyRequest } from 'fastify';
import { sqlValue, type Conn, type Database } from '../db/client.js';
import { pageOf } from '../db/paging.js';
import { withScope } from '../db/scope.js';
import type { AuditPage, AuditQuery } from './schemas.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  jurisdictionCode: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  clientIp: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one hash-chained entry through cradle_append_audit() (migration 0001). Pass the
 * transaction of the write being audited, so both commit or neither does. In a transaction the
 * entry is written in the same round trip as COMMIT (Conn.beforeCommit): the chain's lock is then
 * held by the server alone, for the commit. So an entry is not visible to the transaction's own
 * later reads: `now` writes it at once, for the few answers that show a record's history.
 */
export async function appendAudit(
  conn: Conn,
  e: AuditEntry,
  when: 'beforeCommit' | 'now' = 'beforeCommit',
): Promise<void> {
  const values = [
    e.userId,
    e.username,
    e.jurisdictionCode,
    e.action,
    e.targetType ?? null,
    e.targetId ?? null,
    e.outcome,
    e.clientIp,
    e.details ? JSON.stringify(e.details) : null,
  ];
  if (conn.beforeCommit && when === 'beforeCommit') {
    conn.beforeCommit(
      `SELECT cradle_append_audit(${values.slice(0, 8).map(sqlValue).join(', ')}, ${sqlValue(values[8] ?? null)}::jsonb)`,
    );
    return;
  }
  await conn.query('SELECT cradle_append_audit($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)', values);
}

/** The actor part of an entry, from the request's session. */
export function actorOf(
  req: FastifyRequest,
): Pick<AuditEntry, 'userId' | 'username' | 'jurisdictionCode' | 'clientIp'> {
  return {
    userId: req.user?.id ?? null,
    username: req.user?.username ?? null,
    jurisdictionCode: req.user?.jurisdictionCode ?? null,
    clientIp: req.ip,
  };
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Recomputes every entry's hash and its link to the one before, in seq order, and names
 * the first entry that does not match. Runs as the owner: the whole chain, not one
 * jurisdiction's slice.
 */
export async function verifyAuditChain(database: Database): Promise<ChainCheck> {
  const rows = await database.query<{ seq: number; n: number; reason: string | null }>(`
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
  const total = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  const broken = rows[0];
  const checked = Number(total[0]!.n);
  if (!broken) return { ok: true, checked, firstBroken: null };
  const reason =
    broken.reason === 'hash' ? 'entry content does not match its hash' : 'entry does not chain to the previous entry';
  return { ok: false, checked: Number(broken.n) - 1, firstBroken: { seq: Number(broken.seq), reason } };
}

/** A page of the audit log of a jurisdiction, newest first, filtered by action, user and dates. */
export async function listAuditEntries(
  database: Database,
  jurisdictionCode: string,
  q: AuditQuery,
): Promise<AuditPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.action) add('action = ?', q.action);
  if (q.username) add('username = ?', q.username);
  if (q.from) add('at >= ?::date', q.from);
  if (q.to) add("at < ?::date + interval '1 day'", q.to);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return withScope(database, { jurisdictionCode }, async (tx) => {
    const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
    const paged = pageOf(params, q.page, q.pageSize);
    const rows = await tx.query(
      `SELECT seq, at, user_id, username, action, target_type, target_id, outcome, client_ip, details FROM audit_log ${w}
      ORDER BY seq DESC ${paged.sql}`,
      paged.params,
    );
    return {
      total: Number(total[0]!.n),
      items: rows.map((r) => ({
        seq: Number(r.seq),
        at: new Date(r.at as string).toISOString(),
        userId: r.user_id === null ? null : Number(r.user_id),
        username: r.username as string | null,
        action: r.action as string,
        targetType: r.target_type as string | null,
        targetId: r.target_id as string | null,
        outcome: r.outcome as string,
        clientIp: r.client_ip as string | null,
        details: r.details,
      })),
    };
  });
}
