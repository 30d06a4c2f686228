import type { Conn } from '../db/client.js';
import { pageOf } from '../db/paging.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { auditAnchors, auditLog } from '../db/schema.js';

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

/**
 * The first entry whose hash or link to the one before does not match, over the whole chain or,
 * given an anchored entry, over the entries after it (the first must link to its hash).
 */
export async function findFirstBrokenEntry(
  conn: Conn,
  after: { seq: number; hash: string } = { seq: 0, hash: '0'.repeat(64) },
): Promise<{ seq: number; n: number; reason: 'hash' | 'link' } | undefined> {
  const rows = await conn.query<{ seq: number; n: number; reason: 'hash' | 'link' }>(
    `
    WITH c AS (
      SELECT seq, prev_hash, hash,
        lag(hash) OVER (ORDER BY seq) AS actual_prev,
        row_number() OVER (ORDER BY seq) AS n,
        cradle_audit_entry_hash(seq, at, user_id, username, jurisdiction_code, action, target_type,
          target_id, outcome, client_ip, details, prev_hash) AS recomputed
      FROM audit_log WHERE seq > $1::bigint
    )
    SELECT seq, n, CASE
        WHEN hash <> recomputed THEN 'hash'
        WHEN prev_hash <> coalesce(actual_prev, $2) THEN 'link'
      END AS reason
    FROM c
    WHERE hash <> recomputed OR prev_hash <> coalesce(actual_prev, $2)
    ORDER BY seq LIMIT 1`,
    [after.seq, after.hash],
  );
  return rows[0];
}

export async function countAuditEntries(conn: Conn): Promise<number> {
  const total = await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return Number(total[0]!.n);
}

/** The newest entry: the chain's tip. */
export async function findLastEntry(conn: Conn): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await conn.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  return rows[0] && { seq: Number(rows[0].seq), hash: rows[0].hash };
}

/** The entries at the given seqs (those that exist), for comparing with anchors. */
export async function findEntryHashes(conn: Conn, seqs: number[]): Promise<Map<number, string>> {
  const rows = await conn.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])',
    [seqs],
  );
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}

/** Seqs in [from, to] with no entry (at most `limit`): where entries were deleted, or a rollback skipped one. */
export async function findMissingSeqs(conn: Conn, from: number, to: number, limit = 10): Promise<number[]> {
  const rows = await conn.query<{ s: number }>(
    `SELECT s FROM generate_series($1::bigint, $2::bigint) AS s
     WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = s) ORDER BY s LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((r) => Number(r.s));
}

export type AnchorRow = RowOf<typeof auditAnchors, 'seq' | 'hash' | 'at' | 'prevMac' | 'mac'>;

export async function listAnchorRows(conn: Conn): Promise<AnchorRow[]> {
  return conn.query<AnchorRow>(
    `SELECT ${columnsOf(auditAnchors, ['seq', 'hash', 'at', 'prevMac', 'mac'])} FROM audit_anchors ORDER BY seq`,
  );
}

export async function insertAnchorRow(
  conn: Conn,
  a: { seq: number; hash: string; at: string; prevMac: string; mac: string },
): Promise<void> {
  await conn.query('INSERT INTO audit_anchors (seq, hash, at, prev_mac, mac) VALUES ($1, $2, $3, $4, $5)', [
    a.seq,
    a.hash,
    a.at,
    a.prevMac,
    a.mac,
  ]);
}

/** Serialises sealers (several server processes, a verify in the console): one anchor chain, no forks. */
export async function lockSealing(tx: Conn): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7262002)');
}
