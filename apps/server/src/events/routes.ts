import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { Type } from 'typebox';
import { EVENT_RECORDING_DEPARTMENTS, REGISTRY_ROLES, type Role } from '@cradle/domain';
import {
  FileForm,
  ImportJobDetail,
  ImportJobList,
  ImportJobParam,
  ImportStarted,
  LifeEventExportQuery,
  LifeEventInput,
  LifeEventPage,
  LifeEventQuery,
  LifeEventRecorded,
  ServiceAccountBody,
  ServiceAccountList,
  ServiceAccountParam,
  ServiceAccountToken,
  ServiceAccountView,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { xlsxRoute } from '../exports/index.js';
import { documentForm } from '../uploads.js';
import { importJobDetailView, importJobView, receiveImportFile } from '../registry/index.js';
import type { SessionUser } from '../auth/index.js';
import type { EventService } from './service.js';
import type { EventImports } from './imports.js';
import { eventTemplateXlsx } from './imports.js';
import type { ServiceAccounts } from './service-accounts.js';
import { eventError } from './errors.js';

// Need to know (docs/architecture.md): hospital and public-security operators record (each its
// own kinds, service.ts) and see what their department sent; the registry's staff read the
// jurisdiction's events; leaders see none. Administrators keep the service accounts.
const RECORDERS = { roles: ['departmentOperator'] as Role[], departments: EVENT_RECORDING_DEPARTMENTS };
const READERS = {
  roles: [...REGISTRY_ROLES, 'departmentOperator'] as Role[],
  departments: EVENT_RECORDING_DEPARTMENTS,
};
const ADMINS = { roles: ['systemAdmin', 'countyAdmin'] as Role[] };

export const eventRoutes: FastifyPluginAsyncTypebox<{
  events: EventService;
  imports: EventImports;
  accounts: ServiceAccounts;
  uploadDir: string;
}> = async (app, { events, imports, accounts, uploadDir }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });

  app.get(
    '/api/life-events',
    {
      config: READERS,
      schema: {
        tags: ['events'],
        summary: 'Life events of your jurisdiction (a department: its own)',
        querystring: LifeEventQuery,
        response: { 200: LifeEventPage },
      },
    },
    (req) => events.list(req.user!, req.query),
  );
  xlsxRoute(app, '/api/life-events/export.xlsx', {
    config: READERS,
    tags: ['events'],
    summary: 'The list as XLSX (masked ID numbers; audited)',
    querystring: LifeEventExportQuery,
    name: { zh: '生命事件', en: 'life-events' },
    workbook: (a, q, lang) => events.exportXlsx(a, q, lang),
  });
  app.post(
    '/api/life-events',
    {
      config: RECORDERS,
      schema: {
        tags: ['events'],
        summary: 'Record a death, move or marriage (idempotent by reference)',
        body: LifeEventInput,
        response: { 200: LifeEventRecorded },
      },
    },
    (req) => events.record(actor(req), req.body),
  );

  app.post(
    '/api/life-event-imports',
    {
      config: { ...RECORDERS, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags: ['events'],
        summary: 'Upload a CSV or XLSX file of life events; it is recorded in the background',
        consumes: ['multipart/form-data'],
        response: { 202: ImportStarted },
      },
    },
    async (req, reply) => {
      const file = await receiveImportFile(req, uploadDir);
      return reply.status(202).send({ id: await imports.start(req.user!, req.ip, file) });
    },
  );
  app.get(
    '/api/life-event-imports',
    {
      config: RECORDERS,
      schema: { tags: ['events'], summary: "Your department's recent event files", response: { 200: ImportJobList } },
    },
    async (req) => ({ items: (await imports.list(req.user!)).map((j) => importJobView(j, requestLang(req))) }),
  );
  xlsxRoute(app, '/api/life-event-imports/template.xlsx', {
    config: RECORDERS,
    tags: ['events'],
    summary: 'The event template, every column text',
    name: { zh: '生命事件导入模板', en: 'life-events-template' },
    workbook: (_a, _q, lang) => eventTemplateXlsx(lang),
  });
  app.get(
    '/api/life-event-imports/:id',
    {
      config: RECORDERS,
      schema: {
        tags: ['events'],
        summary: 'An event file with its row errors',
        params: ImportJobParam,
        response: { 200: ImportJobDetail },
      },
    },
    async (req) => {
      const detail = await imports.get(req.user!, req.params.id);
      if (!detail) throw eventError('lifeEvent.importNotFound');
      return importJobDetailView(detail, requestLang(req));
    },
  );
  app.get(
    '/api/life-event-imports/:id/errors.csv',
    {
      config: RECORDERS,
      schema: {
        tags: ['events'],
        summary: 'The row errors as CSV',
        params: ImportJobParam,
        response: { 200: Type.Unsafe<Readable>(Type.String()) },
      },
    },
    async (req, reply) => {
      const report = await imports.errorReport(req.user!, req.params.id, requestLang(req));
      if (report === null) throw eventError('lifeEvent.importNotFound');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="life-events-${req.params.id}-errors.csv"`)
        .send(ReadableStream.from(report));
    },
  );

  app.get(
    '/api/service-accounts',
    {
      config: ADMINS,
      schema: {
        tags: ['events'],
        summary: 'Service accounts of your jurisdiction',
        response: { 200: ServiceAccountList },
      },
    },
    async (req) => ({ items: await accounts.list(actor(req)) }),
  );
  app.post(
    '/api/service-accounts',
    {
      config: ADMINS,
      schema: {
        tags: ['events'],
        summary: 'Create a service account; its token is shown once',
        body: ServiceAccountBody,
        response: { 200: ServiceAccountToken },
      },
    },
    (req) => accounts.create(actor(req), req.body),
  );
  app.post(
    '/api/service-accounts/:id/rotate',
    {
      config: ADMINS,
      schema: {
        tags: ['events'],
        summary: 'A new token; the old one stops at once',
        params: ServiceAccountParam,
        response: { 200: ServiceAccountToken },
      },
    },
    (req) => accounts.rotate(actor(req), req.params.id),
  );
  app.post(
    '/api/service-accounts/:id/revoke',
    {
      config: ADMINS,
      schema: {
        tags: ['events'],
        summary: 'Revoke: its token stops at once',
        params: ServiceAccountParam,
        response: { 200: ServiceAccountView },
      },
    },
    (req) => accounts.revoke(actor(req), req.params.id),
  );
};
