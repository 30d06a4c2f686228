import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { kindsOfDepartment, pick } from '@cradle/domain';
import { LifeEventBatch, LifeEventBatchResult, LifeEventInput, LifeEventRecorded } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { AppError, requestLang } from '../errors.js';
import type { EventService } from './service.js';
import type { EventSender } from './record.js';
import { authenticateToken, type ServiceAccount } from './service-accounts.js';
import { eventError } from './errors.js';
import { auditCall } from './service-calls.js';

declare module 'fastify' {
  interface FastifyRequest {
    serviceAccount: ServiceAccount | null;
  }
}

/**
 * Per address, per minute: a batch holds up to 500 events, so 120 calls carry 60,000 events a
 * minute (a county records about 1,500 births and fewer deaths a year: REQUIREMENTS B1's note);
 * enough for a backlog, and a bound on token guessing, whose space (2^256) needs none.
 */
export const SERVICE_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

export const serviceEventRoutes: FastifyPluginAsyncTypebox<{ database: Database; events: EventService }> = async (
  app,
  { database, events },
) => {
  app.decorateRequest('serviceAccount', null);
  // Only this plugin's routes; the session hook skips them (config.serviceAccount) and nothing
  // else opens them: no valid token, no call. A missing, unknown or revoked token gets one answer.
  app.addHook('onRequest', async (req) => {
    const account = await authenticateToken(database, req.headers.authorization);
    if (!account) {
      await auditCall(database, null, req.ip, 'denied', { route: req.routeOptions.url ?? '' });
      throw eventError('serviceAccount.unauthenticated');
    }
    req.serviceAccount = account;
  });

  const senderOf = (a: ServiceAccount, ip: string): EventSender => ({
    channel: 'api',
    sender: `serviceAccount:${a.id}`,
    department: a.department,
    kinds: a.eventKinds.filter((k) => kindsOfDepartment(a.department).includes(k)),
    jurisdictionCode: a.jurisdictionCode,
    serviceAccountId: a.id,
    userId: null,
    username: `serviceAccount:${a.name}`,
    recordedByName: a.name,
    clientIp: ip,
  });

  app.post(
    '/api/service/life-events',
    {
      config: { serviceAccount: true, rateLimit: SERVICE_RATE_LIMIT },
      schema: {
        tags: ['service'],
        summary: 'A department system records one life event (Authorization: Bearer <token>)',
        security: [{ bearer: [] }],
        body: LifeEventInput,
        response: { 200: LifeEventRecorded },
      },
    },
    async (req) => {
      const a = req.serviceAccount!;
      try {
        const r = await events.recordAs(senderOf(a, req.ip), req.body);
        await auditCall(database, a, req.ip, 'success', {
          recorded: r.duplicate ? 0 : 1,
          duplicates: r.duplicate ? 1 : 0,
        });
        return r;
      } catch (e) {
        if (e instanceof AppError) await auditCall(database, a, req.ip, 'failure', { refused: 1, code: e.code });
        throw e;
      }
    },
  );

  app.post(
    '/api/service/life-events/batch',
    {
      config: { serviceAccount: true, rateLimit: SERVICE_RATE_LIMIT },
      schema: {
        tags: ['service'],
        summary: 'A batch of up to 500 events, each recorded or refused on its own',
        security: [{ bearer: [] }],
        body: LifeEventBatch,
        response: { 200: LifeEventBatchResult },
      },
    },
    async (req) => {
      const a = req.serviceAccount!;
      const lang = requestLang(req);
      const sender = senderOf(a, req.ip);
      const results: LifeEventBatchResult['results'] = [];
      for (const [index, input] of req.body.events.entries()) {
        try {
          const r = await events.recordIdAs(sender, input);
          results.push({
            index,
            status: r.duplicate ? ('duplicate' as const) : ('recorded' as const),
            eventId: r.eventId,
            code: null,
            message: null,
          });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({
            index,
            status: 'refused' as const,
            eventId: null,
            code: e.code,
            message: pick(e.userMessage, lang),
          });
        }
      }
      const count = (s: string) => results.filter((r) => r.status === s).length;
      await auditCall(database, a, req.ip, 'success', {
        recorded: count('recorded'),
        duplicates: count('duplicate'),
        refused: count('refused'),
      });
      return { results };
    },
  );
};
