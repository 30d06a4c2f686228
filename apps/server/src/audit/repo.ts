import type { Conn } from '../db/client.js';
import { pageOf } from '../db/paging.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { auditAnchors, auditLog } from '../db/schema.js';

export interface AuditFilter {
  action?: string | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: string | undefined;
  /** What an entry concerns: a type ('paymentBatch', 'person'), and its id with it. */
  targetType?: string | undefined;
  targetId?: string | undefined;
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
  const { w, params } = whereOf(filter);
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
  const paged = pageOf(params, page, pageSize);
  const rows = await tx.query<AuditRow>(
    `SELECT ${columnsOf(auditLog, LISTED)} FROM audit_log ${w} ORDER BY seq DESC ${paged.sql}`,
    paged.params,
  );
  return { total: Number(total[0]!.n), rows };
}

function whereOf(filter: AuditFilter, params: unknown[] = []): { w: string; params: unknown[] } {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.action) add('action = ?', filter.action);
  if (filter.username) add('username = ?', filter.username);
  if (filter.from) add('at >= ?::date', filter.from);
  if (filter.to) add("at < ?::date + interval '1 day'", filter.to);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.targetType) add('target_type = ?', filter.targetType);
  if (filter.targetId) add('target_id = ?', filter.targetId);
  return { w: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * The entries under the filter, newest first, a chunk at a time by seq (an export of any size:
 * each chunk is one indexed query, memory stays flat).
 */
export async function* auditChunks(tx: Conn, filter: AuditFilter, chunk = 5_000): AsyncGenerator<AuditRow[]> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const { w, params } = whereOf(filter, [before]);
    const rows = await tx.query<AuditRow>(
      `SELECT ${columnsOf(auditLog, LISTED)} FROM audit_log ${w ? `${w} AND` : 'WHERE'} seq < $1
       ORDER BY seq DESC LIMIT ${Number(chunk)}`,
      params,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < chunk) return;
    before = Number(rows[rows.length - 1]!.seq);
  }
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

/**
 * Staff members' display names by id, for lists that name who did what (the audit log, a
 * batch's steps). On the owner connection: users are not a scoped table, and a colleague's name
 * is no secret among the staff who see the record.
 */
export async function findDisplayNames(
  conn: Conn,
  /** null: every user's (a staff list is short). */
  ids: readonly (number | null)[] | null,
): Promise<Map<number, string>> {
  const wanted = ids && [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted?.length === 0) return new Map();
  const rows = await conn.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM users ${wanted ? 'WHERE id = ANY($1::bigint[])' : ''}`,
    wanted ? [wanted] : [],
  );
  return new Map(rows.map((r) => [Number(r.id), r.display_name]));
}

/** The names of the persons entries concern, those the scope shows (row-level security). */
export async function findPersonNames(tx: Conn, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM persons WHERE id = ANY($1::bigint[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
