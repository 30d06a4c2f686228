import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

// Test support for the XLSX reader: workbooks written by hand, for what exceljs never writes
// (cells without r, prefixed elements, _xHHHH_ escapes, stored or Zip64 entries).

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandWorkbook {
  /** Worksheets in tab order: the inside of each one's <sheetData>. */
  sheets: string[];
  /** <si> contents, e.g. '<t>甲</t>'. */
  sharedStrings?: string[];
  /** The inside of <styleSheet>. */
  styles?: string;
  date1904?: boolean;
}

/** The parts of a minimal workbook, sheet N as xl/worksheets/sheetN.xml. */
export function workbookParts(book: HandWorkbook): Record<string, string> {
  const sheets = book.sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join('');
  const rels = [
    ...book.sheets.map((_, i) => rel(`rIdS${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)),
    book.sharedStrings ? rel('rIdT', 'sharedStrings', 'sharedStrings.xml') : '',
    book.styles ? rel('rIdY', 'styles', 'styles.xml') : '',
  ].join('');
  const parts: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  };
  book.sheets.forEach(
    (data, i) =>
      (parts[`xl/worksheets/sheet${i + 1}.xml`] =
        `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`),
  );
  if (book.sharedStrings)
    parts['xl/sharedStrings.xml'] =
      `<sst xmlns="${MAIN}">${book.sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  if (book.styles) parts['xl/styles.xml'] = `<styleSheet xmlns="${MAIN}">${book.styles}</styleSheet>`;
  return parts;
}

function rel(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
}

export interface ZipOptions {
  /** Store entries uncompressed (method 0) instead of deflating them. */
  stored?: boolean;
  /** Write every size and offset through Zip64 records, as tools do for large files. */
  zip64?: boolean;
}

/** Writes the entries, in order, as a zip. */
export async function writeZip(
  dir: string,
  name: string,
  entries: Record<string, string | Buffer>,
  opts: ZipOptions = {},
): Promise<string> {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [entryName, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const packed = opts.stored ? data : deflateRawSync(data);
    const fileName = Buffer.from(entryName);
    const sizes = { crc: crc32(data), compressed: packed.length, uncompressed: data.length, offset };
    const local = header(0x04034b50, 30, sizes, fileName.length, opts);
    const localExtra = opts.zip64 ? zip64Extra([data.length, packed.length]) : Buffer.alloc(0);
    local.writeUInt16LE(localExtra.length, 28);
    body.push(local, fileName, localExtra, packed);
    const entry = header(0x02014b50, 46, sizes, fileName.length, opts);
    const extra = opts.zip64 ? zip64Extra([data.length, packed.length, offset]) : Buffer.alloc(0);
    entry.writeUInt16LE(extra.length, 30);
    central.push(entry, fileName, extra);
    offset += local.length + fileName.length + localExtra.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const count = Object.keys(entries).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  const tail = opts.zip64
    ? [zip64End(count, directory.length, offset), zip64Locator(offset + directory.length), end]
    : [end];
  const file = path.join(dir, name);
  await writeFile(file, Buffer.concat([...body, directory, ...tail]));
  return file;
}

interface Sizes {
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

// The fields a local header (30 bytes) and a central directory entry (46) share, at their own places.
function header(signature: number, length: 30 | 46, sizes: Sizes, nameLength: number, opts: ZipOptions): Buffer {
  const h = Buffer.alloc(length);
  const at = length === 30 ? 4 : 6; // the central entry has "version made by" first
  h.writeUInt32LE(signature, 0);
  if (length === 46) h.writeUInt16LE(45, 4);
  h.writeUInt16LE(opts.zip64 ? 45 : 20, at);
  h.writeUInt16LE(opts.stored ? 0 : 8, at + 4);
  h.writeUInt32LE(sizes.crc, at + 10);
  h.writeUInt32LE(opts.zip64 ? 0xffffffff : sizes.compressed, at + 14);
  h.writeUInt32LE(opts.zip64 ? 0xffffffff : sizes.uncompressed, at + 18);
  h.writeUInt16LE(nameLength, at + 22);
  if (length === 46) h.writeUInt32LE(opts.zip64 ? 0xffffffff : sizes.offset, 42);
  return h;
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(values.length * 8, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + i * 8));
  return extra;
}

function zip64End(count: number, dirLength: number, dirOffset: number): Buffer {
  const r = Buffer.alloc(56);
  r.writeUInt32LE(0x06064b50, 0);
  r.writeBigUInt64LE(44n, 4);
  r.writeUInt16LE(45, 12);
  r.writeUInt16LE(45, 14);
  r.writeBigUInt64LE(BigInt(count), 24);
  r.writeBigUInt64LE(BigInt(count), 32);
  r.writeBigUInt64LE(BigInt(dirLength), 40);
  r.writeBigUInt64LE(BigInt(dirOffset), 48);
  return r;
}

function zip64Locator(recordOffset: number): Buffer {
  const l = Buffer.alloc(20);
  l.writeUInt32LE(0x07064b50, 0);
  l.writeBigUInt64LE(BigInt(recordOffset), 8);
  l.writeUInt32LE(1, 16);
  return l;
}
