import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CHILDCARE_READERS, CHILDCARE_REVIEWERS, INSTITUTION_ROLES } from '@cradle/domain';
import {
  ChildcareDocumentView,
  ClosureBody,
  FileForm,
  FilingQueueExportQuery,
  FilingQueuePage,
  FilingQueueQuery,
  FilingSubmitBody,
  IdParam,
  InstitutionDetail,
  InstitutionExportQuery,
  OwnInstitutions,
  InstitutionPage,
  InstitutionQuery,
  PublicInstitutionList,
  PublicInstitutionQuery,
  SendBackBody,
} from '@cradle/contract';
import { xlsxRoute } from '../exports/index.js';
import { documentForm, readUploadedFile } from '../uploads.js';
import type { SessionUser } from '../auth/index.js';
import type { ChildcareService } from './service.js';
import type { ChildcareLists } from './lists.js';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type ChildcareDocuments } from './documents.js';

// Need to know (docs/architecture.md): an institution's own account files, changes and closes
// its institution; the county's health commission reviews; those who oversee childcare read.
const INSTITUTION = { roles: INSTITUTION_ROLES };
const REVIEWERS = { roles: CHILDCARE_REVIEWERS };
const READERS = { roles: [...new Set([...CHILDCARE_READERS, ...CHILDCARE_REVIEWERS])] };

export const childcareRoutes: FastifyPluginAsyncTypebox<{
  childcare: ChildcareService;
  lists: ChildcareLists;
  documents: ChildcareDocuments;
}> = async (app, { childcare, lists, documents }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });
  const tags = ['childcare'];

  // ---- The institution's own account ----
  app.get(
    '/api/childcare/my-institutions',
    {
      config: INSTITUTION,
      schema: { tags, summary: 'Your institutions, every version', response: { 200: OwnInstitutions } },
    },
    (req) => childcare.mine(req.user!),
  );
  app.post(
    '/api/childcare/filings',
    {
      config: INSTITUTION,
      schema: {
        tags,
        summary: 'File (备案) an institution, a change, or a correction: a new version, due in 5 working days',
        body: FilingSubmitBody,
        response: { 200: InstitutionDetail },
      },
    },
    (req) => childcare.submit(actor(req), req.body),
  );
  app.post(
    '/api/childcare/institutions/:id/closure',
    {
      config: INSTITUTION,
      schema: {
        tags,
        summary: 'File the closure (关停) with where the children went',
        params: IdParam,
        body: ClosureBody,
        response: { 200: InstitutionDetail },
      },
    },
    (req) => childcare.close(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/childcare/documents',
    {
      config: { ...INSTITUTION, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags,
        summary: 'Upload a document (PDF, JPEG, PNG, 5 MB) to attach to the next version',
        consumes: ['multipart/form-data'],
        response: { 200: ChildcareDocumentView },
      },
    },
    async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_DOCUMENT_BYTES, types: DOCUMENT_TYPES });
      return documents.upload(actor(req), file);
    },
  );

  // ---- The county's review ----
  app.get(
    '/api/childcare/filings',
    {
      config: REVIEWERS,
      schema: {
        tags,
        summary: 'Versions awaiting review (or sent back), with deadlines; overdue flagged',
        querystring: FilingQueueQuery,
        response: { 200: FilingQueuePage },
      },
    },
    (req) => lists.queue(req.user!, req.query),
  );
  xlsxRoute(app, '/api/childcare/filings/export.xlsx', {
    config: REVIEWERS,
    tags,
    summary: 'The review queue as XLSX (audited)',
    querystring: FilingQueueExportQuery,
    name: { zh: '托育机构备案', en: 'childcare-filings' },
    workbook: (a, q, lang) => lists.queueXlsx(a, q, lang),
  });
  app.post(
    '/api/childcare/filings/:id/complete',
    {
      config: REVIEWERS,
      schema: { tags, summary: 'Complete the filing (备案)', params: IdParam, response: { 200: InstitutionDetail } },
    },
    (req) => childcare.complete(actor(req), req.params.id),
  );
  app.post(
    '/api/childcare/filings/:id/send-back',
    {
      config: REVIEWERS,
      schema: {
        tags,
        summary: 'Send the version back with what to correct (15 working days)',
        params: IdParam,
        body: SendBackBody,
        response: { 200: InstitutionDetail },
      },
    },
    (req) => childcare.sendBack(actor(req), req.params.id, req.body.reason),
  );

  // ---- Readers ----
  app.get(
    '/api/childcare/institutions',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Institutions of your jurisdiction',
        querystring: InstitutionQuery,
        response: { 200: InstitutionPage },
      },
    },
    (req) => lists.institutions(req.user!, req.query),
  );
  xlsxRoute(app, '/api/childcare/institutions/export.xlsx', {
    config: READERS,
    tags,
    summary: 'Institutions as XLSX (audited)',
    querystring: InstitutionExportQuery,
    name: { zh: '托育机构', en: 'childcare-institutions' },
    workbook: (a, q, lang) => lists.institutionsXlsx(a, q, lang),
  });
  app.get(
    '/api/childcare/institutions/:id',
    {
      config: { roles: [...READERS.roles, ...INSTITUTION_ROLES] },
      schema: {
        tags,
        summary: 'An institution with every version (audited)',
        params: IdParam,
        response: { 200: InstitutionDetail },
      },
    },
    (req) => childcare.detail(actor(req), req.params.id),
  );

  // ---- Public disclosure (信息公示): no sign-in ----
  app.get(
    '/api/portal/childcare-institutions',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Filed childcare institutions of a county by township (public; nothing personal)',
        querystring: PublicInstitutionQuery,
        response: { 200: PublicInstitutionList },
      },
    },
    (req) => lists.disclosure(req.query.county),
  );
};
