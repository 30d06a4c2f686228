import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FINANCE_DEPARTMENTS } from '@cradle/domain';
import { commonError } from '../errors.js';
import { cleanFileName } from '../http/index.js';
import { importBankReturn } from './bank-return.js';
import { exportBatch, exportChecksum, readOnce, type PaymentFileDeps } from './export.js';
import { PaymentFileError } from './payment-file-errors.js';
import { BankReturnView, ExportBody, FileForm, IdParam, PaymentFile, Sha256File } from '@cradle/contract';
import { documentForm, uploadFailure, uploadedFile } from '../uploads.js';
import type { Actor } from './versions-service.js';

// The role gate; the service also requires the finance department.
const FINANCE = ['departmentOperator'] as const;
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const paymentFileRoutes: FastifyPluginAsyncTypebox<PaymentFileDeps> = async (app, deps) => {
  const actor = (req: { user: unknown; ip: string }) => ({ user: req.user, clientIp: req.ip }) as Actor;
  const tags = ['benefits'];

  app.post(
    '/api/payment-batches/:id/export',
    {
      config: { roles: FINANCE, departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary:
          'Export a complete batch for the one-card platform (一卡通) as CSV or XLSX with its SHA-256 (finance, fresh TOTP code; audited)',
        produces: Object.values(CONTENT_TYPES),
        params: IdParam,
        body: ExportBody,
        response: { 200: PaymentFile },
      },
    },
    async (req, reply) => {
      const e = await exportBatch(deps, actor(req), req.params.id, req.body);
      return reply
        .header('content-type', CONTENT_TYPES[e.format])
        .header('content-disposition', `attachment; filename="${e.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-cradle-sha256', e.sha256)
        .header('x-cradle-export-id', String(e.id))
        .header('x-cradle-row-count', String(e.rowCount))
        .header('x-cradle-total-fen', String(e.totalFen))
        .send(readOnce(e.filePath));
    },
  );

  app.get(
    '/api/payment-exports/:id/sha256',
    {
      config: { roles: ['departmentOperator', 'countyAdmin', 'systemAdmin'], departments: FINANCE_DEPARTMENTS },
      schema: {
        tags,
        summary: "An export's checksum as a .sha256 file",
        produces: ['text/plain'],
        params: IdParam,
        response: { 200: Sha256File },
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="export-${req.params.id}.sha256"`)
        .send(await exportChecksum(deps.database, actor(req), req.params.id)),
  );

  app.post(
    '/api/payment-batches/:id/bank-return',
    {
      config: { roles: FINANCE, departments: FINANCE_DEPARTMENTS, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags,
        summary:
          "Import the bank's return file (CSV or XLSX): marks payments paid, failed or returned, all rows or none (finance; audited)",
        consumes: ['multipart/form-data'],
        params: IdParam,
        response: { 200: BankReturnView },
      },
    },
    async (req) => {
      const file = await uploadedFile(req);
      if (!file) throw PaymentFileError('bankReturn.noFile');
      // The name is stored, shown and audited: without path, hidden or bidi characters (http/).
      const fileName = cleanFileName(file.filename, 200);
      const ext = path.extname(fileName).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') {
        file.file.resume();
        throw PaymentFileError('bankReturn.unsupportedFormat');
      }
      await mkdir(deps.workDir, { recursive: true, mode: 0o700 });
      const filePath = path.join(deps.workDir, `return-${randomBytes(12).toString('hex')}${ext}`);
      try {
        await pipeline(file.file, createWriteStream(filePath, { mode: 0o600 })).catch((err: unknown) => {
          throw uploadFailure(err);
        });
        // Over the size limit the stream stops early: never read a truncated return.
        if (file.file.truncated) throw commonError('payload.tooLarge');
        return await importBankReturn(deps.database, actor(req), req.params.id, {
          filePath,
          fileName,
          format: ext === '.csv' ? 'csv' : 'xlsx',
        });
      } finally {
        await unlink(filePath).catch(() => undefined);
      }
    },
  );
};
