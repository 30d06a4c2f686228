import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.js';
import type { AuditOutcome } from './service.js';
import { withScope } from '../db/scope.js';
import { AuditPage, AuditQuery, ChainCheck } from '@cradle/contract';
import { actorOf, appendAudit, verifyAuditChain } from './service.js';
import { pageOf } from '../db/paging.js';

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
    async (req) => {
      const q = req.query;
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.action) add('action = ?', q.action);
      if (q.username) add('username = ?', q.username);
      if (q.from) add('at >= ?::date', q.from);
      if (q.to) add("at < ?::date + interval '1 day'", q.to);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      return withScope(database, { jurisdictionCode: req.user!.jurisdictionCode }, async (tx) => {
        const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
        const paged = pageOf(params, q.page, q.pageSize);
        const rows = await tx.query<Record<string, unknown>>(
          `SELECT seq, at, user_id, username, action, target_type, target_id, outcome, client_ip, details FROM audit_log ${w}
          ORDER BY seq DESC ${paged.sql}`,
          paged.params,
        );
        return {
          total: Number(total[0]!.n),
          items: rows.map((r) => ({
            seq: Number(r.seq),
            at: new Date(r.at as string).toISOString(),
            userId: r.user_id === null ? null : Number(r.user_id),
            username: r.username as string | null,
            action: r.action as string,
            targetType: r.target_type as string | null,
            targetId: r.target_id as string | null,
            outcome: r.outcome as AuditOutcome,
            clientIp: r.client_ip as string | null,
            details: r.details,
          })),
        };
      });
    },
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
