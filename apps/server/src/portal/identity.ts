import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { blindIndex } from '../crypto/pii.js';
import { portalError } from './errors.js';
import { consumeCode, countCodeAttempt, findLiveCode, lockPhone, recentCodes, replaceCode } from './repo.js';
import type { SmsSender } from '../notifications/index.js';

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
        await lockPhone(tx, blind);
        const recent = await recentCodes(tx, blind);
        if (recent.last && Date.now() - new Date(recent.last).getTime() < CODE_MIN_INTERVAL_MS)
          throw portalError('portal.codeTooSoon');
        if (recent.hour >= CODES_PER_HOUR) throw portalError('portal.codeQuotaExceeded');
        await replaceCode(tx, {
          phoneBlindIndex: blind,
          codeHash: hashCode(blind, code),
          ttlSeconds: CODE_TTL_MS / 1000,
          clientIp,
        });
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
      const row = await findLiveCode(database, blind);
      if (!row) throw portalError('portal.codeInvalid');
      if (row.attempts >= CODE_MAX_ATTEMPTS) throw portalError('portal.codeAttemptsExceeded');
      const expected = Buffer.from(row.codeHash, 'hex');
      const given = Buffer.from(hashCode(blind, /^\d{6}$/.test(code) ? code : ''), 'hex');
      if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, given)) {
        const attempts = await countCodeAttempt(database, row.id);
        throw portalError(
          (attempts ?? CODE_MAX_ATTEMPTS) >= CODE_MAX_ATTEMPTS ? 'portal.codeAttemptsExceeded' : 'portal.codeInvalid',
        );
      }
      if (!(await consumeCode(database, row.id, CODE_MAX_ATTEMPTS))) throw portalError('portal.codeInvalid');
      return { phone };
    },
  };
}
