import { cellTooLongFailure, tooManySharedStringsFailure } from './failures.js';
import { decodeExcelEscapes } from './xlsx-cells.js';
import { MAX_CELL_CHARS, MAX_RAW_CELL_CHARS, type FileLimits } from './xlsx-limits.js';
import { detached, parseXmlEntry, type XmlHandler } from './xlsx-xml.js';
import type { ZipEntry } from './xlsx-zip.js';

/**
 * Reads sharedStrings.xml, the workbook's table of texts that t="s" cells point at by index.
 * It is held whole while the worksheet is read, so it is counted as it is read and the import
 * fails past the limits (see FileLimits) before any row is loaded.
 */
export async function readSharedStrings(
  filePath: string,
  entry: ZipEntry,
  limits: Pick<FileLimits, 'maxSharedStrings' | 'maxSharedStringChars'>,
): Promise<string[]> {
  const handler = new SharedStringsHandler(limits.maxSharedStrings, limits.maxSharedStringChars);
  await parseXmlEntry(filePath, entry, handler);
  return handler.strings;
}

/** Each <si> is plain (<t>) or rich text (<r><t> runs, joined); <rPh> holds phonetic guides, not text. */
class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private chars = 0;
  /** The text of the <si> being read; null outside one. */
  private current: string | null = null;
  private inText = false;
  private phonetic = 0;

  constructor(
    private readonly maxStrings: number,
    private readonly maxChars: number,
  ) {}

  open(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= this.maxStrings) throw tooManySharedStringsFailure(this.maxStrings, 'count');
      this.current = '';
    } else if (name === 't') this.inText = this.current !== null && this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 'si' && this.current !== null) {
      const text = detached(decodeExcelEscapes(this.current));
      if (text.length > MAX_CELL_CHARS) throw cellTooLongFailure(null, MAX_CELL_CHARS);
      this.chars += text.length;
      this.strings.push(text);
      this.current = null;
    } else if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    if (!this.inText || this.current === null) return;
    this.current += text;
    if (this.current.length > MAX_RAW_CELL_CHARS) throw cellTooLongFailure(null, MAX_CELL_CHARS);
    // Checked as the text grows, so one huge string fails before it is held whole.
    if (this.chars + this.current.length > this.maxChars) throw tooManySharedStringsFailure(this.maxChars, 'size');
  }
}
