import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.js';
import { AuditPage, AuditQuery, ChainCheck } from '@cradle/contract';
import { pick, requestLang } from '../errors.js';
import type { AnchorStore } from './anchors.js';
import { actorOf, appendAudit, listAudit, verifyAuditLog } from './service.js';

const ADMINS = ['systemAdmin', 'countyAdmin'] as const;

export const auditRoutes: FastifyPluginAsyncTypebox<{ database: Database; anchors: AnchorStore }> = async (
  app,
  { database, anchors },
) => {
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
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain and its anchors, then seal the new entries',
        response: { 200: ChainCheck },
      },
    },
    async (req) => {
      const result = await verifyAuditLog(database, anchors);
      const lang = requestLang(req);
      const findings = result.findings.map((f) => ({ code: f.code, seq: f.seq, message: pick(f.message, lang) }));
      const first = findings[0];
      await appendAudit(database, {
        ...actorOf(req),
        action: 'audit.verify',
        outcome: result.ok ? 'success' : 'failure',
        details: { checked: result.checked, findings: result.findings.map((f) => ({ code: f.code, seq: f.seq })) },
      });
      return {
        ok: result.ok,
        checked: result.checked,
        firstBroken: first ? { seq: first.seq ?? 0, reason: first.message } : null,
        findings,
        anchors: result.anchors,
      };
    },
  );
};
