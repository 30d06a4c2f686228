import type { RawCell } from '@cradle/domain';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpreadsheetError } from './failures.js';
import { HEADERS, person, tempDir, writeXlsx } from '../registry/import/test-files.js';
import { peekXlsx } from './xlsx-dimension.js';
import { DEFAULT_FILE_LIMITS, MAX_CELL_CHARS, type FileLimits } from './xlsx-limits.js';
import { readFirstWorksheet } from './xlsx-reader.js';
import type { SheetRow } from './xlsx-sheet.js';
import { workbookParts, writeZip, type HandWorkbook, type ZipOptions } from './xlsx-test-files.js';
import { readZipDirectory } from './xlsx-zip.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => ({ dir, remove: removeDir } = await tempDir()));
afterAll(() => removeDir());

async function rowsOf(file: string, limits: Partial<FileLimits> = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readFirstWorksheet(file, { ...DEFAULT_FILE_LIMITS, ...limits })) rows.push(row);
  return rows;
}

const cellsOf = async (file: string) => (await rowsOf(file)).map((r) => r.cells);

async function failureOf(file: string, limits: Partial<FileLimits> = {}): Promise<string | undefined> {
  const err = await rowsOf(file, limits).catch((e: unknown) => e);
  return err instanceof SpreadsheetError ? err.failure.code : undefined;
}

