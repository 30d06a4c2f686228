import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.js';
import { AuditFilterQuery, AuditPage, AuditQuery, ChainCheck, SpreadsheetFile } from '@cradle/contract';
import { pick, requestLang } from '../errors.js';
import type { AnchorStore } from './anchors.js';
import { actorOf, appendAudit, verifyAuditLog } from './service.js';
import { exportAudit, listAudit, readOnce, type XlsxWriter } from './list.js';

const ADMINS = ['systemAdmin', 'countyAdmin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const auditRoutes: FastifyPluginAsyncTypebox<{
  database: Database;
  anchors: AnchorStore;
  /** The XLSX writer and where its files are made (each deleted once sent). */
  xlsx: { write: XlsxWriter; workDir: string };
}> = async (app, { database, anchors, xlsx }) => {
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

  app.get(
    '/api/audit.xlsx',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['audit'],
        summary: 'The entries under the same filters as XLSX, newest first (the export is audited)',
        produces: [XLSX],
        querystring: AuditFilterQuery,
        response: { 200: SpreadsheetFile },
      },
    },
    async (req, reply) => {
      const actor = { ...actorOf(req), jurisdictionCode: req.user!.jurisdictionCode };
      const f = await exportAudit(database, xlsx.write, xlsx.workDir, actor, req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .header('cache-control', 'no-store')
        .send(readOnce(f.filePath));
    },
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
