import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@cradle/domain';
import { IdParam, PlanDefinition, PlanDraftBody, PlanVersionList, PlanVersionView } from '@cradle/contract';
import type { Actor, PlanService } from './plans-service.js';

// A county's own plans: drafted, submitted and published under four eyes (plans-service.ts).
const ADMINS: readonly Role[] = ['systemAdmin', 'countyAdmin'];

export const planRoutes: FastifyPluginAsyncTypebox<{ plans: PlanService }> = async (app, { plans }) => {
  const actor = (req: { user: unknown; ip: string }): Actor => ({ user: req.user as Actor['user'], clientIp: req.ip });
  const tags = ['monitoring'];
  const config = { roles: ADMINS };

  app.get(
    '/api/monitoring/plan-drafts',
    {
      config,
      schema: {
        tags,
        summary: 'Your county’s plans in every state, and published plans of the regions above',
        response: { 200: PlanVersionList },
      },
    },
    (req) => plans.list(actor(req)),
  );
  app.post(
    '/api/monitoring/plan-drafts',
    {
      config,
      schema: {
        tags,
        summary: 'Draft a plan for your county (or the next version of a published one)',
        body: PlanDraftBody,
        response: { 201: PlanVersionView },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.create(actor(req), req.body)),
  );
  app.put(
    '/api/monitoring/plan-drafts/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a draft',
        params: IdParam,
        body: PlanDefinition,
        response: { 200: PlanVersionView },
      },
    },
    (req) => plans.update(actor(req), req.params.id, req.body),
  );
  for (const [step, summary] of [
    ['submit', 'Submit a draft for publication'],
    ['publish', 'Publish a plan under review (not your own draft); it never changes again'],
    ['withdraw', 'Take a plan under review back to draft'],
  ] as const)
    app.post(
      `/api/monitoring/plan-drafts/:id/${step}`,
      { config, schema: { tags, summary, params: IdParam, response: { 200: PlanVersionView } } },
      (req) => plans[step](actor(req), req.params.id),
    );
};
