import { createReadStream } from 'node:fs';
import { spreadsheetFailure } from './failures.js';

const NEWLINE = 0x0a;

/**
 * One fast pass over the bytes before anything is loaded: refuses binary and non-UTF-8 files
 * (so such a file fails with nothing written) and counts lines for the progress total.
 * The count is of newline-separated lines less the header; a quoted cell holding a newline
 * or a blank line makes it a little high, and the job's total is corrected when it ends.
 */
export async function scanCsvFile(filePath: string): Promise<{ dataRows: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  let bytes = 0;
  let endsWithNewline = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    // No text file holds NUL; workbooks, images and UTF-16 text all do.
    if (chunk.indexOf(0) !== -1) throw spreadsheetFailure('file.binary');
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw spreadsheetFailure('file.notUtf8');
    }
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
    bytes += chunk.length;
    endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
  }
  try {
    decoder.decode();
  } catch {
    throw spreadsheetFailure('file.notUtf8');
  }
  if (bytes === 0) throw spreadsheetFailure('file.empty');
  if (!endsWithNewline) lines++;
  return { dataRows: Math.max(0, lines - 1) };
}
