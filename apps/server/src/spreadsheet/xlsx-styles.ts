import { parseXmlEntry, XmlError, type XmlAttributes, type XmlHandler } from './xlsx-xml.js';
import type { ZipEntry } from './xlsx-zip.js';

/** Which cell styles (a cell's s, an index into cellXfs) show a number as a date. */
export interface DateStyles {
  isDate(style: number): boolean;
}

export const NO_DATE_STYLES: DateStyles = { isDate: () => false };

// Excel writes one format per distinct cell look, at most 64,000; some generators write one per cell.
const MAX_CELL_FORMATS = 1 << 20;
const MAX_NUMBER_FORMATS = 1 << 16;

/** Reads styles.xml: its custom number formats and the format of each cell style. */
export async function readDateStyles(filePath: string, entry: ZipEntry): Promise<DateStyles> {
  const styles = new StylesHandler();
  await parseXmlEntry(filePath, entry, styles);
  const flags = Uint8Array.from(styles.cellFormats, (id) =>
    (styles.customIsDate.get(id) ?? isBuiltinDateFormat(id)) ? 1 : 0,
  );
  return { isDate: (style) => flags[style] === 1 };
}

/**
 * Built-in date and time formats, which styles.xml names only by id: 14–22 and 45–47 everywhere,
 * 27–36 and 50–58 in the Chinese, Japanese and Korean versions of Excel (31 is yyyy"年"m"月"d"日"
 * in zh-CN).
 */
function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A format code shows a date when it has date letters outside [..] and "..." sections (exceljs's
 * test), and outside \x, _x and *x, which show, pad with or repeat a character x.
 */
function isDateFormatCode(code: string): boolean {
  return /[ymdhMsb]/.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/[\\_*]./g, ''),
  );
}

class StylesHandler implements XmlHandler {
  /** Whether each custom number format (numFmtId ≥ 164, or one overriding a built-in id) shows a date. */
  readonly customIsDate = new Map<number, boolean>();
  /** numFmtId of each cell style, in cellXfs order. */
  readonly cellFormats: number[] = [];
  private inCellXfs = false;

  open(name: string, a: XmlAttributes): void {
    if (name === 'numFmt') {
      const id = a.get('numFmtId');
      const code = a.get('formatCode');
      if (id === undefined || code === undefined) return;
      if (this.customIsDate.size >= MAX_NUMBER_FORMATS)
        throw new XmlError(`styles.xml has more than ${MAX_NUMBER_FORMATS} number formats`);
      this.customIsDate.set(Number(id), isDateFormatCode(code));
    } else if (name === 'cellXfs') this.inCellXfs = true;
    // cellStyleXfs holds xf elements too: the named styles, which cells do not point at.
    else if (name === 'xf' && this.inCellXfs) {
      if (this.cellFormats.length >= MAX_CELL_FORMATS)
        throw new XmlError(`styles.xml has more than ${MAX_CELL_FORMATS} cell formats`);
      this.cellFormats.push(Number(a.get('numFmtId') ?? 0));
    }
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }

  text(): void {}
}
