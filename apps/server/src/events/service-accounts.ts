import { isRegionCode, isWithinJurisdiction, kindsOfDepartment, type LifeEventKind } from '@cradle/domain';
import type { ServiceAccountBody, ServiceAccountView } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { hashToken, newToken, type SessionUser } from '../auth/index.js';
import { eventError } from './errors.js';

// Service accounts (服务账号, issue 13): a department's own system sends life events with a
// bearer token. The token is 32 random bytes (base64url), shown once; only its SHA-256 is kept, and
// its first 8 characters name it in lists. service_accounts has no row policy (a call is
// authenticated before any jurisdiction is known, migration 0026): every query here names the
// administrator's jurisdiction itself.

export interface ServiceAccount {
  id: number;
  name: string;
  department: string;
  jurisdictionCode: string;
  eventKinds: LifeEventKind[];
}

// The token's SHA-256 as the bytea column keeps it (the sessions' hashToken, as bytes).
const sha256 = (token: string) => Buffer.from(hashToken(token), 'hex');
const PREFIX_CHARS = 8;
// 32 bytes in base64url without padding.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const COLUMNS = `a.id, a.name, a.department, a.jurisdiction_code, coalesce(r.name, a.jurisdiction_code) AS jurisdiction_name, a.event_kinds,
  a.token_prefix, a.created_by_name, a.created_at, a.rotated_at, a.revoked_at, a.last_used_at`;
const FROM = 'service_accounts a LEFT JOIN regions r ON r.code = a.jurisdiction_code';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
function viewOf(r: Record<string, unknown>): ServiceAccountView {
  return {
    id: Number(r.id),
    name: String(r.name),
    department: String(r.department),
    jurisdictionCode: String(r.jurisdiction_code),
    jurisdictionName: String(r.jurisdiction_name),
    eventKinds: r.event_kinds as LifeEventKind[],
    tokenPrefix: String(r.token_prefix),
    createdByName: String(r.created_by_name),
    createdAt: iso(r.created_at)!,
    rotatedAt: iso(r.rotated_at),
    revokedAt: iso(r.revoked_at),
    lastUsedAt: iso(r.last_used_at),
  };
}

interface Admin {
  user: SessionUser;
  clientIp: string;
}

export function createServiceAccounts(database: Database) {
  const scoped = <T>(a: Admin, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const audit = (tx: Conn, a: Admin, action: string, id: number, details: Record<string, unknown> = {}) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType: 'serviceAccount',
      targetId: String(id),
      outcome: 'success',
      details,
    });
  const find = async (tx: Conn, id: number) => {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1 AND cradle_in_jurisdiction(a.jurisdiction_code)`,
      [id],
    );
    if (!row) throw eventError('serviceAccount.notFound');
    return viewOf(row);
  };

  return {
    list: (a: Admin) =>
      scoped(a, async (tx) =>
        (
          await tx.query(
            `SELECT ${COLUMNS} FROM ${FROM} WHERE cradle_in_jurisdiction(a.jurisdiction_code) ORDER BY a.revoked_at IS NOT NULL, a.id DESC`,
          )
        ).map(viewOf),
      ),

    async create(a: Admin, body: ServiceAccountBody) {
      if (!isRegionCode(body.jurisdictionCode) || !isWithinJurisdiction(body.jurisdictionCode, a.user.jurisdictionCode))
        throw eventError('serviceAccount.jurisdiction');
      const allowed = kindsOfDepartment(body.department);
      if (body.eventKinds.some((k) => !allowed.includes(k))) throw eventError('serviceAccount.kinds');
      const token = newToken();
      return scoped(a, async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO service_accounts (name, department, jurisdiction_code, event_kinds, token_hash, token_prefix, created_by, created_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            body.name,
            body.department,
            body.jurisdictionCode,
            body.eventKinds,
            sha256(token),
            token.slice(0, PREFIX_CHARS),
            a.user.id,
            a.user.displayName,
          ],
        );
        const id = Number(row!.id);
        await audit(tx, a, 'serviceAccount.create', id, {
          name: body.name,
          department: body.department,
          jurisdictionCode: body.jurisdictionCode,
          eventKinds: body.eventKinds,
        });
        return { account: await find(tx, id), token };
      });
    },

    /** A new token; the old one stops at once (its hash is gone). */
    async rotate(a: Admin, id: number) {
      const token = newToken();
      return scoped(a, async (tx) => {
        const current = await find(tx, id);
        if (current.revokedAt !== null) throw eventError('serviceAccount.revoked');
        await tx.query(
          'UPDATE service_accounts SET token_hash = $2, token_prefix = $3, rotated_at = now() WHERE id = $1',
          [id, sha256(token), token.slice(0, PREFIX_CHARS)],
        );
        await audit(tx, a, 'serviceAccount.rotate', id);
        return { account: await find(tx, id), token };
      });
    },

    async revoke(a: Admin, id: number) {
      return scoped(a, async (tx) => {
        const current = await find(tx, id);
        if (current.revokedAt === null) {
          await tx.query('UPDATE service_accounts SET revoked_at = now() WHERE id = $1', [id]);
          await audit(tx, a, 'serviceAccount.revoke', id);
        }
        return find(tx, id);
      });
    },
  };
}

export type ServiceAccounts = ReturnType<typeof createServiceAccounts>;

/**
 * The account a bearer token belongs to, or null (missing, malformed, unknown or revoked: the
 * caller answers all alike). As the owner: no jurisdiction is known before the token is.
 */
export async function authenticateToken(
  database: Database,
  header: string | undefined,
): Promise<ServiceAccount | null> {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  if (!match || !TOKEN_SHAPE.test(match[1]!)) return null;
  const hash = sha256(match[1]!);
  const [row] = await database.query<{
    id: number;
    name: string;
    department: string;
    jurisdiction_code: string;
    event_kinds: LifeEventKind[];
  }>(
    `UPDATE service_accounts SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
     RETURNING id, name, department, jurisdiction_code, event_kinds`,
    [hash],
  );
  // Found by the hash's equality in the unique index: a token is only ever compared as its hash.
  if (!row) return null;
  return {
    id: Number(row.id),
    name: row.name,
    department: row.department,
    jurisdictionCode: row.jurisdiction_code,
    eventKinds: row.event_kinds,
  };
}
