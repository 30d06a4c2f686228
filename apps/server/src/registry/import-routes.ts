import { createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pick, REGISTRY_ROLES, type Lang } from '@cradle/domain';
import { defineErrors, commonError, requestLang } from '../errors.js';
import { cleanFileName } from '../http/index.js';
import { sendXlsx } from '../exports/index.js';
import type { ImportService } from './import/service.js';
import { importTemplateCsv, importTemplateXlsx } from './import/template.js';
import type { ImportJob as Job } from './import/types.js';
import { FileForm, ImportJobDetail, ImportJobList, ImportJobParam, ImportStarted, XlsxFile } from '@cradle/contract';
import { documentForm, uploadFailure, uploadedFile } from '../uploads.js';

const importError = defineErrors({
  'import.noFile': { status: 400, message: { zh: '请选择要导入的文件', en: 'Choose a file to import' } },
  'import.unsupportedFormat': {
    status: 400,
    message: {
      zh: '只能导入 .xlsx 或 .csv 文件。请在 Excel 或 WPS 中“另存为”“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”，或下载导入模板填写后再导入',
      en: 'Only .xlsx and .csv files can be imported. In Excel or WPS use Save As "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)", or fill in the import template, then import that file',
    },
  },
  // Excel 97–2003 is a binary format of its own (OLE2) that the readers do not take: say how to convert it.
  'import.legacyXls': {
    status: 400,
    message: {
      zh: '这是旧版 Excel 97-2003 工作簿（.xls），无法直接导入。请在 Excel 或 WPS 中打开，“另存为”“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”后再导入',
      en: 'This is an old Excel 97–2003 workbook (.xls), which cannot be imported as it is. Open it in Excel or WPS, use Save As "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)", then import that file',
    },
  },
  'import.notFound': {
    status: 404,
    message: { zh: '找不到该导入任务，或它不在您的辖区内', en: 'Import job not found, or not in your jurisdiction' },
  },
});

// Importers: the roles that keep the registry. Department operators and leaders only read it.
// Whoever keeps the registry (need to know, issue 11).
const IMPORTERS = REGISTRY_ROLES;

// The OLE2 compound-file signature every Excel 97–2003 workbook starts with.
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function isLegacyXls(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(OLE2_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(OLE2_MAGIC);
  } finally {
    await handle.close();
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const view = (j: Job, lang: Lang) => ({
  id: j.id,
  fileName: j.fileName,
  format: j.format,
  status: j.status,
  totalRows: j.totalRows,
  processedRows: j.processedRows,
  validRows: j.validRows,
  invalidRows: j.invalidRows,
  inserted: j.inserted,
  updated: j.updated,
  unchanged: j.unchanged,
  errorsOmitted: j.errorsOmitted,
  failure: j.failure ? { code: j.failure.code, message: pick(j.failure.message, lang) } : null,
  createdAt: new Date(j.createdAt).toISOString(),
  startedAt: iso(j.startedAt),
  finishedAt: iso(j.finishedAt),
});

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
      const file = await uploadedFile(req);
      if (!file) throw importError('import.noFile');
      // The name is stored, shown and audited: without path, hidden or bidi characters (http/).
      const fileName = cleanFileName(file.filename, 200);
      const ext = path.extname(fileName).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') {
        file.file.resume();
        throw importError(ext === '.xls' ? 'import.legacyXls' : 'import.unsupportedFormat');
      }
      await mkdir(uploadDir, { recursive: true, mode: 0o700 });
      const filePath = path.join(uploadDir, `${randomBytes(12).toString('hex')}${ext}`);
      // An aborted upload must not leave a partial file of personal data behind.
      await pipeline(file.file, createWriteStream(filePath, { mode: 0o600 })).catch(async (err: unknown) => {
        await unlink(filePath).catch(() => undefined);
        throw uploadFailure(err);
      });
      // Over the size limit the stream stops early: reject the whole file, never a truncated part.
      if (file.file.truncated) {
        await unlink(filePath).catch(() => undefined);
        throw commonError('payload.tooLarge');
      }
      // An .xls renamed .xlsx or .csv still is one: refused here with what to do, not as an unreadable file later.
      if (await isLegacyXls(filePath)) {
        await unlink(filePath).catch(() => undefined);
        throw importError('import.legacyXls');
      }
      const id = await imports.start({
        filePath,
        fileName,
        format: ext === '.csv' ? 'csv' : 'xlsx',
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
      items: (await imports.list(scope(req))).map((j) => view(j, requestLang(req))),
    }),
  );

  app.get(
    '/api/imports/export.xlsx',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags: ['registry'],
        summary: 'Recent import jobs of your jurisdiction as XLSX (audited)',
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    async (req, reply) => {
      const lang = requestLang(req);
      const workbook = await imports.exportList({ user: req.user!, clientIp: req.ip }, lang);
      return sendXlsx(reply, lang, { zh: '导入任务', en: 'imports' }, workbook);
    },
  );

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
      const lang = requestLang(req);
      return {
        ...view(detail.job, lang),
        errors: detail.errors.map((e) => ({
          row: e.rowNo,
          field: e.field,
          code: e.code,
          message: pick(e.message, lang),
        })),
      };
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
