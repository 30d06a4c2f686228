import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Keys } from '../crypto/keys.js';
import { appendAudit } from '../audit/service.js';
import type { Database } from '../db/client.js';
import { Type } from 'typebox';
import { ReceiptVerification, VerifyParams } from '@cradle/contract';
import { verifyReceiptToken, type ReceiptKind, type ReceiptPayload } from './receipt-token.js';

/** What a kind's verifier returns for the record a valid token names; null when there is none. */
export interface VerifiedRecord {
  issuedAt: string;
  issuer: string;
  /** For the audit entry: the jurisdiction that issued it sees who checked its receipts. */
  regionCode: string;
  summary: NonNullable<ReceiptVerification['summary']>;
  contentMatches: boolean;
}

export type ReceiptVerifiers = Partial<
  Record<ReceiptKind, (payload: ReceiptPayload) => Promise<VerifiedRecord | null>>
>;

/**
 * The public check behind a receipt's QR code (the web app's /verify/:token page calls it).
 * Anything but a token this deployment signed, for a record it holds, is `{valid: false}` — never
 * an error, whatever the input. Only a valid token reaches the database or the audit log.
 */
export const receiptVerifyRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  keys: Keys;
  verifiers: ReceiptVerifiers;
}> = async (app, { database, keys, verifiers }) => {
  // A wildcard, not :token: the router refuses a parameter over 100 characters (maxParamLength),
  // and a token is about 200. Anything after the prefix is the token; a slash makes it invalid.
  app.get(
    '/api/receipts/verify/*',
    {
      // Our limit: a person checks a receipt or two; a script guessing tokens gets nowhere faster.
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['receipts'],
        summary: 'Verify an electronic receipt from its QR code (public)',
        params: VerifyParams,
        response: { 200: ReceiptVerification },
      },
    },
    async (req) => {
      const payload = verifyReceiptToken(keys.receiptSigning, req.params['*']);
      const record = payload ? await verifiers[payload.kind]?.(payload) : null;
      if (!payload || !record) return { valid: false };
      await appendAudit(database, {
        userId: null,
        username: 'public',
        jurisdictionCode: record.regionCode,
        clientIp: req.ip,
        action: 'receipt.verify',
        targetType: payload.kind,
        targetId: payload.number,
        outcome: 'success',
        details: { contentMatches: record.contentMatches },
      });
      const { regionCode: _, ...shown } = record;
      return { valid: true, kind: payload.kind, number: payload.number, ...shown };
    },
  );
};
