import { open } from 'node:fs/promises';
import { spreadsheetFailure, SpreadsheetError, unreadableFailure } from './failures.js';
import type { FileLimits } from './xlsx-limits.js';
import { SheetHandler, type SheetRow } from './xlsx-sheet.js';
import { readSharedStrings } from './xlsx-strings.js';
import { NO_DATE_STYLES, readDateStyles } from './xlsx-styles.js';
import { openXlsxParts, type XlsxParts } from './xlsx-workbook.js';
import { XmlTokenizer } from './xlsx-xml.js';
import { zipEntryText } from './xlsx-zip.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Rows of the first worksheet (in tab order), streamed from the zip through the tokenizer: a
 * million-row workbook never sits in memory, and nothing is written to disk. The shared strings
 * and styles are read first, whatever their place in the zip, as the zip's directory says where
 * each part is; `known` is that directory and workbook already read (peekXlsx), so they are not
 * read twice. Stopping early (return()) closes the file.
 *
 * Fails with file.empty or file.notXlsx for a file that is no zip, file.tooManySharedStrings
 * past the limits, and file.unreadable for anything damaged or malformed.
 */
export async function* readFirstWorksheet(
  filePath: string,
  limits: FileLimits,
  known?: XlsxParts,
): AsyncGenerator<SheetRow> {
  await assertZip(filePath);
  let rowNo = 0;
  try {
    const parts = known ?? (await openXlsxParts(filePath));
    if (!parts.firstSheet) return;
    const sharedStrings = parts.sharedStrings ? await readSharedStrings(filePath, parts.sharedStrings, limits) : [];
    const dateStyles = parts.styles ? await readDateStyles(filePath, parts.styles) : NO_DATE_STYLES;
    const sheet = new SheetHandler({ sharedStrings, dateStyles, date1904: parts.date1904 }, limits.maxColumns + 1);
    const xml = new XmlTokenizer(sheet);
    for await (const text of zipEntryText(filePath, parts.firstSheet)) {
      xml.write(text);
      for (const row of sheet.takeRows()) {
        rowNo = row.rowNo;
        yield row;
      }
    }
    xml.end();
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw unreadableFailure(rowNo > 0 ? rowNo + 1 : null, 'xlsx', e);
  }
}

async function assertZip(filePath: string): Promise<void> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    if (bytesRead === 0) throw spreadsheetFailure('file.empty');
    if (!head.equals(ZIP_MAGIC)) throw spreadsheetFailure('file.notXlsx');
  } finally {
    await file.close();
  }
}
