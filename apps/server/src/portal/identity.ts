import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { blindIndex } from '../crypto/pii.js';
import { portalError } from './errors.js';
import { consumeCode, countCodeAttempt, findLiveCode, lockPhone, recentCodes, replaceCode } from './repo.js';
import {
  clearSignInFailures,
  countSignInFailure,
  findSignInWait,
  RESIDENT_DELAYS,
  waitText,
  withWait,
} from '../auth/index.js';
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
// 5 tries; one code a minute and 5 an hour per number. Wrong codes also grow a per-number delay
// (auth/throttle.ts RESIDENT_DELAYS: 5 free, then 2 s, 4 s, … 5 min, from any address: a guesser
// on many addresses is slowed as much as on one). The route adds a per-address limit.
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

const sendAgainIn = (seconds: number) => {
  const w = waitText(seconds);
  return { zh: `验证码发送过于频繁，${w.zh}`, en: `A code was sent moments ago; ${w.en}` };
};

/** A refusal of a code that names the wait, when one applies, in the message and the details. */
function codeError(code: 'portal.codeDelayed' | 'portal.codeInvalid' | 'portal.codeAttemptsExceeded', wait: number) {
  if (wait <= 0) return portalError(code);
  return portalError(code, { retryAfterSeconds: wait }, withWait(portalError(code).userMessage, wait));
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
        const since = recent.last ? Date.now() - new Date(recent.last).getTime() : Infinity;
        if (since < CODE_MIN_INTERVAL_MS) {
          const wait = Math.max(1, Math.ceil((CODE_MIN_INTERVAL_MS - since) / 1000));
          throw portalError('portal.codeTooSoon', { retryAfterSeconds: wait }, sendAgainIn(wait));
        }
        // The hour is an upper bound: the oldest of the hour's codes may age out sooner.
        if (recent.hour >= CODES_PER_HOUR) throw portalError('portal.codeQuotaExceeded', { retryAfterSeconds: 3600 });
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
      const subject = `phone:${blind.toString('hex')}`;
      // Refused before the code is looked at: the right code during a delay waits too (no oracle).
      const delay = await findSignInWait(database, RESIDENT_DELAYS, subject, '');
      if (delay > 0) throw codeError('portal.codeDelayed', delay);
      const row = await findLiveCode(database, blind);
      // With no live code a guess cannot succeed, so it is not counted (nor can it delay the owner).
      if (!row) throw portalError('portal.codeInvalid');
      if (row.attempts >= CODE_MAX_ATTEMPTS) throw codeError('portal.codeAttemptsExceeded', delay);
      const expected = Buffer.from(row.codeHash, 'hex');
      const given = Buffer.from(hashCode(blind, /^\d{6}$/.test(code) ? code : ''), 'hex');
      if (!/^\d{6}$/.test(code) || !timingSafeEqual(expected, given)) {
        const attempts = await countCodeAttempt(database, row.id);
        const { wait } = await countSignInFailure(database, RESIDENT_DELAYS, subject, '');
        throw codeError(
          (attempts ?? CODE_MAX_ATTEMPTS) >= CODE_MAX_ATTEMPTS ? 'portal.codeAttemptsExceeded' : 'portal.codeInvalid',
          wait,
        );
      }
      if (!(await consumeCode(database, row.id, CODE_MAX_ATTEMPTS))) throw portalError('portal.codeInvalid');
      await clearSignInFailures(database, subject);
      return { phone };
    },
  };
}
