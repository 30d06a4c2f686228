import type { Readable } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';

// A workbook lists a few dozen parts; the workbook's own bounds (65,536 sheets or relationships)
// fit well within this, and a directory of more entries is not worth reading.
const MAX_ENTRIES = 100_000;
// Deflate cannot expand data more than 1032 times: an entry that declares more is lying about
// its size, and is refused before any of it is inflated.
const MAX_DEFLATE_RATIO = 1032;
const MAX_NAME_LENGTH = 1024;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** yauzl's record of the entry, which opens it again from a fresh handle on the file. */
  entry: Entry;
}

/** Entries by lower-cased name: part names in a workbook package are case-insensitive. */
export type ZipDirectory = ReadonlyMap<string, ZipEntry>;

/** A damaged, unsupported or hostile zip; the reader reports the workbook as unreadable. */
export class ZipError extends Error {}

// yauzl reads the central directory (Zip64 too) rather than trusting local headers, refuses
// absolute and `..` names, and fails a stream that inflates to other than its declared size.
const OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true };

async function openZip(filePath: string): Promise<ZipFile> {
  const zip = await openPromise(filePath, OPTIONS);
  // yauzl emits a failure to close the file on the ZipFile, after its caller is done with it:
  // unheard, an 'error' event would end the process. Reading errors reach their callers.
  zip.on('error', () => undefined);
  return zip;
}

/**
 * Reads the central directory at the end of the file, which lists every entry with its sizes
 * and where it starts. The file is closed again: entries are opened one at a time, later.
 */
export async function readZipDirectory(filePath: string, maxEntries = MAX_ENTRIES): Promise<ZipDirectory> {
  const zip = await openZip(filePath);
  try {
    if (zip.entryCount > maxEntries) throw new ZipError(`a zip of ${zip.entryCount} entries`);
    const entries = new Map<string, ZipEntry>();
    for await (const e of zip.eachEntry()) {
      const name = e.fileName;
      if (name.length > MAX_NAME_LENGTH) throw new ZipError(`an entry name of ${name.length} characters`);
      if (e.isEncrypted()) throw new ZipError(`${name} is encrypted`);
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
        throw new ZipError(`${name} uses compression method ${e.compressionMethod}`);
      if (e.compressionMethod === 8 && e.uncompressedSize > Math.max(e.compressedSize, 1) * MAX_DEFLATE_RATIO)
        throw new ZipError(`${name} declares ${e.uncompressedSize} bytes from ${e.compressedSize}`);
      const key = name.toLowerCase();
      // Two entries of one name leave it open which one a reader takes: not a package Excel writes.
      if (entries.has(key)) throw new ZipError(`two entries named ${name}`);
      if (!name.endsWith('/'))
        entries.set(key, {
          name,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          localHeaderOffset: e.relativeOffsetOfLocalHeader,
          entry: e,
        });
    }
    return entries;
  } finally {
    zip.close();
  }
}

/** The entry as UTF-8 text, chunk by chunk; fails when it inflates to other than its declared size. */
export async function* zipEntryText(filePath: string, entry: ZipEntry): AsyncGenerator<string> {
  const zip = await openZip(filePath);
  let stream: Readable | undefined;
  try {
    stream = await zip.openReadStreamPromise(entry.entry);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    const last = decoder.decode();
    if (last !== '') yield last;
  } finally {
    // Stopping early (a failed header, a job that stops) closes the file: the stream's reference
    // to it and the zip's own.
    stream?.destroy();
    zip.close();
  }
}
