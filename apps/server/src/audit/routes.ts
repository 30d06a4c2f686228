import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.js';
import { AuditPage, AuditQuery, ChainCheck } from './schemas.js';
import { actorOf, appendAudit, listAudit, verifyAuditChain } from './service.js';

const ADMINS = ['systemAdmin', 'countyAdmin'] as const;

export const auditRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/audit',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of your jurisdiction',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => listAudit(database, req.user!.jurisdictionCode, req.query),
  );

  app.post(
    '/api/audit/verify',
    {
      config: { roles: ADMINS },
      schema: { tags: ['audit'], summary: 'Verify the whole hash chain', response: { 200: ChainCheck } },
    },
    async (req) => {
      const result = await verifyAuditChain(database);
      await appendAudit(database, {
        ...actorOf(req),
        action: 'audit.verify',
        outcome: result.ok ? 'success' : 'failure',
        details: { checked: result.checked, firstBroken: result.firstBroken },
      });
      return result;
    },
  );
};
