import { computeIdCheckCharacter } from '@cradle/domain';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../db/client.js';
import { createPii, decryptField, type Pii } from '../../crypto/pii.js';
import { deriveKeys } from '../../crypto/keys.js';
import { createTestDatabase } from '../../test/db.js';
import { workbookParts, writeZip } from '../../spreadsheet/xlsx-test-files.js';

// Test support for the import tests: real files on disk, synthetic but valid people.

export const HEADERS = [
  '姓名',
  '公民身份号码',
  '性别',
  '出生日期',
  '民族',
  '户籍地代码',
  '居住地代码',
  '户号',
  '与户主关系',
  '联系电话',
];

export type Cell =
  string | number | Date | null | { richText: { text: string }[] } | { formula: string; result: string };

/** A valid 18-character ID number: county code, birth date YYYYMMDD, 3-digit sequence (odd = male). */
export function syntheticId(county: string, birth: string, seq: number): string {
  const first17 = `${county}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCheckCharacter(first17);
}

/**
 * The nth synthetic person (0 ≤ n < 20,000): born n days after 1960-01-01, sexes alternating.
 * The ID's county part tells apart the people of different tests sharing one database.
 */
export function person(n: number, overrides: Partial<Record<string, Cell>> = {}, idCounty = '533423'): Cell[] {
  const birth = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10);
  const seq = 100 + (n % 2);
  const male = seq % 2 === 1;
  const base: Record<string, Cell> = {
    姓名: male ? '和志强' : '余丽华',
    公民身份号码: syntheticId(idCounty, ymd.replaceAll('-', ''), seq),
    性别: male ? '男' : '女',
    出生日期: ymd,
    民族: '傈僳族',
    户籍地代码: '533423101001',
    居住地代码: '533423101001',
    户号: null,
    与户主关系: null,
    联系电话: null,
  };
  return HEADERS.map((h) => (h in overrides ? overrides[h]! : base[h]!));
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cradle-import-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeCsv(
  dir: string,
  name: string,
  rows: readonly (readonly Cell[])[],
  opts: { bom?: boolean; headers?: readonly string[] } = {},
): Promise<string> {
  const lines = [opts.headers ?? HEADERS, ...rows].map((r) => r.map(csvField).join(','));
  const file = path.join(dir, name);
  await writeFile(file, (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n');
  return file;
}

export async function writeXlsx(
  dir: string,
  name: string,
  rows: readonly (readonly Cell[])[],
  opts: { headers?: readonly string[] } = {},
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人口');
  sheet.addRow([...(opts.headers ?? HEADERS)]);
  for (const r of rows) {
    const row = sheet.addRow(r.map((c) => c as ExcelJS.CellValue));
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  workbook.addWorksheet('说明').addRow(['第二张工作表不导入']);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export function testPii(): Pii {
  return createPii(deriveKeys(randomBytes(32)));
}

/** regionExists over the regions the test database holds. */
export async function loadRegionExists(database: Database): Promise<(code: string) => boolean> {
  const rows = await database.query<{ code: string }>('SELECT code FROM regions');
  const codes = new Set(rows.map((r) => r.code));
  return (code) => codes.has(code);
}

export function user(jurisdictionCode: string) {
  return { id: 1, username: 'test', jurisdictionCode };
}

export interface ImportTestContext {
  database: Database;
  pii: Pii;
  regionExists: (code: string) => boolean;
  /** Pii has no phone decryption (nothing in the server reads phones back); tests do. */
  decryptPhone: (cipher: Uint8Array) => string;
  cleanup: () => Promise<void>;
}

export async function importTestContext(): Promise<ImportTestContext> {
  const { database, cleanup } = await createTestDatabase();
  const keys = deriveKeys(randomBytes(32));
  return {
    database,
    pii: createPii(keys),
    regionExists: await loadRegionExists(database),
    decryptPhone: (cipher) => decryptField(keys.piiEncryption, 'phone', cipher),
    cleanup,
  };
}

export interface StoredPerson {
  name: string;
  id_masked: string;
  id_cipher: Uint8Array;
  phone_cipher: Uint8Array | null;
  household_id: number | null;
  residence_region_code: string;
  birth_date: string;
  ethnicity: string | null;
  source: string;
  updated_at: Date;
}

/** The stored persons with these ID numbers, read as the owner (outside any jurisdiction). */
export async function storedPersons(ctx: ImportTestContext, idNumbers: readonly string[]): Promise<StoredPerson[]> {
  return ctx.database.query<StoredPerson>(
    `SELECT name, id_masked, id_cipher, phone_cipher, household_id, residence_region_code, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
       ethnicity, source, updated_at
     FROM persons WHERE id_blind_index = ANY ($1::bytea[]) ORDER BY id`,
    [idNumbers.map((id) => ctx.pii.idBlindIndex(id))],
  );
}

/** A row that fails nearly every check (nine errors), like the file of issue 11. */
export const BAD_ROW = ['<x>', '123', '?', 'x', '火星族', 'x', 'y', '', '?', 'abc'];

/** A CSV of `rows` copies of BAD_ROW, as bytes. */
export function badRowsCsv(rows: number): Buffer {
  const line = BAD_ROW.join(',') + '\r\n';
  return Buffer.from('\uFEFF' + HEADERS.join(',') + '\r\n' + line.repeat(rows));
}

/**
 * An XLSX of `rows` copies of BAD_ROW, each cell pointing at the shared strings as Excel writes
 * them: a million such rows zip to a few MB.
 */
export async function badRowsXlsx(rows: number): Promise<Buffer> {
  const column = (i: number) => String.fromCharCode(65 + i);
  const inline = (t: string) =>
    `<is><t>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</t></is>`;
  const header = `<row r="1">${HEADERS.map((h, i) => `<c r="${column(i)}1" t="inlineStr">${inline(h)}</c>`).join('')}</row>`;
  const cells = BAD_ROW.map((v, i) => (v === '' ? '' : `<c r="${column(i)}#" t="s"><v>${i}</v></c>`)).join('');
  const body: string[] = [header];
  for (let r = 2; r <= rows + 1; r++) body.push(`<row r="${r}">${cells.replaceAll('#', String(r))}</row>`);
  const parts = workbookParts({
    sheets: [body.join('')],
    sharedStrings: BAD_ROW.map((v) => inline(v).replace(/^<is>|<\/is>$/g, '')),
  });
  const { dir, remove } = await tempDir();
  try {
    return await readFile(await writeZip(dir, 'bad.xlsx', parts));
  } finally {
    await remove();
  }
}
