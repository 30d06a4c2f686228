import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

// RFC 4180: CRLF line ends, a cell quoted when it holds a comma, a quote or a line break. UTF-8
// with a byte-order mark, so Excel shows the Chinese headers when someone opens the file.
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
export const csvLine = (cells: readonly string[]) => `${cells.map(quote).join(',')}\r\n`;

/** Writes the rows to a new file (mode 0600: it holds ID numbers) as they come, never whole in memory. */
export async function writeCsvFile(filePath: string, rows: AsyncIterable<readonly string[]>): Promise<void> {
  const out = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  try {
    out.write('\uFEFF');
    for await (const cells of rows) {
      if (!out.write(csvLine(cells))) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (e) {
    out.destroy();
    throw e;
  }
}
