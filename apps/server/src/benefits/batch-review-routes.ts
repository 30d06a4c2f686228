import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FINANCE_DEPARTMENTS, type Role } from '@cradle/domain';
import {
  BatchView,
  CancelBatchBody,
  EligibilityView,
  IdParam,
  NoticeRoster,
  NoticeRosterQuery,
  ObjectionBody,
  RosterFilter,
  RosterPage,
  RosterQuery,
  RosterRowParam,
  SpreadsheetFile,
} from '@cradle/contract';
import type { BatchReview } from './batch-review.js';
import { readOnce } from './export.js';
import type { RosterFile, RosterService } from './roster.js';
import type { BenefitsService } from './service.js';
import type { Actor } from './versions-service.js';

// Need to know (docs/architecture.md): a roster names payees, so it is for those who check and
// pay them (administrators, finance); the public notice's roster (masked names, amounts, villages)
// is posted for all to see, so leaders may read it too. Department operators pass only as finance.
// The services check the finer rules (finance, the approver is not the creator).
const ROSTER_READERS: readonly Role[] = ['countyAdmin', 'departmentOperator', 'systemAdmin'];
const NOTICE_READERS: readonly Role[] = ['countyAdmin', 'departmentOperator', 'leader', 'systemAdmin'];
const RUNNERS: readonly Role[] = ['countyAdmin', 'departmentOperator'];
const FINANCE = { departments: FINANCE_DEPARTMENTS };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const batchReviewRoutes: FastifyPluginAsyncTypebox<{
  review: BatchReview;
  roster: RosterService;
  benefits: BenefitsService;
}> = async (app, { review, roster, benefits }) => {
  const actor = (req: { user: unknown; ip: string }) => ({ user: req.user, clientIp: req.ip }) as Actor;
  const tags = ['benefits'];
  // A step answers with the batch as GET shows it (names, notice dates, counts).
  const view = (a: Actor, id: number) => benefits.batch(a, id);
  const send = (
    reply: { header: (k: string, v: string) => typeof reply; send: (s: unknown) => unknown },
    f: RosterFile,
  ) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${f.fileName}"`)
      .header('cache-control', 'no-store')
      .send(readOnce(f.filePath));

  app.get(
    '/api/payment-batches/:id/roster',
    {
      config: { roles: ROSTER_READERS, ...FINANCE },
      schema: {
        tags,
        summary: "A batch's payees: name, masked ID number, village, amount, status and objection; searchable",
        params: IdParam,
        querystring: RosterQuery,
        response: { 200: RosterPage },
      },
    },
    (req) => roster.roster(actor(req), req.params.id, req.query),
  );
  app.get(
    '/api/payment-batches/:id/roster/:personId/eligibility',
    {
      config: { roles: ROSTER_READERS, ...FINANCE },
      schema: {
        tags,
        summary: "A payee's eligibility trace for the batch's scheme and period, as the roster shows it (audited)",
        params: RosterRowParam,
        response: { 200: EligibilityView },
      },
    },
    (req) => benefits.batchRowEligibility(actor(req), req.params.id, req.params.personId),
  );
  app.get(
    '/api/payment-batches/:id/roster.xlsx',
    {
      config: { roles: ROSTER_READERS, ...FINANCE },
      schema: {
        tags,
        summary: "The batch's roster under the same filters as XLSX, ID numbers masked (audited)",
        produces: [XLSX],
        params: IdParam,
        querystring: RosterFilter,
        response: { 200: SpreadsheetFile },
      },
    },
    async (req, reply) => send(reply, await roster.rosterXlsx(actor(req), req.params.id, req.query)),
  );
  app.get(
    '/api/payment-batches/:id/notice-roster',
    {
      config: { roles: NOTICE_READERS, ...FINANCE },
      schema: {
        tags,
        summary: 'The public notice’s roster (公示名单): names masked (张*华), village, amount',
        params: IdParam,
        querystring: NoticeRosterQuery,
        response: { 200: NoticeRoster },
      },
    },
    (req) => roster.noticeRoster(actor(req), req.params.id, req.query.region),
  );
  app.get(
    '/api/payment-batches/:id/notice-roster.xlsx',
    {
      config: { roles: NOTICE_READERS, ...FINANCE },
      schema: {
        tags,
        summary: 'The public notice’s roster as XLSX (audited)',
        produces: [XLSX],
        params: IdParam,
        querystring: NoticeRosterQuery,
        response: { 200: SpreadsheetFile },
      },
    },
    async (req, reply) => send(reply, await roster.noticeRosterXlsx(actor(req), req.params.id, req.query.region)),
  );
  app.post(
    '/api/payment-batches/:id/notice',
    {
      config: { roles: RUNNERS, ...FINANCE },
      schema: {
        tags,
        summary: "Publish a draft batch's roster for the scheme's public-notice days, from today (audited)",
        params: IdParam,
        response: { 200: BatchView },
      },
    },
    async (req) => {
      await review.publishNotice(actor(req), req.params.id);
      return view(actor(req), req.params.id);
    },
  );
  app.post(
    '/api/payment-batches/:id/objections',
    {
      config: { roles: ['countyAdmin'] },
      schema: {
        tags,
        summary:
          'Record an objection to one row under notice, with its reason; upheld, the row leaves the batch (audited)',
        params: IdParam,
        body: ObjectionBody,
        response: { 200: BatchView },
      },
    },
    async (req) => {
      await review.recordObjection(actor(req), req.params.id, req.body);
      return view(actor(req), req.params.id);
    },
  );
  app.post(
    '/api/payment-batches/:id/approve',
    {
      config: { roles: ['countyAdmin'] },
      schema: {
        tags,
        summary:
          'Approve a batch: a county administrator other than whoever ran the cycle, after its public notice (audited)',
        params: IdParam,
        response: { 200: BatchView },
      },
    },
    async (req) => {
      await review.approve(actor(req), req.params.id);
      return view(actor(req), req.params.id);
    },
  );
  app.post(
    '/api/payment-batches/:id/cancel',
    {
      config: { roles: RUNNERS, ...FINANCE },
      schema: {
        tags,
        summary:
          'Cancel a batch not yet exported, with a reason; its people are payable again in a later cycle (audited)',
        params: IdParam,
        body: CancelBatchBody,
        response: { 200: BatchView },
      },
    },
    async (req) => {
      await review.cancel(actor(req), req.params.id, req.body.reason);
      return view(actor(req), req.params.id);
    },
  );
};
