import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { REGISTRY_ROLES } from '@cradle/domain';
import { requestLang } from '../errors.js';
import { xlsxRoute } from '../exports/index.js';
import type { ImportService } from './import/service.js';
import { importTemplateCsv, importTemplateXlsx } from './import/template.js';
import { FileForm, ImportJobDetail, ImportJobList, ImportJobParam, ImportStarted, XlsxFile } from '@cradle/contract';
import { documentForm } from '../uploads.js';
import { importError, importJobDetailView, importJobView, receiveImportFile } from './import/upload.js';

// Importers: the roles that keep the registry. Department operators and leaders only read it.
// Whoever keeps the registry (need to know, issue 11).
const IMPORTERS = REGISTRY_ROLES;

export const importRoutes: FastifyPluginAsyncTypebox<{ imports: ImportService; uploadDir: string }> = async (
  app,
  { imports, uploadDir },
) => {
  const scope = (req: { user: { jurisdictionCode: string } | null }) => ({
    jurisdictionCode: req.user!.jurisdictionCode,
  });

  app.post(
    '/api/imports',
    {
      config: { roles: IMPORTERS, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags: ['registry'],
        summary: 'Upload a CSV or XLSX file of persons; the import runs in the background',
        consumes: ['multipart/form-data'],
        response: { 202: ImportStarted },
      },
    },
    async (req, reply) => {
      const { filePath, fileName, format } = await receiveImportFile(req, uploadDir);
      const id = await imports.start({
        filePath,
        fileName,
        format,
        user: { id: req.user!.id, username: req.user!.username, jurisdictionCode: req.user!.jurisdictionCode },
        clientIp: req.ip,
      });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/imports',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags: ['registry'],
        summary: 'Recent import jobs of your jurisdiction',
        response: { 200: ImportJobList },
      },
    },
    async (req) => ({
      items: (await imports.list(scope(req))).map((j) => importJobView(j, requestLang(req))),
    }),
  );

  xlsxRoute(app, '/api/imports/export.xlsx', {
    config: { roles: IMPORTERS },
    tags: ['registry'],
    summary: 'Recent import jobs of your jurisdiction as XLSX (audited)',
    name: { zh: '导入任务', en: 'imports' },
    workbook: (a, _q, lang) => imports.exportList(a, lang),
  });

  app.get(
    '/api/imports/template.csv',
    {
      schema: {
        tags: ['registry'],
        summary: 'The import template (UTF-8 CSV with the Chinese headers)',
        response: { 200: Type.String() },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cradle-persons-template.csv"')
        .send(importTemplateCsv()),
  );

  app.get(
    '/api/imports/template.xlsx',
    {
      schema: {
        tags: ['registry'],
        summary: 'The import template as XLSX, every column text (an ID number keeps its 18 digits)',
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    async (_req, reply) => {
      void reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="cradle-persons-template.xlsx"');
      return importTemplateXlsx();
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags: ['registry'],
        summary: 'An import job with its progress and first row errors',
        params: ImportJobParam,
        response: { 200: ImportJobDetail },
      },
    },
    async (req) => {
      const detail = await imports.get(scope(req), req.params.id);
      if (!detail) throw importError('import.notFound');
      return importJobDetailView(detail, requestLang(req));
    },
  );

  app.get(
    '/api/imports/:id/errors.csv',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags: ['registry'],
        summary: 'The per-row error report as CSV, streamed',
        params: ImportJobParam,
        // Text in the OpenAPI document; a stream to the handler's types (no serializer touches it).
        response: { 200: Type.Unsafe<Readable>(Type.String()) },
      },
    },
    async (req, reply) => {
      const report = await imports.errorReport(scope(req), req.params.id, requestLang(req));
      if (report === null) throw importError('import.notFound');
      // Streamed page by page (service.errorReport): never one string, other requests run between pages.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`)
        .send(Readable.from(report));
    },
  );
};
