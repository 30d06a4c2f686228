import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { FINANCE_DEPARTMENTS, type Role } from '@cradle/domain';
import {
  IdParam,
  InstitutionAwardPreview,
  InstitutionAwardQuery,
  InstitutionPaymentList,
  XlsxFile,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { sendXlsx } from '../exports/index.js';
import type { InstitutionAwards } from './institution-awards.js';
import type { Actor } from './versions-service.js';

// Need to know: who runs and checks payments (administrators, finance) sees which institutions
// are paid and why, as they see a batch's roster (batch-review-routes.ts).
const READERS: readonly Role[] = ['countyAdmin', 'departmentOperator', 'systemAdmin'];
const config = { roles: READERS, departments: FINANCE_DEPARTMENTS };
const tags = ['benefits'];

export const institutionAwardRoutes: FastifyPluginAsyncTypebox<{ awards: InstitutionAwards }> = async (
  app,
  { awards },
) => {
  const actor = (req: { user: unknown; ip: string }) => ({ user: req.user, clientIp: req.ip }) as Actor;
  app.get(
    '/api/institution-awards',
    {
      config,
      schema: {
        tags,
        summary: "A scheme paid to childcare institutions: each institution's eligibility today, with its trace",
        querystring: InstitutionAwardQuery,
        response: { 200: InstitutionAwardPreview },
      },
    },
    (req) => awards.preview(actor(req), req.query),
  );
  app.get(
    '/api/payment-batches/:id/institution-payments',
    {
      config,
      schema: {
        tags,
        summary: "A batch's payments to institutions, with the slots counted and the trace kept as paid",
        params: IdParam,
        response: { 200: InstitutionPaymentList },
      },
    },
    (req) => awards.payments(actor(req), req.params.id),
  );
  app.get(
    '/api/payment-batches/:id/institution-payments.xlsx',
    {
      config,
      schema: {
        tags,
        summary: "A batch's payments to institutions as XLSX (audited)",
        params: IdParam,
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    async (req, reply) => {
      const lang = requestLang(req);
      const workbook = await awards.exportPayments(actor(req), req.params.id, lang);
      return sendXlsx(reply, lang, { zh: '机构发放明细', en: 'institution-payments' }, workbook);
    },
  );
};
