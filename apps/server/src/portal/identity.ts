import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { blindIndex } from '../crypto/pii.js';
import { portalError } from './errors.js';
import type { SmsSender } from './sms.js';

/** Who a provider vouches for. A real-name provider (the province's 政务服务 login) may vouch for an ID number too. */
export interface VerifiedIdentity {
  phone: string;
  idNumber?: string;
  name?: string;
}

/**
 * How residents prove who they are. Pluggable: the built-in provider sends a one-time code by
 * SMS; a deployment can add its province's identity service behind the same two steps.
 */
export interface IdentityProvider {
  readonly id: string;
  start(phone: string, clientIp: string): Promise<void>;
  finish(phone: string, code: string): Promise<VerifiedIdentity>;
}

// Limits of the built-in provider (ours; no seed sets them): a code lives 5 minutes and allows
// 5 tries; one code a minute and 5 an hour per number. The route adds a per-address limit.
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_MIN_INTERVAL_MS = 60_000;
export const CODES_PER_HOUR = 5;

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(raw: string): string {
  const phone = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!MAINLAND_MOBILE.test(phone)) throw portalError('portal.phoneInvalid');
  return phone;
}

export function phoneBlindIndex(keys: Pick<Keys, 'blindIndex'>, phone: string): Buffer {
  return blindIndex(keys.blindIndex, 'phone', phone);
}

interface CodeRow {
  id: number;
  code_hash: string;
  attempts: number;
}

export function createPhoneCodeProvider(database: Database, keys: Keys, sms: SmsSender): IdentityProvider {
  const hashCode = (blind: Buffer, code: string) =>
    createHmac('sha256', keys.blindIndex).update('residentCode\0').update(blind).update(code).digest('hex');

  return {
    id: 'phoneCode',
    async start(rawPhone, clientIp) {
      const phone = normalizePhone(rawPhone);
      const blind = phoneBlindIndex(keys, phone);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await database.transaction(async (tx) => {
        // One request per number at a time, so two parallel requests cannot both pass the limits.
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [blind.toString('hex')]);
        const [recent] = await tx.query<{ last: Date | null; hour: number }>(
          `SELECT max(created_at) AS last, count(*)::int AS hour FROM resident_codes
            WHERE phone_blind_index = $1 AND created_at > now() - interval '1 hour'`,
          [blind],
        );
        if (recent?.last && Date.now() - new Date(recent.last).getTime() < CODE_MIN_INTERVAL_MS)
          throw portalError('portal.codeTooSoon');
        if ((recent?.hour ?? 0) >= CODES_PER_HOUR) throw portalError('portal.codeQuotaExceeded');
        // A new code retires the earlier ones.
        await tx.query(
          'UPDATE resident_codes SET consumed_at = now() WHERE phone_blind_index = $1 AND consumed_at IS NULL',
          [blind],
        );
        await tx.query(
          `INSERT INTO resident_codes (phone_blind_index, code_hash, expires_at, client_ip) VALUES ($1, $2, now() + make_interval(secs => $3), $4)`,
          [blind, hashCode(blind, code), CODE_TTL_MS / 1000, clientIp],
        );
      });
      try {
        await sms.send(phone, `【人口家庭服务平台】您的登录验证码为 ${code}，5 分钟内有效，请勿告诉他人。`);
      } catch {
        // The code row stays (and counts against the limits): a retry a minute later sends a new one.
        throw portalError('portal.smsUnavailable');
      }
    },

    async finish(rawPhone, rawCode) {
      const phone = normalizePhone(rawPhone);
      const code = rawCode.trim();
      const blind = phoneBlindIndex(keys, phone);
      const [row] = await database.query<CodeRow>(
        `SELECT id, code_hash, attempts FROM resident_codes
          WHERE phone_blind_index = $1 AND consumed_at IS NULL AND expires_at > now()
          ORDER BY created_at DESC LIMIT 1`,
        [blind],
      );
      if (!row) throw portalError('portal.codeInvalid');
      if (row.attempts >= CODE_MAX_ATTEMPTS) throw portalError('portal.codeAttemptsExceeded');
      const expected = Buffer.from(row.code_hash, 'hex');
      const given = Buffer.from(hashCode(blind, /^\d{6}$/.test(code) ? code : ''), 'hex');
      if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, given)) {
        // Counted in one statement, so parallel guesses cannot exceed the limit.
        const [after] = await database.query<{ attempts: number }>(
          'UPDATE resident_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts',
          [row.id],
        );
        throw portalError(
          (after?.attempts ?? CODE_MAX_ATTEMPTS) >= CODE_MAX_ATTEMPTS
            ? 'portal.codeAttemptsExceeded'
            : 'portal.codeInvalid',
        );
      }
      // Single use: of two requests with the right code, one wins.
      const used = await database.query(
        'UPDATE resident_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL AND attempts < $2 RETURNING id',
        [row.id, CODE_MAX_ATTEMPTS],
      );
      if (used.length === 0) throw portalError('portal.codeInvalid');
      return { phone };
    },
  };
}
