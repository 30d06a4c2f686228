import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FAMILY_SIZE_CHECK_DEPARTMENTS, type Role } from '@cradle/domain';
import {
  ContactInput,
  ContactParam,
  DecisionBody,
  FamilySizeAnswer,
  FamilySizeCheckBody,
  IdParam,
  ServiceInput,
  SpecialFamilyExportQuery,
  SpecialFamilyFileDetail,
  SpecialFamilyNeedsBody,
  SpecialFamilyPage,
  SpecialFamilyProposal,
  SpecialFamilyQuery,
  VisitInput,
  VisitSettings,
  VisitSettingsBody,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { xlsxRoute } from '../exports/index.js';
import type { SessionUser } from '../auth/index.js';
import type { SpecialFamilyService } from './service.js';
import type { createFamilySizeCheck } from './family-size.js';

// Need to know (issue 16): the most sensitive data in Cradle. Only the family's township, the
// county office and the family's own contacts (a village worker who is one) see a file; row-level
// security limits every read to the jurisdiction, the service a village worker to their families.
// No department, leader or system administrator reaches a file; departments get only the
// family-size check's count.
const READERS = { roles: ['countyAdmin', 'townshipWorker', 'villageWorker'] as Role[] };
const PROPOSERS = { roles: ['townshipWorker'] as Role[] };
const COUNTY = { roles: ['countyAdmin'] as Role[] };
const EDITORS = { roles: ['countyAdmin', 'townshipWorker'] as Role[] };
const CHECKERS = { roles: ['departmentOperator'] as Role[], departments: FAMILY_SIZE_CHECK_DEPARTMENTS };
const tags = ['special-families'];

export const specialFamilyRoutes: FastifyPluginAsyncTypebox<{
  families: SpecialFamilyService;
  checkFamilySize: ReturnType<typeof createFamilySizeCheck>;
}> = async (app, { families, checkFamilySize }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });

  app.get(
    '/api/special-families',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Special-family files of your jurisdiction (audited)',
        querystring: SpecialFamilyQuery,
        response: { 200: SpecialFamilyPage },
      },
    },
    (req) => families.list(actor(req), req.query),
  );
  xlsxRoute(app, '/api/special-families/export.xlsx', {
    config: READERS,
    tags,
    summary: 'The list as XLSX (names and ID numbers masked; audited)',
    querystring: SpecialFamilyExportQuery,
    name: { zh: '计划生育特殊家庭', en: 'special-families' },
    workbook: (a, q, lang) => families.exportXlsx(a, q, lang),
  });
  app.get(
    '/api/special-families/:id',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'A file with its contacts, visits, services and history (audited)',
        params: IdParam,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.detail(actor(req), req.params.id),
  );
  app.post(
    '/api/special-families',
    {
      config: PROPOSERS,
      schema: {
        tags,
        summary: 'Propose a file with its two contacts',
        body: SpecialFamilyProposal,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.propose(actor(req), req.body),
  );
  for (const [path, summary, run] of [
    ['confirm', 'Confirm a proposed file (not by its proposer)', families.confirm],
    ['reject', 'Reject a proposed file, with the reason', families.reject],
    ['end', 'End a confirmed file, with the reason; payments stop from the next period', families.end],
  ] as const)
    app.post(
      `/api/special-families/:id/${path}`,
      {
        config: COUNTY,
        schema: { tags, summary, params: IdParam, body: DecisionBody, response: { 200: SpecialFamilyFileDetail } },
      },
      (req) => run(actor(req), req.params.id, req.body),
    );
  app.post(
    '/api/special-families/:id/visits',
    {
      config: { roles: ['townshipWorker', 'villageWorker'] as Role[] },
      schema: {
        tags,
        summary: 'Record a visit',
        params: IdParam,
        body: VisitInput,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.recordVisit(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/special-families/:id/services',
    {
      config: { roles: ['townshipWorker', 'villageWorker'] as Role[] },
      schema: {
        tags,
        summary: 'Record a service received',
        params: IdParam,
        body: ServiceInput,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.recordService(actor(req), req.params.id, req.body),
  );
  // Contacts and needs change after the proposal: the family's township or the county (issue 16).
  app.put(
    '/api/special-families/:id/needs',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: "Change a file's needs (audited with the old and new)",
        params: IdParam,
        body: SpecialFamilyNeedsBody,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.setNeeds(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/special-families/:id/contacts',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: 'Add a contact to a file (3+X: at most six)',
        params: IdParam,
        body: ContactInput,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.addContact(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/special-families/:id/contacts/:contactId/end',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: 'A contact leaves a file (a worker and a family doctor must remain)',
        params: ContactParam,
        body: DecisionBody,
        response: { 200: SpecialFamilyFileDetail },
      },
    },
    (req) => families.endContact(actor(req), req.params.id, req.params.contactId, req.body),
  );
  app.get(
    '/api/special-family-settings',
    {
      config: READERS,
      schema: { tags, summary: 'The visit interval that applies here', response: { 200: VisitSettings } },
    },
    (req) => families.settings(actor(req)),
  );
  app.put(
    '/api/special-family-settings',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: "Set the county's visit interval (the reading of 定期)",
        body: VisitSettingsBody,
        response: { 200: VisitSettings },
      },
    },
    (req) => families.setSettings(actor(req), req.body.visitIntervalMonths),
  );
  app.post(
    '/api/family-size-checks',
    {
      config: CHECKERS,
      schema: {
        tags,
        summary: 'How many minor children a parent has: a count and birth years, audited with the purpose',
        body: FamilySizeCheckBody,
        response: { 200: FamilySizeAnswer },
      },
    },
    (req) => checkFamilySize(actor(req), req.body, requestLang(req)),
  );
};
