import type { RawCell } from '@cradle/domain';
import type { DateStyles } from './xlsx-styles.js';
import { detached } from './xlsx-xml.js';

/** What a worksheet's cells refer to elsewhere in the workbook. */
export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: DateStyles;
  date1904: boolean;
}

/** A malformed cell; the reader reports the workbook as unreadable. */
export class CellError extends Error {}

/**
 * A worksheet cell as the validator takes it: text, number or Date. `type` is the cell's t
 * attribute, `text` its <v> (or inline <is>) text, null when it has none. A formula cell gives
 * its cached result, so a formula whose result is date-formatted gives a Date like a typed date;
 * a boolean gives TRUE or FALSE and an error value its code (#N/A), which then fail validation
 * like any other bad text. Texts are detached from the XML they were read from (see detached).
 */
export function cellValue(type: string | undefined, text: string | null, style: number, ctx: CellContext): RawCell {
  if (text === null || text === '') return null;
  switch (type) {
    case undefined:
    case 'n': {
      const n = Number(text);
      if (!Number.isFinite(n)) return detached(text);
      return ctx.dateStyles.isDate(style) ? excelSerialToDate(n, ctx.date1904) : n;
    }
    case 's': {
      const s = ctx.sharedStrings[Number(text)];
      if (s === undefined)
        throw new CellError(`a cell points at shared string ${text}, which the workbook does not have`);
      return s;
    }
    case 'inlineStr':
    case 'str':
      return detached(decodeExcelEscapes(text));
    case 'b':
      return text === '1' || text.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return detached(text);
    case 'd':
      return isoDate(text);
    default:
      throw new CellError(`a cell has the unknown type t="${type}"`);
  }
}

/** Serial days since 1899-12-30 (Excel's 1900 system, its leap-year bug included), or since 1904-01-01. */
function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * Excel writes characters XML cannot hold (and "_x" itself, as _x005F_x) as _xHHHH_: a line
 * break typed with Alt+Enter on Windows is _x000D_ followed by a line feed.
 */
export function decodeExcelEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// t="d" (ISO 8601 text, rare): read without a zone as UTC, like the serial dates.
function isoDate(text: string): RawCell {
  const date = new Date(/T.*(?:Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? detached(text) : date;
}
