import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import {
  CHILDCARE_INSPECTING_DEPARTMENTS,
  CHILDCARE_READERS,
  CHILDCARE_REVIEWERS,
  INSTITUTION_ROLES,
  type Department,
} from '@cradle/domain';
import {
  EmergencyClosureBody,
  IdParam,
  IncidentBody,
  IncidentPage,
  IncidentQuery,
  InspectionBody,
  RatingBody,
  RectificationExportQuery,
  RectificationPage,
  RectificationQuery,
  RectificationReportBody,
  SafetyRecord,
  SafetyRecordQuery,
  SupervisedPage,
  SupervisedQuery,
  SupervisionView,
  XlsxFile,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { sendXlsx } from '../exports/index.js';
import { sendAttachment } from '../http/index.js';
import type { SessionUser } from '../auth/index.js';
import type { SupervisionService } from './supervision.js';
import type { SupervisionLists } from './supervision-lists.js';
import type { DocumentDownload } from './document-download.js';
import { INSTITUTION_LISTS, institutionListFileName } from './institution-exports.js';

// Need to know (docs/architecture.md): the county's childcare office (countyAdmin) inspects every
// area, rates, logs incidents and closes; education's operators inspect and read 幼儿园托班 only;
// fire and rescue, market regulation, housing, disease control and emergency management inspect and
// read their own areas (packages/domain/src/childcare/area-owners.ts; the service narrows them and
// refuses another area); the readers of childcare read; an institution's own account reads its own
// supervision and reports its rectifications done.
const COUNTY = { roles: CHILDCARE_REVIEWERS };
const INSPECTORS = {
  roles: [...CHILDCARE_REVIEWERS, 'departmentOperator' as const],
  departments: CHILDCARE_INSPECTING_DEPARTMENTS,
};
const STAFF = {
  roles: [...new Set([...CHILDCARE_READERS, ...CHILDCARE_REVIEWERS, 'departmentOperator' as const])],
  departments: CHILDCARE_INSPECTING_DEPARTMENTS,
};
const WITH_INSTITUTION = { ...STAFF, roles: [...STAFF.roles, ...INSTITUTION_ROLES] };
// Ratings and incidents are the county's (and education's, for 幼儿园托班): an inspecting
// department's page shows neither (area-owners.ts, `whole`), so neither exports to it.
const WHOLE_REACH: readonly Department[] = ['education'];

export const childcareSupervisionRoutes: FastifyPluginAsyncTypebox<{
  supervision: SupervisionService;
  lists: SupervisionLists;
  download: DocumentDownload;
}> = async (app, { supervision, lists, download }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });
  const tags = ['childcare'];
  const xlsx = Type.Unsafe<Readable>(XlsxFile);

  app.get(
    '/api/childcare/supervision',
    {
      config: STAFF,
      schema: {
        tags,
        summary: 'Filed institutions with open and overdue rectifications and latest rating',
        querystring: SupervisedQuery,
        response: { 200: SupervisedPage },
      },
    },
    (req) => lists.supervised(req.user!, req.query),
  );
  app.get(
    '/api/childcare/supervision/export.xlsx',
    { config: STAFF, schema: { tags, summary: 'The supervision list as XLSX (audited)', response: { 200: xlsx } } },
    (req, reply) => {
      const lang = requestLang(req);
      return sendXlsx(
        reply,
        lang,
        { zh: '托育机构监管', en: 'childcare-supervision' },
        lists.supervisedXlsx(actor(req), lang),
      );
    },
  );
  app.get(
    '/api/childcare/institutions/:id/supervision',
    {
      config: WITH_INSTITUTION,
      schema: {
        tags,
        summary: "An institution's inspections, rectifications, ratings, incidents and closure (audited)",
        params: IdParam,
        response: { 200: SupervisionView },
      },
    },
    (req) => supervision.view(actor(req), req.params.id),
  );
  // Each table of the institution's page as XLSX, to those who see it there: its incidents are
  // not shown to the institution's own account, so neither is their export.
  for (const list of INSTITUTION_LISTS)
    app.get(
      `/api/childcare/institutions/:id/${list}/export.xlsx`,
      {
        config:
          list === 'incidents'
            ? { ...STAFF, departments: WHOLE_REACH }
            : list === 'ratings'
              ? { ...WITH_INSTITUTION, departments: WHOLE_REACH }
              : WITH_INSTITUTION,
        schema: {
          tags,
          summary: `The institution's ${list} as XLSX (audited)`,
          params: IdParam,
          response: { 200: xlsx },
        },
      },
      async (req, reply) => {
        const lang = requestLang(req);
        const workbook = await lists.institutionXlsx(actor(req), req.params.id, list, lang);
        return sendXlsx(reply, lang, institutionListFileName(list, req.params.id), workbook);
      },
    );
  app.post(
    '/api/childcare/inspections',
    {
      config: INSPECTORS,
      schema: {
        tags,
        summary: 'Record an inspection by checklist; each failed item opens a rectification',
        body: InspectionBody,
        response: { 200: SupervisionView },
      },
    },
    (req) => supervision.inspect(actor(req), req.body),
  );
  app.get(
    '/api/childcare/rectifications',
    {
      config: WITH_INSTITUTION,
      schema: {
        tags,
        summary: 'Rectification items, due dates and overdue flags',
        querystring: RectificationQuery,
        response: { 200: RectificationPage },
      },
    },
    (req) => lists.rectifications(req.user!, req.query),
  );
  app.get(
    '/api/childcare/rectifications/export.xlsx',
    {
      config: WITH_INSTITUTION,
      schema: {
        tags,
        summary: 'Rectification items as XLSX (audited)',
        querystring: RectificationExportQuery,
        response: { 200: xlsx },
      },
    },
    (req, reply) => {
      const lang = requestLang(req);
      return sendXlsx(
        reply,
        lang,
        { zh: '整改事项', en: 'childcare-rectifications' },
        lists.rectificationsXlsx(actor(req), req.query, lang),
      );
    },
  );
  app.post(
    '/api/childcare/rectifications/:id/report',
    {
      config: { roles: INSTITUTION_ROLES },
      schema: {
        tags,
        summary: 'The institution reports a rectification done',
        params: IdParam,
        body: RectificationReportBody,
        response: { 200: SupervisionView },
      },
    },
    (req) => supervision.report(actor(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/childcare/ratings',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: 'Record the yearly quality rating',
        body: RatingBody,
        response: { 200: SupervisionView },
      },
    },
    (req) => supervision.rate(actor(req), req.body),
  );
  app.post(
    '/api/childcare/incidents',
    {
      config: COUNTY,
      schema: { tags, summary: 'Record a safety incident', body: IncidentBody, response: { 200: SupervisionView } },
    },
    (req) => supervision.recordIncident(actor(req), req.body),
  );
  app.get(
    '/api/childcare/incidents',
    {
      config: { roles: STAFF.roles.filter((r) => r !== 'departmentOperator') },
      schema: { tags, summary: 'Safety incidents', querystring: IncidentQuery, response: { 200: IncidentPage } },
    },
    (req) => lists.incidents(req.user!, req.query),
  );
  app.get(
    '/api/childcare/incidents/export.xlsx',
    {
      config: { roles: STAFF.roles.filter((r) => r !== 'departmentOperator') },
      schema: { tags, summary: 'Safety incidents as XLSX (audited)', response: { 200: xlsx } },
    },
    (req, reply) => {
      const lang = requestLang(req);
      return sendXlsx(
        reply,
        lang,
        { zh: '托育安全事故', en: 'childcare-incidents' },
        lists.incidentsXlsx(actor(req), lang),
      );
    },
  );
  app.get(
    '/api/childcare/safety-record',
    {
      config: { roles: STAFF.roles.filter((r) => r !== 'departmentOperator') },
      schema: {
        tags,
        summary: '003 三(三): no major safety accident in the three years to a year, for a region',
        querystring: SafetyRecordQuery,
        response: { 200: SafetyRecord },
      },
    },
    (req) => lists.safetyRecord(req.user!, req.query.year, req.query.region),
  );
  app.post(
    '/api/childcare/institutions/:id/emergency-closure',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: 'Close an institution at once (应急处置) with where the children go',
        params: IdParam,
        body: EmergencyClosureBody,
        response: { 200: SupervisionView },
      },
    },
    (req) => supervision.emergencyClose(actor(req), req.params.id, req.body),
  );
  app.get(
    '/api/childcare/documents/:id',
    {
      config: { roles: [...CHILDCARE_REVIEWERS, ...INSTITUTION_ROLES] },
      schema: {
        tags,
        summary: 'Download a filed document (audited)',
        params: IdParam,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) => {
      const f = await download(actor(req), req.params.id);
      return sendAttachment(reply, f, `document-${req.params.id}`);
    },
  );
};
