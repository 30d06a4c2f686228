import type { CanonicalField, Message } from '@cradle/domain';
import { fieldLabel } from '@cradle/domain';

/** Why a whole job failed, as stored in import_jobs.failure. */
export type ImportFailureCode =
  | 'file.empty'
  | 'file.notUtf8'
  | 'file.binary'
  | 'file.notXlsx'
  | 'file.unreadable'
  | 'file.missingColumns'
  | 'file.tooManyColumns'
  | 'file.tooManySharedStrings'
  | 'import.interrupted'
  | 'internal';

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

const MESSAGES: Record<
  Exclude<
    ImportFailureCode,
    'file.missingColumns' | 'file.unreadable' | 'file.tooManyColumns' | 'file.tooManySharedStrings'
  >,
  Message
> = {
  'file.empty': { zh: '文件是空的，第一行应为表头', en: 'The file is empty; its first row must be the header' },
  'file.notUtf8': {
    zh: '文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重新导入，或直接导入 .xlsx 文件',
    en: 'The file is not UTF-8 encoded (it may be GBK). In Excel use Save As "CSV UTF-8 (Comma delimited)" and import again, or import the .xlsx file',
  },
  'file.binary': {
    zh: '文件不是文本格式的 CSV（可能是 Excel 工作簿或其他二进制文件）；Excel 工作簿请以 .xlsx 格式导入',
    en: 'The file is not a text CSV (it may be an Excel workbook or another binary file); import Excel workbooks as .xlsx',
  },
  'file.notXlsx': {
    zh: '文件不是有效的 Excel 工作簿（.xlsx）；旧版 .xls 文件请先在 Excel 中另存为 .xlsx',
    en: 'The file is not a valid Excel workbook (.xlsx); save old .xls files as .xlsx in Excel first',
  },
  'import.interrupted': {
    zh: '导入因服务重启而中断；已导入的行保留，重新导入同一文件即可补齐（不会产生重复）',
    en: 'The import was interrupted by a restart; rows already loaded are kept, and importing the same file again completes it without duplicates',
  },
  internal: {
    zh: '导入时发生系统内部错误，已记录；已导入的行保留，请稍后重新导入同一文件',
    en: 'An internal error stopped the import and has been logged; rows already loaded are kept, import the same file again later',
  },
};

export function importFailure(code: keyof typeof MESSAGES): ImportFailureError {
  return new ImportFailureError({ code, message: MESSAGES[code] });
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

/** A file the parser gave up on; `near` is the line or row it reached, when known. */
export function unreadableFailure(near: number | null, what: 'csv' | 'xlsx', cause?: unknown): ImportFailureError {
  const where = near === null ? { zh: '', en: '' } : { zh: `（第 ${near} 行附近）`, en: ` (near row ${near})` };
  return new ImportFailureError(
    {
      code: 'file.unreadable',
      message:
        what === 'csv'
          ? {
              zh: `CSV 文件格式有误${where.zh}，例如引号未闭合；请用 Excel 打开检查后重新导出`,
              en: `The CSV file is malformed${where.en}, for example an unclosed quote; open it in Excel, check it and export it again`,
            }
          : {
              zh: `无法读取 Excel 工作簿${where.zh}，文件可能已损坏；请用 Excel 打开后重新保存`,
              en: `The Excel workbook cannot be read${where.en}; it may be damaged, so open it in Excel and save it again`,
            },
    },
    { cause },
  );
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

/** A workbook whose text table would not fit in memory: refused while it is read, before any row is loaded. */
export function tooManySharedStringsFailure(limit: number, what: 'count' | 'size'): ImportFailureError {
  const zh = what === 'count' ? `超过 ${limit} 个` : `总长度超过 ${limit} 个字符`;
  const en = what === 'count' ? `more than ${limit} distinct texts` : `texts longer than ${limit} characters in all`;
  return new ImportFailureError({
    code: 'file.tooManySharedStrings',
    message: {
      zh: `Excel 工作簿中的文本${zh}，超出导入能处理的范围；请把数据拆成较小的文件，或另存为 CSV UTF-8 后导入，本次未导入任何数据`,
      en: `The Excel workbook holds ${en}, more than an import can handle; split the data into smaller files or save it as CSV UTF-8 and import that; nothing was loaded`,
    },
  });
}
