import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Role } from '@cradle/domain';
import {
  BatchParam, BatchView, CycleBody, EligibilityQuery, EligibilityView, SchemeCodeParam, SchemeDetail, SchemeSummary, VersionDraftBody, VersionParam, VersionView,
} from './schemas.js';
import type { BenefitsService } from './service.js';
import type { createVersionService } from './versions-service.js';

const ADMINS: readonly Role[] = ['systemAdmin', 'countyAdmin'];
// Who may look at a person's eligibility: the staff who handle applications, and finance.
const CASEWORKERS: readonly Role[] = ['systemAdmin', 'countyAdmin', 'townshipWorker', 'villageWorker', 'departmentOperator'];

export const benefitsRoutes: FastifyPluginAsyncTypebox<{ benefits: BenefitsService; versions: ReturnType<typeof createVersionService> }> = async (app, { benefits, versions }) => {
  const actor = (req: { user: unknown; ip: string }) => ({ user: req.user!, clientIp: req.ip }) as Parameters<BenefitsService['listSchemes']>[0];
  const tags = ['benefits'];

  app.get('/api/schemes', { schema: { tags, summary: 'Schemes that apply in your jurisdiction, with their legal basis and interpretations', response: { 200: Type.Array(SchemeSummary) } } }, async (req) =>
    benefits.listSchemes(actor(req)),
  );
  app.get('/api/schemes/:code', { schema: { tags, summary: 'A scheme: parameters in force for you, review levels, versions', params: SchemeCodeParam, response: { 200: SchemeDetail } } }, (req) =>
    benefits.schemeDetail(actor(req), req.params.code),
  );
  app.post('/api/schemes/:code/versions', { config: { roles: ADMINS }, schema: { tags, summary: 'Draft a version: values your jurisdiction sets (amounts in fen), from a date', params: SchemeCodeParam, body: VersionDraftBody, response: { 201: VersionView } } }, async (req, reply) =>
    reply.status(201).send(await versions.draft(actor(req), req.params.code, req.body)),
  );
  app.post('/api/schemes/:code/versions/:id/submit', { config: { roles: ADMINS }, schema: { tags, summary: 'Submit a draft for review', params: VersionParam, response: { 200: VersionView } } }, (req) =>
    versions.submit(actor(req), req.params.code, req.params.id),
  );
  app.post('/api/schemes/:code/versions/:id/publish', { config: { roles: ADMINS }, schema: { tags, summary: 'Publish a version under review (not your own draft); it can never change', params: VersionParam, response: { 200: VersionView } } }, (req) =>
    versions.publish(actor(req), req.params.code, req.params.id),
  );
  app.get('/api/eligibility', { config: { roles: CASEWORKERS }, schema: { tags, summary: "A person's eligibility for a scheme and period, with the trace of every rule (audited)", querystring: EligibilityQuery, response: { 200: EligibilityView } } }, (req) =>
    benefits.eligibility(actor(req), req.query),
  );
  app.post('/api/payment-cycles', { config: { roles: ['countyAdmin', 'departmentOperator'] }, schema: { tags, summary: 'Run the payment cycle of a scheme and period for your jurisdiction (county administrator or finance)', body: CycleBody, response: { 202: BatchView } } }, async (req, reply) =>
    reply.status(202).send(await benefits.startCycle(actor(req), req.body)),
  );
  app.get('/api/payment-batches/:id', { config: { roles: ['countyAdmin', 'departmentOperator', 'leader', 'systemAdmin'] }, schema: { tags, summary: "A payment batch and its cycle's progress", params: BatchParam, response: { 200: BatchView } } }, (req) =>
    benefits.batch(actor(req), req.params.id),
  );
};
