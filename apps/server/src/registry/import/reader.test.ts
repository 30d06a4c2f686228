import ExcelJS from 'exceljs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFailureError } from './failures.js';
import { openImportFile, type SourceRow } from './reader.js';
import { HEADERS, person, tempDir, writeXlsx } from './test-files.js';
import { peekXlsx } from '../../spreadsheet/index.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => ({ dir, remove: removeDir } = await tempDir()));
afterAll(() => removeDir());

async function rowsOf(file: string, format: 'csv' | 'xlsx') {
  const source = await openImportFile(file, format);
  const rows: SourceRow[] = [];
  for await (const r of source.rows) rows.push(r);
  return { source, rows };
}

describe('reading a CSV', () => {
  it('numbers rows as Excel does: header 1, blank lines counted, a quoted line break kept in one row', async () => {
    const file = path.join(dir, 'rows.csv');
    const header = ['姓名', '身份证号', '备注', '性别', '出生日期', '户籍地代码', '居住地代码'].join(',');
    await writeFile(file, `\uFEFF${header}\n甲,1,x\n\n"乙\n丙",2,y\n丁,3\n`);
    const { source, rows } = await rowsOf(file, 'csv');
    expect(rows.map((r) => [r.rowNo, r.raw.name, r.raw.idNumber])).toEqual([
      [2, '甲', '1'],
      [4, '乙\n丙', '2'],
      [5, '丁', '3'],
    ]);
    // The fast line count over-counts the quoted break and the blank line; the job corrects it at the end.
    expect(source.totalRows).toBe(5);
    expect(source.unknownHeaders).toEqual(['备注']);
  });

  it('fails on a missing column before reading any row, naming every missing one', async () => {
    const file = path.join(dir, 'missing.csv');
    await writeFile(file, '姓名,公民身份号码\n甲,1\n');
    const err = await openImportFile(file, 'csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailureError);
    const { failure } = err as ImportFailureError;
    expect(failure.code).toBe('file.missingColumns');
    for (const label of ['性别', '出生日期', '户籍地代码', '居住地代码']) expect(failure.message.zh).toContain(label);
  });

  it('fails a file whose quoting is broken, naming the row', async () => {
    const file = path.join(dir, 'broken.csv');
    await writeFile(file, `${HEADERS.join(',')}\n甲,"1\n`);
    const { rows } = await openImportFile(file, 'csv');
    const err = await (async () => {
      for await (const _ of rows) continue; // drain
    })().catch((e: unknown) => e);
    expect((err as ImportFailureError).failure.code).toBe('file.unreadable');
  });
});

describe('reading a workbook', () => {
  it('knows the row count from the worksheet dimension before reading rows', async () => {
    const file = await writeXlsx(dir, 'dimension.xlsx', [person(0), person(1), person(2), person(3)]);
    expect((await peekXlsx(file))?.lastRow).toBe(5);
    expect((await openImportFile(file, 'xlsx')).totalRows).toBe(4);
  });

  it('writes no temp files, read whole or stopped early', async () => {
    const file = await writeXlsx(dir, 'spooled.xlsx', [person(0), person(1)]);
    const spool = path.join(dir, 'spool');
    await mkdir(spool);
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = spool; // os.tmpdir(), where a spooling reader (exceljs's) puts its files
    try {
      const { rows } = await rowsOf(file, 'xlsx');
      expect(rows).toHaveLength(2);
      const { rows: partly } = await openImportFile(file, 'xlsx');
      for await (const _ of partly) break; // a job that stops early, e.g. when the database fails
      expect(await readdir(spool)).toEqual([]);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
  });

  it('uses the first non-blank row as the header and keeps sheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getRow(3).values = [...HEADERS];
    sheet.getRow(4).values = person(0);
    sheet.getRow(7).values = person(1);
    const file = path.join(dir, 'offset.xlsx');
    await workbook.xlsx.writeFile(file);
    const { rows } = await rowsOf(file, 'xlsx');
    expect(rows.map((r) => r.rowNo)).toEqual([4, 7]);
    expect(rows[0]!.raw.idNumber).toBe(person(0)[1]);
  });
});
