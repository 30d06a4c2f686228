import { openXlsxParts, type XlsxParts } from './xlsx-workbook.js';
import { zipEntryText, type ZipEntry } from './xlsx-zip.js';

export interface XlsxPeek {
  /** The first worksheet's last row, from its <dimension>; null when it has none. */
  lastRow: number | null;
  /** Worksheets in the workbook (see XlsxParts). */
  worksheets: number;
  /** What was read to find these, for the reader to start from (see readFirstWorksheet). */
  parts: XlsxParts;
}

// <dimension> comes before <sheetData>, near the start; a worksheet without one is not read further.
const DIMENSION_SEARCH_CHARS = 64 * 1024;

/**
 * How many worksheets the workbook has, and the last row of the first (the one the reader
 * reads) from its <dimension ref="A1:J1001"/>, read from the start of its zip entry only. Null
 * when the workbook cannot be read this far (the reader then reports why): the progress total
 * stays unknown until the job ends and no extra-sheet warning is given.
 */
export async function peekXlsx(filePath: string): Promise<XlsxPeek | null> {
  try {
    const parts = await openXlsxParts(filePath);
    return {
      lastRow: parts.firstSheet ? await lastRowOf(filePath, parts.firstSheet) : null,
      worksheets: parts.worksheets,
      parts,
    };
  } catch {
    return null;
  }
}

async function lastRowOf(filePath: string, sheet: ZipEntry): Promise<number | null> {
  let xml = '';
  // Leaving the loop early destroys the entry's stream, so the rest is never inflated.
  for await (const text of zipEntryText(filePath, sheet)) {
    xml += text;
    if (xml.length >= DIMENSION_SEARCH_CHARS || /<(?:\w+:)?sheetData[\s>/]/.test(xml)) break;
  }
  // ref is a range (A1:J1001) or, for a sheet of one cell, a single cell (A1).
  const m = /<(?:\w+:)?dimension\s+ref="[A-Za-z]*\d*:?[A-Za-z]*(\d+)"/.exec(xml);
  return m ? Number(m[1]) : null;
}
