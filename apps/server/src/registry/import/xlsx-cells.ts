import type { RawCell } from '@cradle/domain';
import type { Cell, CellValue } from 'exceljs';

/**
 * A worksheet cell as the validator takes it: text, number or Date. Rich text is joined,
 * a formula gives its cached result, a hyperlink its text, an error value its code (#N/A),
 * which then fails validation like any other bad text.
 */
export function xlsxCellValue(cell: Pick<Cell, 'value' | 'numFmt'>): RawCell {
  return normalize(cell.value, cell.numFmt);
}

function normalize(v: CellValue, numFmt: string | undefined): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    // The streaming reader turns only plain date cells into Dates; a formula's result stays a serial.
    if (typeof result === 'number' && isDateFormat(numFmt)) return excelSerialToDate(result);
    if (result !== null && typeof result === 'object' && 'error' in result) return result.error;
    return normalize(result as CellValue, numFmt);
  }
  if ('hyperlink' in v) return normalize(v.text as CellValue, numFmt);
  if ('error' in v) return v.error;
  return null;
}

// exceljs's own test (utils.isDateFmt): date letters outside [..] and "..." sections.
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// Serial days since 1899-12-30 in the 1900 date system; 1904-system workbooks are too rare to matter here.
function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
