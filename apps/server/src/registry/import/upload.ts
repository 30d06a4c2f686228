import { createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { defineErrors, commonError } from '../../errors.js';
import { cleanFileName } from '../../http/index.js';
import { uploadedFile, uploadFailure } from '../../uploads.js';
import { pick, type Lang } from '@cradle/domain';
import type { ImportRowError } from './row-errors.js';
import type { ImportFormat, ImportJob as Job } from './types.js';

// Receiving an import's file (the persons import, and the life events' of events/, issue 13):
// a cleaned name, only .csv and .xlsx, an .xls refused with what to do, nothing partial left.

export const importError = defineErrors({
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

export interface ReceivedFile {
  filePath: string;
  fileName: string;
  format: ImportFormat;
}

/** Stores the upload in `uploadDir` (mode 0600) and says what it is; throws the import's refusals. */
export async function receiveImportFile(req: FastifyRequest, uploadDir: string): Promise<ReceivedFile> {
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
  return { filePath, fileName, format: ext === '.csv' ? 'csv' : 'xlsx' };
}

/** A job as the API answers it (the persons' and the life events' imports alike). */
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
export const importJobView = (j: Job, lang: Lang) => ({
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

/** A job with its first row errors, as the API answers it (both imports' `GET …/:id`). */
export const importJobDetailView = (d: { job: Job; errors: readonly ImportRowError[] }, lang: Lang) => ({
  ...importJobView(d.job, lang),
  errors: d.errors.map((e) => ({ row: e.rowNo, field: e.field, code: e.code, message: pick(e.message, lang) })),
});
