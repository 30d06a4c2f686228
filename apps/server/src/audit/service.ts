import type { FastifyRequest } from 'fastify';
import { sqlValue, type Conn, type Database } from '../db/client.js';
import { countAuditEntries, findFirstBrokenEntry } from './repo.js';
import { checkAnchors } from './anchor-check.js';
import type { Anchor, AnchorStore } from './anchors.js';
import { finding, type Finding } from './findings.js';
import { sealAuditLog } from './sealer.js';

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

export interface AuditCheck {
  ok: boolean;
  /** Entries whose hash chain verified (all, or those before the first broken one). */
  checked: number;
  /** Everything found wrong, first the chain's first broken entry, then the anchors'. */
  findings: Finding[];
  anchors: { count: number; anchoredThrough: number | null; lastAt: string | null; unanchored: number };
}

/**
 * Recomputes every entry's hash and its link to the one before, in seq order, then checks the
 * anchors (anchor-check.ts): truncation and re-chaining, which a chain the database can recompute
 * does not show. If all is well, seals the entries since the last anchor. Runs as the owner: the
 * whole chain, not one jurisdiction's slice.
 */
export async function verifyAuditLog(database: Database, store: AnchorStore): Promise<AuditCheck> {
  const broken = await findFirstBrokenEntry(database);
  const total = await countAuditEntries(database);
  const findings: Finding[] = [];
  if (broken) findings.push(finding.chain(broken));
  const check = await checkAnchors(database, store);
  findings.push(...check.findings);
  let sealed: Anchor | undefined;
  if (!findings.length) {
    const seal = await sealAuditLog(database, store);
    sealed = seal.sealed;
    findings.push(...seal.findings);
  }
  const anchors = sealed ? [...check.anchors, sealed] : check.anchors;
  const newest = anchors.at(-1);
  const anchoredThrough = newest?.seq ?? null;
  return {
    ok: findings.length === 0,
    checked: broken ? Number(broken.n) - 1 : total,
    findings,
    anchors: {
      count: anchors.length,
      anchoredThrough,
      lastAt: newest?.at ?? null,
      unanchored: Math.max(0, (check.tip?.seq ?? 0) - (anchoredThrough ?? 0)),
    },
  };
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * The hash chain alone, as the database can recompute it: names the first entry that does not
 * match, but cannot see the newest entries removed or the log re-chained (verifyAuditLog can).
 */
export async function verifyAuditChain(database: Database): Promise<ChainCheck> {
  const broken = await findFirstBrokenEntry(database);
  const checked = await countAuditEntries(database);
  if (!broken) return { ok: true, checked, firstBroken: null };
  const reason =
    broken.reason === 'hash' ? 'entry content does not match its hash' : 'entry does not chain to the previous entry';
  return { ok: false, checked: Number(broken.n) - 1, firstBroken: { seq: Number(broken.seq), reason } };
}