async function excelFile(name: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const handFile = (name: string, book: HandWorkbook, opts?: ZipOptions) =>
  writeZip(dir, name, workbookParts(book), opts);

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('cell values', () => {
  it('reads texts the same from the shared-strings table and written inline', async () => {
    const values: ExcelJS.CellValue[] = [
      '甲 & <乙>',
      { richText: [{ text: '余' }, { text: '丽华', font: { bold: true } }] },
      42,
    ];
    const shared = await excelFile('shared.xlsx', (wb) => wb.addWorksheet('s').addRow(values));
    const inlineFile = path.join(dir, 'inline.xlsx');
    // exceljs's streaming writer without shared strings writes t="str" texts and t="inlineStr" rich text.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inlineFile, useSharedStrings: false });
    writer.addWorksheet('s').addRow(values).commit();
    await writer.commit();
    expect(await cellsOf(shared)).toEqual([['甲 & <乙>', '余丽华', 42]]);
    expect(await cellsOf(inlineFile)).toEqual([['甲 & <乙>', '余丽华', 42]]);
  });

  it('joins rich-text runs and leaves out phonetic guides', async () => {
    const file = await handFile('runs.xlsx', {
      sharedStrings: [
        '<r><t>和</t></r><r><rPr><b/></rPr><t xml:space="preserve">志强 </t></r><rPh sb="0" eb="1"><t>hé</t></rPh>',
      ],
      sheets: [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>余</t></r><r><t>丽华</t></r><rPh><t>yú</t></rPh></is></c></row>',
      ],
    });
    expect(await cellsOf(file)).toEqual([['和志强 ', '余丽华']]);
  });

  it('gives dates for numbers in built-in, Chinese and custom date formats, a date formula included', async () => {
    const file = await excelFile('dates.xlsx', (wb) => {
      const row = wb
        .addWorksheet('s')
        .addRow([
          utc(1990, 3, 15),
          utc(1990, 3, 16),
          utc(1990, 3, 17),
          { formula: 'DATE(1990,3,18)', result: 32950 },
          32951,
          32952,
          32953,
        ]);
      row.getCell(1).numFmt = 'mm-dd-yy'; // built-in 14
      row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"'; // custom here; zh-CN Excel writes it as built-in 31 (below)
      row.getCell(3).numFmt = '[$-804]yyyy/mm/dd;@';
      row.getCell(4).numFmt = 'yyyy-mm-dd';
      row.getCell(6).numFmt = '0.00_);[Red]\\(0.00\\)'; // numbers with padding and escapes, no date letters
      row.getCell(7).numFmt = '0"天"';
    });
    expect(await cellsOf(file)).toEqual([
      [utc(1990, 3, 15), utc(1990, 3, 16), utc(1990, 3, 17), utc(1990, 3, 18), 32951, 32952, 32953],
    ]);
  });

  it('reads built-in date formats it finds only by id, and the 1904 date system', async () => {
    const styles = '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="57"/><xf numFmtId="31"/></cellXfs>';
    const row =
      '<row r="1"><c r="A1" s="1"><v>32947</v></c><c r="B1" s="2"><v>32947</v></c><c r="C1" s="0"><v>32947</v></c></row>';
    expect(await cellsOf(await handFile('ids.xlsx', { styles, sheets: [row] }))).toEqual([
      [utc(1990, 3, 15), utc(1990, 3, 15), 32947],
    ]);
    expect(await cellsOf(await handFile('1904.xlsx', { styles, sheets: [row], date1904: true }))).toEqual([
      [utc(1994, 3, 16), utc(1994, 3, 16), 32947],
    ]);
  });

  it('gives TRUE and FALSE for booleans and the code of an error value, formula results included', async () => {
    const file = await excelFile('logic.xlsx', (wb) => {
      wb.addWorksheet('s').addRow([
        true,
        false,
        { error: '#N/A' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { formula: '"纳西"&"族"', result: '纳西族' },
      ]);
    });
    expect(await cellsOf(file)).toEqual([['TRUE', 'FALSE', '#N/A', '#DIV/0!', '纳西族']]);
  });

  it('decodes Excel\'s _xHHHH_ escapes, an escaped "_x" staying as written', async () => {
    const file = await handFile('escapes.xlsx', {
      sharedStrings: ['<t>第一行_x000D_\n第二行</t>', '<t>_x005F_x000D_</t>'],
      sheets: [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>a_x0009_b</t></is></c></row>',
      ],
    });
    expect(await cellsOf(file)).toEqual([['第一行\r\n第二行', '_x000D_', 'a\tb']]);
  });

  it('decodes entities and character references', async () => {
    const file = await handFile('entities.xlsx', {
      sheets: [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&amp;&gt;&quot;&apos;&#20013;&#x6587;</t></is></c></row>',
      ],
    });
    expect(await cellsOf(file)).toEqual([['<&>"\'中文']]);
  });

  it('gives null for cells without a value', async () => {
    const file = await handFile('blank.xlsx', {
      sheets: ['<row r="1"><c r="A1" s="0"/><c r="B1"><v></v></c><c r="C1" t="s"/><c r="D1"><v>1</v></c></row>'],
    });
    expect(await cellsOf(file)).toEqual([[null, null, null, 1]]);
  });
});

describe('rows and columns', () => {
  it('numbers rows and cells without r after the previous ones, and keeps gaps', async () => {
    const file = await handFile('no-refs.xlsx', {
      sheets: [
        '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c r="C5"><v>5</v></c></row>',
      ],
    });
    expect(await rowsOf(file)).toEqual([
      { rowNo: 1, cells: [1, 2] },
      { rowNo: 4, cells: [null, 3, 4] },
      { rowNo: 5, cells: [null, null, 5] },
    ]);
  });

  it('tolerates namespace prefixes on elements and attributes', async () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row x:r="2"><x:c r="A2" x:t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const parts = { ...workbookParts({ sheets: [''] }), 'xl/worksheets/sheet1.xml': sheet };
    expect(await rowsOf(await writeZip(dir, 'prefixed.xlsx', parts))).toEqual([{ rowNo: 2, cells: ['甲'] }]);
  });

  it('keeps maxColumns + 1 cells of a row and notes the last non-blank column beyond them', async () => {
    const file = await handFile('wide.xlsx', {
      sheets: [
        '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c><c r="H1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1" t="inlineStr"><is><t> </t></is></c></row>',
      ],
    });
    const [row] = await rowsOf(file, { maxColumns: 3 });
    expect(row).toEqual({ rowNo: 1, cells: [1, null, null, null], lastColumnCut: 8 });
  });
});

describe('which worksheet', () => {
  it('reads the first tab, not the first worksheet in the zip, and counts the others', async () => {
    const file = await excelFile('tab-order.xlsx', (wb) => {
      const zipFirst = wb.addWorksheet('zip first');
      zipFirst.addRow(['sheet1.xml']);
      const tabFirst = wb.addWorksheet('tab first');
      tabFirst.addRow(['sheet2.xml']);
      tabFirst.addRow(['second row']);
      // orderNo (not in exceljs's typings) is the tab position exceljs writes the sheets in.
      Object.assign(zipFirst, { orderNo: 2 });
      Object.assign(tabFirst, { orderNo: 1 });
    });
    expect(await cellsOf(file)).toEqual([['sheet2.xml'], ['second row']]);
    expect(await peekXlsx(file)).toMatchObject({ lastRow: 2, worksheets: 2 });

    // exceljs also writes the first tab first in the zip; Excel need not.
    const parts = workbookParts({
      sheets: ['<row r="1"><c r="A1"><v>1</v></c></row>', '<row r="1"><c r="A1"><v>2</v></c></row>'],
    });
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
      /(<sheet [^>]*rIdS1"\/>)(<sheet [^>]*rIdS2"\/>)/,
      '$2$1',
    );
    const reordered = await writeZip(dir, 'tab-order-by-hand.xlsx', parts);
    expect([...(await readZipDirectory(reordered)).keys()].filter((n) => n.includes('worksheets/'))).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(await cellsOf(reordered)).toEqual([[2]]);
  });

  it('skips a hidden first tab, which the user does not see', async () => {
    const file = await excelFile('hidden.xlsx', (wb) => {
      const lists = wb.addWorksheet('lists', { state: 'hidden' });
      lists.addRow(['汉族', '傈僳族']);
      wb.addWorksheet('人口').addRow([...HEADERS]);
    });
    expect((await cellsOf(file))[0]).toEqual(HEADERS);
    expect((await peekXlsx(file))?.worksheets).toBe(2);
  });

  it('reads stored entries and Zip64 records, and a sheet whose target is absolute', async () => {
    const parts = workbookParts({ sheets: ['<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row>'] });
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      'Target="worksheets/',
      'Target="/xl/worksheets/',
    );
    for (const opts of [{ stored: true }, { zip64: true }, { stored: true, zip64: true }]) {
      const file = await writeZip(dir, `zip-${JSON.stringify(opts).replace(/\W/g, '')}.xlsx`, parts, opts);
      expect(await cellsOf(file)).toEqual([['甲']]);
    }
  });
});

