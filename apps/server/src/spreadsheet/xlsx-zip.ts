import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
// A workbook's directory lists a few dozen parts; a bigger one is not worth holding.
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Entries by lower-cased name: part names in a workbook package are case-insensitive. */
export type ZipDirectory = ReadonlyMap<string, ZipEntry>;

/** A damaged or unsupported zip; the reader reports the workbook as unreadable. */
class ZipError extends Error {}

/**
 * Reads the central directory at the end of the file, which lists every entry with its sizes
 * and where it starts; a streaming unzipper that trusts the local headers instead loses
 * entries written with data descriptors, and has to read them in file order.
 */
export async function readZipDirectory(filePath: string): Promise<ZipDirectory> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const { offset, length } = await findDirectory(file, size);
    return parseDirectory(await readExactly(file, offset, length), size);
  } finally {
    await file.close();
  }
}

/** The entry's uncompressed bytes as a stream; destroying it closes the file. */
async function openZipEntry(filePath: string, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
  const start = await dataStart(filePath, entry);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: CHUNK_BYTES });
  if (entry.method === STORED) return raw;
  // pipeline passes an error on to the inflater, and destroying the inflater closes the file.
  return pipeline(raw, createInflateRaw({ chunkSize: CHUNK_BYTES }), () => {});
}

/** The entry as UTF-8 text, chunk by chunk; fails when it inflates to other than its declared size. */
export async function* zipEntryText(filePath: string, entry: ZipEntry): AsyncGenerator<string> {
  const stream = await openZipEntry(filePath, entry);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize)
        throw new ZipError(`${entry.name} holds more than its declared ${entry.uncompressedSize} bytes`);
      yield decoder.decode(chunk, { stream: true });
    }
    if (bytes !== entry.uncompressedSize)
      throw new ZipError(`${entry.name} holds ${bytes} bytes, not its declared ${entry.uncompressedSize}`);
    const last = decoder.decode();
    if (last !== '') yield last;
  } finally {
    stream.destroy();
  }
}

async function findDirectory(file: FileHandle, size: number): Promise<{ offset: number; length: number }> {
  const tailStart = Math.max(0, size - (22 + 0xffff));
  const tail = await readExactly(file, tailStart, size - tailStart);
  let eocd = tail.length - 22;
  // The record ends the file but for a comment of up to 64 KiB, which may itself hold the signature.
  while (
    eocd >= 0 &&
    !(tail.readUInt32LE(eocd) === EOCD_SIGNATURE && eocd + 22 + tail.readUInt16LE(eocd + 20) <= tail.length)
  )
    eocd--;
  if (eocd < 0) throw new ZipError('no end of central directory record (a truncated or damaged zip)');
  if (tail.readUInt16LE(eocd + 4) !== 0 && tail.readUInt16LE(eocd + 4) !== 0xffff)
    throw new ZipError('a multi-volume zip');
  let length = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (length === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(eocd + 10) === 0xffff) {
    ({ offset, length } = await zip64Directory(file, tail, eocd));
  }
  if (length > MAX_DIRECTORY_BYTES) throw new ZipError(`a central directory of ${length} bytes`);
  if (offset + length > tailStart + eocd) throw new ZipError('the central directory lies outside the file');
  return { offset, length };
}

async function zip64Directory(
  file: FileHandle,
  tail: Buffer,
  eocd: number,
): Promise<{ offset: number; length: number }> {
  const locator = eocd - 20;
  if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE)
    throw new ZipError('a Zip64 directory without its locator');
  const record = await readExactly(file, uint64(tail, locator + 8), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
    throw new ZipError('a damaged Zip64 end of central directory record');
  return { length: uint64(record, 40), offset: uint64(record, 48) };
}

function parseDirectory(dir: Buffer, fileSize: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  while (p + 46 <= dir.length) {
    if (dir.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipError('a damaged central directory');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraStart = p + 46 + nameLength;
    const extraEnd = extraStart + dir.readUInt16LE(p + 30);
    if (extraEnd > dir.length) throw new ZipError('a damaged central directory');
    // Part names are ASCII; the UTF-8 flag is not checked.
    const name = dir.toString('utf8', p + 46, extraStart);
    if ((dir.readUInt16LE(p + 8) & 1) !== 0) throw new ZipError(`${name} is encrypted`);
    const entry = withZip64Sizes(
      {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        uncompressedSize: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      },
      dir.subarray(extraStart, extraEnd),
    );
    if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize)
      throw new ZipError(`${name} lies outside the file`);
    const key = name.toLowerCase();
    // Two entries of one name leave it open which one a reader takes: not a package Excel writes.
    if (entries.has(key)) throw new ZipError(`two entries named ${name}`);
    if (!name.endsWith('/')) entries.set(key, entry);
    p = extraEnd + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** A Zip64 entry stores 0xFFFFFFFF in the directory and the real value in its extra field, in this order. */
function withZip64Sizes(entry: ZipEntry, extra: Buffer): ZipEntry {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (f) => entry[f] === 0xffffffff,
  );
  if (fields.length === 0) return entry;
  for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2)) {
    if (extra.readUInt16LE(p) !== ZIP64_EXTRA) continue;
    if (extra.readUInt16LE(p + 2) < fields.length * 8 || p + 4 + fields.length * 8 > extra.length) break;
    const sized = { ...entry };
    fields.forEach((f, i) => (sized[f] = uint64(extra, p + 4 + i * 8)));
    return sized;
  }
  throw new ZipError(`${entry.name} is a Zip64 entry without its sizes`);
}

async function dataStart(filePath: string, entry: ZipEntry): Promise<number> {
  const file = await open(filePath, 'r');
  try {
    const header = await readExactly(file, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw new ZipError(`${entry.name} has no local header where the directory says`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > (await file.stat()).size)
      throw new ZipError(`${entry.name} is cut short (a truncated zip)`);
    return start;
  } finally {
    await file.close();
  }
}

function uint64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('a Zip64 size or offset beyond 2^53');
  return Number(value);
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipError('the zip is cut short');
  return buf;
}
