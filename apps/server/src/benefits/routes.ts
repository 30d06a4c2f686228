import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FINANCE_DEPARTMENTS, REGISTRY_ROLES, type Role } from '@cradle/domain';
import {
  ApplicationBody,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationSummary,
  ApproveBody,
  BatchView,
  BudgetQuery,
  BudgetView,
  TakeUpRate,
  TakeUpRateBody,
  CycleBody,
  EligibilityQuery,
  EligibilityView,
  IdParam,
  RejectBody,
  SchemeCodeParam,
  SchemeDetail,
  SchemeSummary,
  VersionDraftBody,
  VersionParam,
  VersionView,
  XlsxFile,
} from '@cradle/contract';
import type { BenefitsService } from './service.js';
import type { Readable } from 'node:stream';
import { requestLang } from '../errors.js';
import { sendXlsx } from '../exports/index.js';
import type { createVersionService } from './versions-service.js';

const ADMINS: readonly Role[] = ['systemAdmin', 'countyAdmin'];
// Who may look at a person's eligibility: whoever may open the person (need to know, issue 11).
const CASEWORKERS = REGISTRY_ROLES;
// Payments are finance's among the departments; the budget's aggregates also the leaders'.
const PAYMENT_READERS: readonly Role[] = ['countyAdmin', 'departmentOperator', 'leader', 'systemAdmin'];
// Who applies for a family and reviews: village, township, county.
const REVIEWERS: readonly Role[] = ['villageWorker', 'townshipWorker', 'countyAdmin'];

