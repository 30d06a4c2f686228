import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_FILE_LIMITS, xlsxCellRows } from '../spreadsheet/index.js';
import type { Conn } from '../db/client.js';

/** A downloaded workbook's first sheet as rows of text, read by the import's own XLSX reader. */
export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cradle-export-'));
  try {
    const file = path.join(dir, 'export.xlsx');
    await writeFile(file, bytes);
    const rows: string[][] = [];
    for await (const r of xlsxCellRows(file, DEFAULT_FILE_LIMITS))
      rows.push(r.cells.map((c) => (c === null || c === undefined ? '' : String(c))));
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The newest audit entry of an action: what an export recorded. */
export async function lastAudit(conn: Conn, action: string) {
  const rows = await conn.query<{ username: string; outcome: string; details: { filter: unknown; rows: number } }>(
    'SELECT username, outcome, details FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1',
    [action],
  );
  return rows[0];
}

/** Any full 18-character ID number in the rows (an export must hold none). */
export const fullIdNumbers = (rows: string[][]) => rows.flat().filter((c) => /\d{17}[\dX]/.test(c));
