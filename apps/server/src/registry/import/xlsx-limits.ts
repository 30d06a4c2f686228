import type ExcelJS from 'exceljs';
import { tooManySharedStringsFailure } from './failures.js';

/** What one import file may make this process hold; see the README ("Hostile files"). */
export interface FileLimits {
  /** Header columns up to the last non-blank one; a person file has about ten. */
  maxColumns: number;
  /** Distinct texts in a workbook's shared-strings table, which exceljs keeps in memory whole. */
  maxSharedStrings: number;
  /** Their characters in all. */
  maxSharedStringChars: number;
}

// A full worksheet (1,048,575 data rows) with ID numbers, phones and household numbers typed as
// text holds about 2.5 million distinct texts and 40 million characters; these limits leave room
// for that and stop a workbook built to exhaust memory at a few hundred MB.
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxColumns: 200,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
};

type SharedString = string | { richText: { text?: string | null }[] } | null;

/** The parts of exceljs's streaming WorkbookReader (4.x) this relies on; none is in its typings. */
interface ReaderInternals {
  sharedStrings?: SharedString[];
  _parseSharedStrings(entry: unknown): AsyncGenerator<{ index: number; text: SharedString }>;
}

/**
 * Makes the reader count shared strings as it reads them and fail the import past the limits,
 * instead of caching the whole table first. The reader must be created with sharedStrings:
 * 'emit': the original method then yields each string, and this one keeps them in
 * reader.sharedStrings exactly where 'cache' would, so worksheets read as usual.
 */
export function capSharedStrings(reader: ExcelJS.stream.xlsx.WorkbookReader, limits: FileLimits): void {
  const internals = reader as unknown as ReaderInternals;
  const parse = internals._parseSharedStrings;
  // Fail loudly (the job fails as internal) rather than read a workbook unguarded after an exceljs upgrade.
  if (typeof parse !== 'function') throw new Error('exceljs WorkbookReader has no _parseSharedStrings; recheck xlsx-limits.ts');
  internals._parseSharedStrings = async function* capped(entry: unknown) {
    const strings: SharedString[] = [];
    internals.sharedStrings = strings;
    let chars = 0;
    for await (const { text } of parse.call(internals, entry)) {
      if (strings.length >= limits.maxSharedStrings) throw tooManySharedStringsFailure(limits.maxSharedStrings, 'count');
      chars += lengthOf(text);
      if (chars > limits.maxSharedStringChars) throw tooManySharedStringsFailure(limits.maxSharedStringChars, 'size');
      strings.push(text);
    }
  };
}

function lengthOf(text: SharedString): number {
  if (text === null) return 0;
  if (typeof text === 'string') return text.length;
  let n = 0;
  for (const run of text.richText) n += run.text?.length ?? 0;
  return n;
}