export const benefitsRoutes: FastifyPluginAsyncTypebox<{
  benefits: BenefitsService;
  versions: ReturnType<typeof createVersionService>;
}> = async (app, { benefits, versions }) => {
  const actor = (req: { user: unknown; ip: string }) =>
    ({ user: req.user!, clientIp: req.ip }) as Parameters<BenefitsService['listSchemes']>[0];
  const tags = ['benefits'];

  app.get(
    '/api/schemes',
    {
      schema: {
        tags,
        summary: 'Schemes that apply in your jurisdiction, with their legal basis and interpretations',
        response: { 200: Type.Array(SchemeSummary) },
      },
    },
    async (req) => benefits.listSchemes(actor(req)),
  );
  app.get(
    '/api/schemes/:code',
    {
      schema: {
        tags,
        summary: 'A scheme: parameters in force for you, review levels, versions',
        params: SchemeCodeParam,
        response: { 200: SchemeDetail },
      },
    },
    (req) => benefits.schemeDetail(actor(req), req.params.code),
  );
  app.get(
    '/api/schemes/:code/budget',
    {
      config: { roles: PAYMENT_READERS, departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary:
          'Paid, committed, the backlog owed by the registry and the next 12 months (optionally with a draft version)',
        params: SchemeCodeParam,
        querystring: BudgetQuery,
        response: { 200: BudgetView },
      },
    },
    (req) => benefits.budget(actor(req), req.params.code, req.query.draftVersionId),
  );
  app.put(
    '/api/schemes/:code/take-up-rate',
    {
      config: { roles: ['countyAdmin'] },
      schema: {
        tags,
        summary: 'Set your county’s expected take-up rate of a scheme paid on application (basis points), audited',
        params: SchemeCodeParam,
        body: TakeUpRateBody,
        response: { 200: TakeUpRate },
      },
    },
    (req) => benefits.setTakeUpRate(actor(req), req.params.code, req.body),
  );
  app.post(
    '/api/schemes/:code/versions',
    {
      config: { roles: ADMINS },
      schema: {
        tags,
        summary: 'Draft a version: values your jurisdiction sets (amounts in fen), from a date',
        params: SchemeCodeParam,
        body: VersionDraftBody,
        response: { 201: VersionView },
      },
    },
    async (req, reply) => reply.status(201).send(await versions.draft(actor(req), req.params.code, req.body)),
  );
  app.post(
    '/api/schemes/:code/versions/:id/submit',
    {
      config: { roles: ADMINS },
      schema: { tags, summary: 'Submit a draft for review', params: VersionParam, response: { 200: VersionView } },
    },
    (req) => versions.submit(actor(req), req.params.code, req.params.id),
  );
  app.post(
    '/api/schemes/:code/versions/:id/publish',
    {
      config: { roles: ADMINS },
      schema: {
        tags,
        summary: 'Publish a version under review (not your own draft); it can never change',
        params: VersionParam,
        response: { 200: VersionView },
      },
    },
    (req) => versions.publish(actor(req), req.params.code, req.params.id),
  );
  app.get(
    '/api/eligibility',
    {
      config: { roles: CASEWORKERS },
      schema: {
        tags,
        summary: "A person's eligibility for a scheme and period, with the trace of every rule (audited)",
        querystring: EligibilityQuery,
        response: { 200: EligibilityView },
      },
    },
    (req) => benefits.eligibility(actor(req), req.query),
  );
  app.post(
    '/api/payment-cycles',
    {
      config: { roles: ['countyAdmin', 'departmentOperator'], departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary: 'Run the payment cycle of a scheme and period for your jurisdiction (county administrator or finance)',
        body: CycleBody,
        response: { 202: BatchView },
      },
    },
    async (req, reply) => reply.status(202).send(await benefits.startCycle(actor(req), req.body)),
  );
  app.get(
    '/api/payment-batches',
    {
      config: { roles: PAYMENT_READERS, departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary: 'The latest payment batches of your jurisdiction',
        response: { 200: Type.Array(BatchView) },
      },
    },
    (req) => benefits.batches(actor(req)),
  );
  app.get(
    '/api/payment-batches/:id',
    {
      config: { roles: PAYMENT_READERS, departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary: "A payment batch and its cycle's progress",
        params: IdParam,
        response: { 200: BatchView },
      },
    },
    (req) => benefits.batch(actor(req), req.params.id),
  );

  const apps = benefits.applications;
  app.post(
    '/api/applications',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'Apply for a family (a scheme that is not proactive); parity and the rest come from the registry',
        body: ApplicationBody,
        response: { 201: ApplicationDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await apps.submit(actor(req), req.body)),
  );
  app.get(
    '/api/applications',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary:
          'Applications waiting for your review level in your jurisdiction, or one person’s, or the ones you submitted (any status)',
        querystring: ApplicationListQuery,
        response: { 200: Type.Array(ApplicationSummary) },
      },
    },
    (req) => apps.queue(actor(req), req.query),
  );
  app.get(
    '/api/applications/export.xlsx',
    {
      // The list's own gate and filter.
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'The applications list with its filter as XLSX (masked ID numbers; audited)',
        querystring: ApplicationListQuery,
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    (req, reply) => {
      const lang = requestLang(req);
      const workbook = benefits.exportApplications(actor(req), req.query, lang);
      return sendXlsx(reply, lang, { zh: '申请审核', en: 'applications' }, workbook);
    },
  );
  app.get(
    '/api/applications/:id',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'An application with its decisions and eligibility trace',
        params: IdParam,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => apps.detail(actor(req), req.params.id),
  );
  app.post(
    '/api/applications/:id/approve',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary:
          'Approve at your level (passes it up, or starts the public notice, or approves), with an optional opinion (审核意见)',
        params: IdParam,
        body: ApproveBody,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => apps.approve(actor(req), req.params.id, req.body?.opinion),
  );
  app.post(
    '/api/applications/:id/reject',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'Reject at your level, with a reason',
        params: IdParam,
        body: RejectBody,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => apps.reject(actor(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/applications/:id/appeal',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags,
        summary: 'Appeal a rejection (once); reviewed one level up',
        params: IdParam,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => apps.appeal(actor(req), req.params.id),
  );
  app.post(
    '/api/applications/:id/close-notice',
    {
      config: { roles: ['countyAdmin'] },
      schema: {
        tags,
        summary: 'Approve after the public notice has run its days',
        params: IdParam,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => apps.closeNotice(actor(req), req.params.id),
  );
};
