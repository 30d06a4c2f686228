import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { commonError } from '../errors.js';
import { hashToken, newToken } from '../auth/index.js';
import { portalError } from './errors.js';

// Residents have their own cookie, table and hook: a family's sign-in never opens the console,
// and a staff session never opens a family's records.
export const RESIDENT_COOKIE = 'cradle_resident';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 60_000;
const MAX_SESSION_MS = 7 * 24 * 3_600_000; // a phone is personal: a week, against the console's working day

export interface SessionResident {
  id: number;
  personId: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    resident: SessionResident | null;
    residentCsrf: string | null;
    residentTokenHash: string | null;
  }
  interface FastifyContextConfig {
    /** A resident-portal route: needs the resident cookie, not a staff session. */
    resident?: boolean;
  }
}

export async function createResidentSession(
  database: Database,
  residentId: number,
  clientIp: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await database.query(
    'INSERT INTO resident_sessions (token_hash, resident_id, csrf_token, client_ip) VALUES ($1, $2, $3, $4)',
    [hashToken(token), residentId, csrfToken, clientIp],
  );
  return { token, csrfToken };
}

interface Row {
  resident_id: number;
  person_id: number | null;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
}

export function registerResidentSessionHook(app: FastifyInstance, database: Database, idleMinutes: number): void {
  app.decorateRequest('resident', null);
  app.decorateRequest('residentCsrf', null);
  app.decorateRequest('residentTokenHash', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!(req.routeOptions.config as typeof req.routeOptions.config | undefined)?.resident) return;
    const token = req.cookies[RESIDENT_COOKIE];
    if (!token) throw portalError('portal.signInRequired');
    const tokenHash = hashToken(token);
    const [row] = await database.query<Row>(
      `SELECT s.resident_id, r.person_id, s.csrf_token, s.created_at, s.last_seen_at
         FROM resident_sessions s JOIN residents r ON r.id = s.resident_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const idleMs = row ? Date.now() - new Date(row.last_seen_at).getTime() : 0;
    const ageMs = row ? Date.now() - new Date(row.created_at).getTime() : 0;
    if (!row || idleMs > idleMinutes * 60_000 || ageMs > MAX_SESSION_MS) {
      if (row) await database.query('DELETE FROM resident_sessions WHERE token_hash = $1', [tokenHash]);
      void reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
      throw portalError(row ? 'portal.sessionExpired' : 'portal.signInRequired');
    }
    if (idleMs > TOUCH_EVERY_MS)
      await database.query('UPDATE resident_sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
    req.resident = { id: Number(row.resident_id), personId: row.person_id === null ? null : Number(row.person_id) };
    req.residentCsrf = row.csrf_token;
    req.residentTokenHash = tokenHash;
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, row.csrf_token)) throw commonError('csrf.invalid');
    }
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
