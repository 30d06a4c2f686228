import { open, type FileHandle } from 'node:fs/promises';
import { constants, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DEFLATE = 8;
const SHEET_ENTRY = /^xl\/worksheets\/sheet\d+\.xml$/;

export interface XlsxPeek {
  /** The first worksheet's last row, from its <dimension>; null when it has none. */
  lastRow: number | null;
  /** Worksheets exceljs's streaming reader would find (xl/worksheets/sheetN.xml). */
  worksheets: number;
}

/**
 * Reads the zip's central directory: how many worksheets the workbook has, and the last row of
 * the first from its <dimension ref="A1:J1001"/>, read by inflating only the start of that zip
 * entry; exceljs's streaming reader exposes neither before it has read the whole file. Null when
 * the workbook is not a plain zip (the reader then reports it): the progress total stays unknown
 * until the job ends and no extra-sheet warning is given.
 */
export async function peekXlsx(filePath: string): Promise<XlsxPeek | null> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(file, size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || tail.readUInt32LE(eocd) !== EOCD_SIGNATURE) return null;
    const dirLength = tail.readUInt32LE(eocd + 12);
    const dir = await read(file, tail.readUInt32LE(eocd + 16), dirLength);
    const peek: XlsxPeek = { lastRow: null, worksheets: 0 };
    for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL_SIGNATURE; ) {
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      if (SHEET_ENTRY.test(name) && ++peek.worksheets === 1) {
        peek.lastRow = lastRowOf(await entryStart(file, dir.readUInt16LE(p + 10), dir.readUInt32LE(p + 20), dir.readUInt32LE(p + 42)));
      }
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return peek;
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/** The first worksheet's last row (see peekXlsx). */
export async function peekXlsxLastRow(filePath: string): Promise<number | null> {
  return (await peekXlsx(filePath))?.lastRow ?? null;
}

async function entryStart(file: FileHandle, method: number, compressedSize: number, localOffset: number): Promise<string> {
  const header = await read(file, localOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) return '';
  const dataOffset = localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await read(file, dataOffset, Math.min(compressedSize, 64 * 1024));
  if (method === 0) return data.toString('utf8');
  if (method !== DEFLATE) return '';
  // A sync flush inflates what the truncated input holds instead of failing on its missing end.
  return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
}

function lastRowOf(xml: string): number | null {
  const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml);
  return m ? Number(m[1]) : null;
}

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}
