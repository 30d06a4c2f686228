import { posix } from 'node:path';
import { spreadsheetFailure } from './failures.js';
import { detached, parseXmlEntry, XmlError, type XmlAttributes, type XmlHandler } from './xlsx-xml.js';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from './xlsx-zip.js';

/** The zip entries the reader needs, found the way Excel finds them: through the relationships. */
export interface XlsxParts {
  /** The first worksheet in tab order that is not hidden: the first tab the user sees. Null when there is none. */
  firstSheet: ZipEntry | null;
  /** Worksheets in the workbook, hidden ones included; chart sheets are not worksheets. */
  worksheets: number;
  /** Serial dates count from 1904-01-01 (old Mac workbooks), not from 1899-12-30. */
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

interface Relationship {
  type: string;
  /** The target's zip entry name, resolved against the part that has the relationship. */
  path: string;
}

// Excel allows as many sheets as memory does; no real workbook comes near this.
const MAX_SHEETS = 65_536;

/** Reads the zip directory, the workbook and its relationships. A zip without a workbook is not an XLSX. */
export async function openXlsxParts(filePath: string): Promise<XlsxParts> {
  const zip = await readZipDirectory(filePath);
  const root = await relationships(filePath, zip, '');
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const workbookEntry = zip.get(workbookPath.toLowerCase());
  if (!workbookEntry) throw spreadsheetFailure('file.notXlsx');
  const workbook = new WorkbookHandler();
  await parseXmlEntry(filePath, workbookEntry, workbook);
  const rels = await relationships(filePath, zip, workbookPath);
  const worksheets = workbook.sheets.flatMap((sheet) => {
    const rel = rels.get(sheet.relId);
    return rel?.type.endsWith('/worksheet') ? [{ ...sheet, path: rel.path }] : [];
  });
  const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  const firstSheet = first ? zip.get(first.path.toLowerCase()) : null;
  if (firstSheet === undefined) throw new XmlError(`the workbook's first worksheet ${first?.path} is missing`);
  const part = (type: string, usual: string) =>
    zip.get(([...rels.values()].find((r) => r.type.endsWith(type))?.path ?? usual).toLowerCase()) ?? null;
  return {
    firstSheet,
    worksheets: worksheets.length,
    date1904: workbook.date1904,
    sharedStrings: part('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: part('/styles', 'xl/styles.xml'),
  };
}

/** A part's relationships by id, from its .rels part (xl/_rels/workbook.xml.rels for xl/workbook.xml). */
async function relationships(
  filePath: string,
  zip: ZipDirectory,
  partPath: string,
): Promise<Map<string, Relationship>> {
  const dir = posix.dirname(partPath);
  const relsPath = `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(partPath)}.rels`;
  const entry = zip.get(relsPath.toLowerCase());
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  await parseXmlEntry(filePath, entry, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id === undefined || target === undefined || a.get('TargetMode') === 'External') return;
      if (rels.size >= MAX_SHEETS) throw new XmlError(`${relsPath} has more than ${MAX_SHEETS} relationships`);
      // A target is relative to the part's folder (worksheets/sheet1.xml), or absolute in the package (/xl/worksheets/sheet1.xml).
      const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
      rels.set(detached(id), { type: detached(a.get('Type') ?? ''), path: detached(path) });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** workbook.xml: the sheets in tab order and the date system. */
class WorkbookHandler implements XmlHandler {
  readonly sheets: { relId: string; hidden: boolean }[] = [];
  date1904 = false;
  private inSheets = false;

  open(name: string, a: XmlAttributes): void {
    if (name === 'workbookPr') this.date1904 = ['1', 'true'].includes(a.get('date1904') ?? '');
    else if (name === 'sheets') this.inSheets = true;
    else if (name === 'sheet' && this.inSheets) {
      if (this.sheets.length >= MAX_SHEETS) throw new XmlError(`the workbook has more than ${MAX_SHEETS} sheets`);
      // r:id, its prefix dropped; sheetId is another attribute.
      const relId = a.get('id');
      if (relId === undefined) throw new XmlError('a sheet in workbook.xml has no r:id');
      const state = a.get('state');
      this.sheets.push({ relId: detached(relId), hidden: state === 'hidden' || state === 'veryHidden' });
    }
  }

  close(name: string): void {
    if (name === 'sheets') this.inSheets = false;
  }

  text(): void {}
}
