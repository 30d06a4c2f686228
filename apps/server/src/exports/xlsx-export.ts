import type { Readable } from 'node:stream';
import { maskIdNumber, parseIdNumber, type Lang } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { xlsxStream } from '../spreadsheet/index.js';
import type { ExportColumn } from './columns.js';

/** Rows a page holds: a page is one short scoped query, so other requests (and PGlite's thread) run between pages. */
export const EXPORT_PAGE_ROWS = 500;

export interface ExportActor {
  user: SessionUser;
  clientIp: string;
}

export interface XlsxExport<R> {
  /** The audit action, e.g. `registry.exportPersons`. */
  action: string;
  /** The list's filters as the user gave them (audited with the row count; never a full ID number). */
  filter: Record<string, unknown>;
  sheetName: string;
  columns: readonly ExportColumn<R>[];
  /** The list's rows, page by page, each page read in its own scoped transaction. */
  pages: AsyncIterable<readonly R[]>;
}

/**
 * One list as an XLSX workbook, streamed: a header row in the user's language, then the rows as
 * the list shows them, each page read only when the client has taken the one before. Audited once
 * with the filter and the number of rows when the last page is read — before the workbook's
 * closing directory is written, so a file that opens is a file that was audited; a stream that
 * stops early (an error, the client gone) is audited as a failure with the rows sent so far.
 */
export function auditedXlsxExport<R>(
  database: Database,
  actor: ExportActor,
  lang: Lang,
  spec: XlsxExport<R>,
): Readable {
  const entry = (outcome: 'success' | 'failure', rows: number) => ({
    userId: actor.user.id,
    username: actor.user.username,
    jurisdictionCode: actor.user.jurisdictionCode,
    clientIp: actor.clientIp,
    action: spec.action,
    targetType: 'export',
    targetId: null,
    outcome,
    details: { filter: spec.filter, rows },
  });
  async function* cells() {
    yield [spec.columns.map((c) => (lang === 'en' ? c.header.en : c.header.zh))];
    let rows = 0;
    let audited = false;
    try {
      for await (const page of spec.pages) {
        rows += page.length;
        yield page.map((r) => spec.columns.map((c) => c.cell(r, lang)));
      }
      await appendAudit(database, entry('success', rows));
      audited = true;
    } finally {
      if (!audited) await appendAudit(database, entry('failure', rows)).catch(() => undefined);
    }
  }
  return xlsxStream({ name: spec.sheetName, widths: spec.columns.map((c) => c.width) }, cells());
}

/**
 * Keyset pages: `fetch(after)` reads the rows after the last one of the page before (undefined at
 * the start), at most EXPORT_PAGE_ROWS; a shorter page is the last.
 */
export async function* keysetPages<R, K>(
  fetch: (after: K | undefined, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (;;) {
    const page = await fetch(after, EXPORT_PAGE_ROWS);
    if (page.length) yield page;
    if (page.length < EXPORT_PAGE_ROWS) return;
    after = keyOf(page[page.length - 1]!);
  }
}

/**
 * Offset pages through a list's own service call (its scoped query, its filters, its order),
 * EXPORT_PAGE_ROWS at a time, until `total` rows: for queues of hundreds or thousands, where
 * offset paging costs little and reusing the list's query keeps the export the list, row for row.
 */
export async function* listPages<R>(
  fetch: (page: number, pageSize: number) => Promise<{ items: R[]; total: number }>,
): AsyncGenerator<R[]> {
  for (let page = 1; ; page++) {
    const { items, total } = await fetch(page, EXPORT_PAGE_ROWS);
    if (items.length) yield items;
    if (items.length < EXPORT_PAGE_ROWS || page * EXPORT_PAGE_ROWS >= total) return;
  }
}

/** Offset pages of EXPORT_PAGE_ROWS through a list's `fetch(limit, offset)`; a shorter page is the last. */
export async function* offsetPages<R>(fetch: (limit: number, offset: number) => Promise<R[]>): AsyncGenerator<R[]> {
  for (let offset = 0; ; offset += EXPORT_PAGE_ROWS) {
    const page = await fetch(EXPORT_PAGE_ROWS, offset);
    if (page.length) yield page;
    if (page.length < EXPORT_PAGE_ROWS) return;
  }
}

/** A free-text search as audited: a full ID number typed into it is kept masked. */
export function auditedSearchText(text: string | undefined): string | null {
  if (!text) return null;
  const id = parseIdNumber(text.trim());
  return id.ok ? maskIdNumber(id.value.idNumber) : text;
}
