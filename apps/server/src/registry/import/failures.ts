import type { CanonicalField, Message } from '@cradle/domain';
import { fieldLabel } from '@cradle/domain';
import { type SpreadsheetError, spreadsheetFailure, type SpreadsheetFailureCode } from '../../spreadsheet/index.js';

/** Why a whole job failed, as stored in import_jobs.failure. */
export type ImportFailureCode =
  SpreadsheetFailureCode | 'file.missingColumns' | 'file.tooManyColumns' | 'import.interrupted' | 'internal';

export interface ImportFailure {
  code: ImportFailureCode;
  message: Message;
}

/** Thrown by the reader and the job runner; the runner stores it on the job. */
export class ImportFailureError extends Error {
  /** `cause` is the parser's own error, kept for the server log; users see only `failure`. */
  constructor(
    readonly failure: ImportFailure,
    options?: { cause?: unknown },
  ) {
    super(`${failure.code}: ${failure.message.en}`, options);
  }
}

const MESSAGES: Record<'import.interrupted' | 'internal', Message> = {
  'import.interrupted': {
    zh: '导入因服务重启而中断；已导入的行保留，重新导入同一文件即可补齐（不会产生重复）',
    en: 'The import was interrupted by a restart; rows already loaded are kept, and importing the same file again completes it without duplicates',
  },
  internal: {
    zh: '导入时发生系统内部错误，已记录；已导入的行保留，请稍后重新导入同一文件',
    en: 'An internal error stopped the import and has been logged; rows already loaded are kept, import the same file again later',
  },
};

export function importFailure(code: keyof typeof MESSAGES | 'file.empty'): ImportFailureError {
  return code === 'file.empty'
    ? asImportFailure(spreadsheetFailure(code))
    : new ImportFailureError({ code, message: MESSAGES[code] });
}

/** A file the spreadsheet readers cannot read fails the job like the import's own failures. */
export function asImportFailure(e: SpreadsheetError): ImportFailureError {
  return new ImportFailureError(e.failure, { cause: e.cause });
}

export function missingColumnsFailure(missing: readonly CanonicalField[]): ImportFailureError {
  const zh = missing.map((f) => `“${fieldLabel(f).zh}”`).join('、');
  const en = missing.map((f) => `"${fieldLabel(f).en}"`).join(', ');
  return new ImportFailureError({
    code: 'file.missingColumns',
    message: {
      zh: `表头缺少必填列：${zh}。请使用导入模板的表头后重新导入，本次未导入任何数据`,
      en: `The header lacks required columns: ${en}. Use the import template's header and import again; nothing was loaded`,
    },
  });
}

/** A header wider than any person file: refused before its rows are read (see FileLimits). */
export function tooManyColumnsFailure(columns: number, limit: number): ImportFailureError {
  return new ImportFailureError({
    code: 'file.tooManyColumns',
    message: {
      zh: `表头有 ${columns} 列，超过上限 ${limit} 列；请只保留导入模板中的列后重新导入，本次未导入任何数据`,
      en: `The header has ${columns} columns, more than the limit of ${limit}; keep only the import template's columns and import again; nothing was loaded`,
    },
  });
}
