import type { Message } from '@cradle/domain';

/** Why a whole file cannot be read; the person import stores it on its job as its own failure. */
export type SpreadsheetFailureCode =
  | 'file.empty'
  | 'file.notUtf8'
  | 'file.binary'
  | 'file.notXlsx'
  | 'file.unreadable'
  | 'file.tooManySharedStrings'
  | 'file.cellTooLong';

export interface SpreadsheetFailure {
  code: SpreadsheetFailureCode;
  message: Message;
}

/** Thrown by the readers for a file they cannot read at all; row-level problems are the caller's. */
export class SpreadsheetError extends Error {
  /** `cause` is the parser's own error, kept for the server log; users see only `failure`. */
  constructor(
    readonly failure: SpreadsheetFailure,
    options?: { cause?: unknown },
  ) {
    super(`${failure.code}: ${failure.message.en}`, options);
  }
}

const MESSAGES: Record<'file.empty' | 'file.notUtf8' | 'file.binary' | 'file.notXlsx', Message> = {
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
};

export function spreadsheetFailure(code: keyof typeof MESSAGES): SpreadsheetError {
  return new SpreadsheetError({ code, message: MESSAGES[code] });
}

/** A file the parser gave up on; `near` is the line or row it reached, when known. */
export function unreadableFailure(near: number | null, what: 'csv' | 'xlsx', cause?: unknown): SpreadsheetError {
  const where = near === null ? { zh: '', en: '' } : { zh: `（第 ${near} 行附近）`, en: ` (near row ${near})` };
  return new SpreadsheetError(
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

/** A workbook whose text table would not fit in memory: refused while it is read, before any row is loaded. */
export function tooManySharedStringsFailure(limit: number, what: 'count' | 'size'): SpreadsheetError {
  const zh = what === 'count' ? `超过 ${limit} 个` : `总长度超过 ${limit} 个字符`;
  const en = what === 'count' ? `more than ${limit} distinct texts` : `texts longer than ${limit} characters in all`;
  return new SpreadsheetError({
    code: 'file.tooManySharedStrings',
    message: {
      zh: `Excel 工作簿中的文本${zh}，超出导入能处理的范围；请把数据拆成较小的文件，或另存为 CSV UTF-8 后导入，本次未导入任何数据`,
      en: `The Excel workbook holds ${en}, more than an import can handle; split the data into smaller files or save it as CSV UTF-8 and import that; nothing was loaded`,
    },
  });
}

/**
 * A cell, or a text of the workbook's shared strings (row null), longer than Excel itself holds
 * (MAX_CELL_CHARS): no person's data, and every row error would echo it.
 */
export function cellTooLongFailure(rowNo: number | null, limit: number): SpreadsheetError {
  const where =
    rowNo === null
      ? { zh: 'Excel 工作簿中有一段文本', en: 'A text of the Excel workbook' }
      : { zh: `第 ${rowNo} 行有一个单元格`, en: `A cell in row ${rowNo}` };
  return new SpreadsheetError({
    code: 'file.cellTooLong',
    message: {
      zh: `${where.zh}超过 ${limit} 个字符（Excel 单元格的上限），不是人口数据；请检查并删除该内容后重新导入，本次未导入任何数据`,
      en: `${where.en} holds more than ${limit} characters (the most an Excel cell holds), which is no person's data; check and remove it, then import again; nothing was loaded`,
    },
  });
}
