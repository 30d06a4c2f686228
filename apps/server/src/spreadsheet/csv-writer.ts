import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { neutraliseFormula } from '@cradle/domain';

/** The byte-order mark every CSV Cradle writes starts with: Excel then reads UTF-8, not GBK. */
export const CSV_BOM = '\uFEFF';

// RFC 4180: a cell quoted when it holds a comma, a quote or a line break.
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * One CSV line as Cradle writes it, CRLF-ended: every cell neutralised (a cell that would run as
 * a formula gets a leading apostrophe, neutraliseFormula in @cradle/domain), then quoted. The one
 * way to write a CSV line: every CSV Cradle hands out goes through here or writeCsvFile.
 */
export const csvLine = (cells: readonly string[]) => `${cells.map((c) => quote(neutraliseFormula(c))).join(',')}\r\n`;

/** Writes the rows to a new file (mode 0600: such files hold ID numbers) as they come, never whole in memory. */
export async function writeCsvFile(filePath: string, rows: AsyncIterable<readonly string[]>): Promise<void> {
  const out = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  try {
    out.write(CSV_BOM);
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