describe('a file that is not a readable workbook', () => {
  it('fails an empty file as empty and other files as no workbook', async () => {
    await writeFile(path.join(dir, 'empty.xlsx'), '');
    await writeFile(path.join(dir, 'text.xlsx'), 'name,id\n');
    expect(await failureOf(path.join(dir, 'empty.xlsx'))).toBe('file.empty');
    expect(await failureOf(path.join(dir, 'text.xlsx'))).toBe('file.notXlsx');
    expect(await failureOf(await writeZip(dir, 'docx.xlsx', { 'word/document.xml': '<w:document/>' }))).toBe(
      'file.notXlsx',
    );
  });

  it('fails a truncated zip as unreadable, keeping the cause', async () => {
    const file = await writeXlsx(dir, 'truncated.xlsx', [person(0), person(1)]);
    await truncate(file, Math.floor((await readFile(file)).length * 0.6));
    const err = await rowsOf(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpreadsheetError);
    expect((err as SpreadsheetError).failure.code).toBe('file.unreadable');
    expect((err as SpreadsheetError).cause).toBeInstanceOf(Error);
  });

  it('fails a worksheet whose compressed data is damaged, or whose XML is malformed, as unreadable', async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919}</v></c></row>`,
    ).join('');
    const file = await writeZip(dir, 'damaged.xlsx', workbookParts({ sheets: [rows] }));
    const bytes = await readFile(file);
    const sheet = (await readZipDirectory(file)).get('xl/worksheets/sheet1.xml')!;
    const middle = sheet.localHeaderOffset + 30 + sheet.name.length + Math.floor(sheet.compressedSize / 2);
    bytes.fill(0xff, middle, middle + 8);
    await writeFile(file, bytes);
    expect(await failureOf(file)).toBe('file.unreadable');
    for (const [name, data] of [
      ['unclosed.xlsx', '<row r="1"><c r="A1"><v>1</v></c>'],
      ['entity.xlsx', '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
      ['string-index.xlsx', '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'],
    ]) {
      expect(await failureOf(await handFile(name!, { sheets: [data!] }))).toBe('file.unreadable');
    }
  });

  it('refuses a worksheet with a DOCTYPE, where entity expansion attacks start', async () => {
    const parts = workbookParts({ sheets: [''] });
    parts['xl/worksheets/sheet1.xml'] =
      '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet><sheetData/></worksheet>';
    expect(await failureOf(await writeZip(dir, 'doctype.xlsx', parts))).toBe('file.unreadable');
  });
});

describe('what a file may make the reader hold', () => {
  const textRows = (n: number) => Array.from({ length: n }, (_, i) => [`text ${i}`]);

  it('fails past the number of shared strings allowed, before yielding any row', async () => {
    const file = await excelFile('many.xlsx', (wb) => wb.addWorksheet('s').addRows(textRows(6)));
    expect(await failureOf(file, { maxSharedStrings: 5 })).toBe('file.tooManySharedStrings');
    expect(await rowsOf(file, { maxSharedStrings: 6 })).toHaveLength(6);
  });

  it('fails past the characters allowed in all, one huge string included', async () => {
    const file = await excelFile('long.xlsx', (wb) => wb.addWorksheet('s').addRows(textRows(4))); // 6 characters each
    expect(await failureOf(file, { maxSharedStringChars: 23 })).toBe('file.tooManySharedStrings');
    expect(await rowsOf(file, { maxSharedStringChars: 24 })).toHaveLength(4);
    const huge = await excelFile('huge.xlsx', (wb) => wb.addWorksheet('s').addRow(['x'.repeat(100_000)]));
    expect(await failureOf(huge, { maxSharedStringChars: 1000 })).toBe('file.tooManySharedStrings');
  });

  it('refuses a cell or a shared string longer than Excel holds, naming the row', async () => {
    const longest = 'x'.repeat(MAX_CELL_CHARS);
    const ok = await handFile('longest.xlsx', {
      sheets: [`<row r="2"><c t="inlineStr"><is><t>${longest}</t></is></c></row>`],
    });
    expect((await cellsOf(ok))[0]![0]).toHaveLength(MAX_CELL_CHARS);
    const inline = await handFile('inline-long.xlsx', {
      sheets: [
        `<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="7"><c t="inlineStr"><is><t>${longest}y</t></is></c></row>`,
      ],
    });
    const err = (await rowsOf(inline).catch((e: unknown) => e)) as SpreadsheetError;
    expect(err.failure.code).toBe('file.cellTooLong');
    expect(err.failure.message.zh).toContain('第 7 行');
    expect(err.failure.message.en).toContain('row 7');
    // Escapes count once decoded: 32,767 escaped line breaks are a cell Excel holds.
    const escaped = await handFile('escaped.xlsx', {
      sheets: [`<row r="2"><c t="inlineStr"><is><t>${'_x000A_'.repeat(MAX_CELL_CHARS)}</t></is></c></row>`],
    });
    expect((await cellsOf(escaped))[0]![0]).toHaveLength(MAX_CELL_CHARS);
    const shared = await excelFile('shared-long.xlsx', (wb) => wb.addWorksheet('s').addRow([longest + 'y']));
    expect(await failureOf(shared)).toBe('file.cellTooLong');
    // A huge raw text fails as it grows, before it is held whole.
    const huge = await handFile('huge-raw.xlsx', { sheets: [''], sharedStrings: [`<t>${'x'.repeat(2_000_000)}</t>`] });
    expect(await failureOf(huge)).toBe('file.cellTooLong');
  });

  it('writes no temp files, and closes the file when stopped early', async () => {
    const file = await writeXlsx(
      dir,
      'no-spool.xlsx',
      Array.from({ length: 3000 }, (_, i) => person(i)),
    );
    const spool = path.join(dir, 'spool');
    await mkdir(spool);
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = spool; // os.tmpdir(), where a spooling reader would put its files
    // Linux lists this process's open files in /proc/self/fd; elsewhere the check is skipped.
    const openOnFile = async () => {
      if (!existsSync('/proc/self/fd')) return 0;
      const fds = await readdir('/proc/self/fd');
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((t) => t === file).length;
    };
    try {
      expect(await rowsOf(file)).toHaveLength(3001);
      for await (const row of readFirstWorksheet(file, DEFAULT_FILE_LIMITS)) if (row.rowNo === 2) break;
      expect(await readdir(spool)).toEqual([]);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    // A destroyed stream closes its file asynchronously.
    await expect.poll(openOnFile, { timeout: 2_000 }).toBe(0);
  });
});

describe('a large worksheet', () => {
  it("reads every row of 20,000 written by exceljs's streaming writer, with texts, numbers and dates intact", async () => {
    const file = path.join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const sheet = writer.addWorksheet('人口');
    for (let i = 1; i <= 20_000; i++) {
      const row = sheet.addRow([`名${i}`, i, utc(1960, 1, 1 + (i % 365))]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    await writer.commit();
    let count = 0;
    let last: RawCell[] = [];
    for await (const row of readFirstWorksheet(file, DEFAULT_FILE_LIMITS)) {
      count++;
      last = row.cells;
    }
    expect(count).toBe(20_000);
    expect(last).toEqual(['名20000', 20_000, utc(1960, 1, 1 + (20_000 % 365))]);
  });
});
