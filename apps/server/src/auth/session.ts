import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canWrite, departmentLabel, passesRoleGate, STAFF_ROLES, type Department, type Role } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { commonError } from '../errors.js';
import { appendAudit, actorOf } from '../audit/index.js';
import { authError } from './errors.js';

export const SESSION_COOKIE = 'cradle_session';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionCode: string;
  department: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, system info, docs). */
    public?: boolean;
    /** When set, the user needs at least one of these roles. */
    roles?: readonly Role[];
    /** With `roles`: a department operator passes only as an operator of one of these (need to know, issue 11). */
    departments?: readonly Department[];
    /** An unsafe method a read-only role (leader) may still call, such as logout. */
    readOnlyOk?: boolean;
    /**
     * Open to every signed-in account, an institution's too (who am I, sign out). Any other route
     * without `roles` is the staff's: an institution operator passes only routes naming its role.
     */
    everyAccount?: boolean;
    /** A department system's route: a service account's bearer token, no session, no CSRF (events/service-routes.ts). */
    serviceAccount?: boolean;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 60_000;
// However active, a session ends after a working day (a shared office computer).
const MAX_SESSION_MS = 12 * 3_600_000;

interface SessionRow {
  token_hash: string;
  csrf_token: string;
  last_seen_at: Date;
  created_at: Date;
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  jurisdiction_code: string;
  department: string | null;
  active: boolean;
}

/**
 * Resolves the session cookie on every request and enforces, in one hook: a session for
 * non-public routes, the idle timeout, the route's roles, and CSRF on unsafe methods.
 */
export function registerSessionHook(app: FastifyInstance, database: Database, idleMinutes: number): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const config = routeConfigOf(req) ?? {};
    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const tokenHash = hashToken(token);
      const rows = await database.query<SessionRow>(
        `SELECT s.token_hash, s.csrf_token, s.last_seen_at, s.created_at, u.id, u.username, u.display_name, u.roles,
                u.jurisdiction_code, u.department, u.active
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      const idleMs = row ? Date.now() - new Date(row.last_seen_at).getTime() : 0;
      const ageMs = row ? Date.now() - new Date(row.created_at).getTime() : 0;
      if (row && row.active && idleMs <= idleMinutes * 60_000 && ageMs <= MAX_SESSION_MS) {
        req.user = {
          id: Number(row.id),
          username: row.username,
          displayName: row.display_name,
          roles: row.roles,
          jurisdictionCode: row.jurisdiction_code,
          department: row.department,
        };
        req.sessionTokenHash = tokenHash;
        req.csrfToken = row.csrf_token;
        if (idleMs > TOUCH_EVERY_MS)
          await database.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
      } else {
        expired = Boolean(row);
        if (row) await database.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    // Only the JSON API needs a session; the console's files and the API docs are public.
    // Decided on the matched route pattern, never on the raw URL: the router decodes
    // `/%61pi/…` to `/api/…`, so a raw-URL test could be walked around.
    const route = req.routeOptions.url ?? '';
    const isApi = route.startsWith('/api/') && !/^\/api\/docs(\/|$)/.test(route);
    // Resident-portal routes are guarded by portal/session.ts instead; a department system's
    // routes by its bearer token (events/service-routes.ts), which they require: no cookie opens them.
    if (config.public || config.resident || config.serviceAccount || !isApi) return;
    if (!req.user) throw expired ? authError('auth.sessionExpired') : commonError('auth.unauthenticated');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.csrfToken ?? '')) throw commonError('csrf.invalid');
      if (!canWrite(req.user.roles) && !config.readOnlyOk) throw commonError('auth.forbidden');
    }
    const gate = config.roles ?? (config.everyAccount ? undefined : STAFF_ROLES);
    if (gate && !passesRoleGate(req.user, gate, config.departments)) {
      await appendAudit(database, {
        ...actorOf(req),
        action: 'access.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url}`,
        outcome: 'denied',
      });
      throw refusal(req.user, gate, config.departments);
    }
  });
}

/** A department operator the route's role admits, but of another department, is told whose work it is. */
function refusal(user: SessionUser, roles: readonly Role[], departments: readonly Department[] | undefined) {
  if (!departments || !user.roles.includes('departmentOperator') || !roles.includes('departmentOperator'))
    return commonError('auth.forbidden');
  const labels = departments.map(departmentLabel);
  return commonError(
    'auth.otherDepartment',
    { departments },
    {
      zh: `此项工作仅限${labels.map((l) => l.zh).join('、')}部门的经办人办理`,
      en: `Only an operator of ${labels.map((l) => l.en).join(', ')} may do this`,
    },
  );
}

/** Fastify types a route's config as always there; a context made without one (no route matched) has none. */
function routeConfigOf(req: FastifyRequest): Partial<FastifyRequest['routeOptions']['config']> | undefined {
  return req.routeOptions.config;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
