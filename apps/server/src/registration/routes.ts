import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FamilyServiceDeps } from '../family-deps.js';
import { createAttachmentService, attachmentRoutes } from '../portal/index.js';
import { receiptVerifyRoutes } from '../receipts/index.js';
import {
  RegistrationBulkCompleteBody,
  RegistrationBulkCompleteResult,
  ChildbirthPrefill,
  ChildbirthRegistrationBody,
  RegistrationCompleteBody,
  IdParam,
  MessageBody,
  PortalRegistrationDetail,
  RegistrationExportQuery,
  RegistrationQueueQuery,
  RegistrationQueue,
  RegistrationSummary,
  StaffRegistrationDetail,
} from '@cradle/contract';
import { xlsxRoute } from '../exports/index.js';
import { exportRegistrations } from './export.js';
import { receiptBaseUrl } from './public-url.js';
import { REGISTRATION_HANDLERS, REGISTRATION_READERS } from './roles.js';
import { createRegistrationService } from './service.js';

const READERS = REGISTRATION_READERS;
const HANDLERS = REGISTRATION_HANDLERS;
const portalTags = ['portal'];
const tags = ['childbirthRegistration'];

/** Childbirth registration (生育登记): the portal's side and the township worker's side. */
export const registrationRoutes: FastifyPluginAsyncTypebox<FamilyServiceDeps> = async (app, deps) => {
  const registrations = createRegistrationService(deps);
  const { portal, staff } = registrations;
  // The address printed in receipts: the configured public one; unset, only a request to localhost (public-url.ts).
  const baseUrl = (req: FastifyRequest) => receiptBaseUrl(deps.publicUrl, req);
  const pdf = (reply: FastifyReply, r: { number: string; pdf: Buffer }) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${r.number}.pdf"`)
      .send(r.pdf);

  await app.register(attachmentRoutes, { attachments: createAttachmentService(deps.database, deps.keys) });
  await app.register(receiptVerifyRoutes, {
    database: deps.database,
    keys: deps.keys,
    verifiers: { childbirthRegistration: (payload) => registrations.verify(payload) },
  });

  const resident = { resident: true } as const;
  app.get(
    '/api/portal/childbirth-registrations/prefill',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary:
          'What the registry holds for your family: parents, children, the parity of a new child, your residence (audited)',
        response: { 200: ChildbirthPrefill },
      },
    },
    (req) => portal.prefill(req.resident!, req.ip),
  );
  app.post(
    '/api/portal/childbirth-registrations',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary: 'Register a pregnancy or a birth by written commitment; 400 with field errors (zh, en) in details',
        body: ChildbirthRegistrationBody,
        response: { 201: PortalRegistrationDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await portal.submit(req.resident!, req.body, req.ip)),
  );
  app.get(
    '/api/portal/childbirth-registrations',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary: 'Your childbirth registrations, newest first',
        response: { 200: Type.Array(RegistrationSummary) },
      },
    },
    (req) => portal.list(req.resident!),
  );
  app.get(
    '/api/portal/childbirth-registrations/:id',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary:
          'One of your registrations: status, deadline, any request for more information, files, receipt availability',
        params: IdParam,
        response: { 200: PortalRegistrationDetail },
      },
    },
    (req) => portal.detail(req.resident!, req.params.id),
  );
  app.post(
    '/api/portal/childbirth-registrations/:id/reply',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary: 'Answer a request for more information (attach files first); back to the township',
        params: IdParam,
        body: MessageBody,
        response: { 200: PortalRegistrationDetail },
      },
    },
    (req) => portal.reply(req.resident!, req.params.id, req.body.message, req.ip),
  );
  app.get(
    '/api/portal/childbirth-registrations/:id/receipt.pdf',
    {
      config: resident,
      schema: {
        tags: portalTags,
        summary: 'The electronic receipt of a completed registration (PDF)',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => pdf(reply, await portal.receipt(req.resident!, req.params.id, baseUrl(req), req.ip)),
  );

  app.get(
    '/api/childbirth-registrations',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'The registrations of your jurisdiction with their deadline state, counts per status and overdue',
        querystring: RegistrationQueueQuery,
        response: { 200: RegistrationQueue },
      },
    },
    (req) => staff.queue(req.user!, req.query),
  );
  xlsxRoute(app, '/api/childbirth-registrations/export.xlsx', {
    config: { roles: READERS },
    tags,
    summary: 'The queue with its filters as XLSX (masked ID numbers; streamed; audited)',
    querystring: RegistrationExportQuery,
    name: { zh: '生育登记', en: 'registrations' },
    workbook: (a, q, lang) => exportRegistrations(deps.database, staff, a.user, a.clientIp, q, lang),
  });
  app.get(
    '/api/childbirth-registrations/:id',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'A registration with its registry conflicts, registry matches and history (audited)',
        params: IdParam,
        response: { 200: StaffRegistrationDetail },
      },
    },
    (req) => staff.detail(req.user!, req.params.id, req.ip),
  );
  app.post(
    '/api/childbirth-registrations/bulk-complete',
    {
      config: { roles: HANDLERS },
      schema: {
        tags,
        summary:
          'Complete several at once; those with conflicts or waiting for the family are skipped, with the reason',
        body: RegistrationBulkCompleteBody,
        response: { 200: RegistrationBulkCompleteResult },
      },
    },
    (req) => staff.bulkComplete(req.user!, req.body.ids, baseUrl(req), req.ip),
  );
  app.post(
    '/api/childbirth-registrations/:id/complete',
    {
      config: { roles: HANDLERS },
      schema: {
        tags,
        summary: 'Complete and issue the receipt; with registry conflicts a note on how they were resolved is required',
        params: IdParam,
        body: RegistrationCompleteBody,
        response: { 200: StaffRegistrationDetail },
      },
    },
    (req) => staff.complete(req.user!, req.params.id, req.body.note, baseUrl(req), req.ip),
  );
  app.post(
    '/api/childbirth-registrations/:id/request-info',
    {
      config: { roles: HANDLERS },
      schema: {
        tags,
        summary: 'Ask the family for more information (the family is told in the portal and by SMS)',
        params: IdParam,
        body: MessageBody,
        response: { 200: StaffRegistrationDetail },
      },
    },
    (req) => staff.requestInfo(req.user!, req.params.id, req.body.message, req.ip),
  );
  app.get(
    '/api/childbirth-registrations/:id/receipt.pdf',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: 'The electronic receipt of a completed registration (PDF; audited)',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => pdf(reply, await staff.receipt(req.user!, req.params.id, baseUrl(req), req.ip)),
  );
};
