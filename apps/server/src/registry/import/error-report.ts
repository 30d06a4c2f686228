import { pick, type Lang } from '@cradle/domain';
import { CSV_BOM, csvLine } from '../../spreadsheet/index.js';
import { omittedErrorsMessage } from './error-cap.js';
import { errorFieldLabel, type ImportRowError } from './row-errors.js';

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['行号', '字段', '错误代码', '说明'],
  en: ['Row', 'Field', 'Error code', 'Message'],
};

/**
 * The report's first line. Its lines go through the shared CSV writer (spreadsheet/): messages
 * echo what users typed, and a cell Excel would run as a formula is neutralised there.
 */
export function errorReportHeader(lang: Lang): string {
  return CSV_BOM + csvLine(HEADERS[lang]);
}

export function errorReportRows(errors: readonly ImportRowError[], lang: Lang): string {
  let out = '';
  for (const e of errors)
    out += csvLine([String(e.rowNo), pick(errorFieldLabel(e.field), lang), e.code, pick(e.message, lang)]);
  return out;
}

/** The report's last line when the job stored only its first bad rows (error-cap.ts). */
export function errorReportOmitted(rows: number, cap: number, lang: Lang): string {
  return csvLine(['', '', 'errors.omitted', pick(omittedErrorsMessage(rows, cap), lang)]);
}
