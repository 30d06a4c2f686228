import { pick, type Lang, type Message } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { Pii } from '../crypto/pii.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  asImportFailure,
  finishJob,
  ImportFailureError,
  importFailure,
  insertErrors,
  KEPT_ERROR_ROWS,
  markRunning,
  omittedMarker,
  updateProgress,
  yieldToEventLoop,
  type ImportCounts,
  type ImportFormat,
  type ImportJob,
  type ImportRowError,
} from '../registry/index.js';
import {
  csvCellRows,
  DEFAULT_FILE_LIMITS,
  peekXlsx,
  scanCsvFile,
  SpreadsheetError,
  xlsxCellRows,
  type CellRow,
} from '../spreadsheet/index.js';
import { recordOne } from './service.js';
import type { EventSender } from './record.js';
import {
  eventFieldOf,
  EVENT_FIELD_LABELS,
  readEventRow,
  REQUIRED_EVENT_FIELDS,
  type EventField,
} from './import-file.js';

/** The job kind of a life-event file (jobs/kinds/life-event-import.ts). */
export const EVENT_IMPORT_KIND = 'lifeEvents.import';

export interface EventImportUser {
  id: number;
  username: string;
  displayName: string;
  jurisdictionCode: string;
  department: string;
}

/** What the queue holds: the import_jobs row (file_kind 'lifeEvents') and the file waiting in the upload folder. */
export interface EventImportPayload {
  importJobId: number;
  filePath: string;
  fileName: string;
  format: ImportFormat;
  user: EventImportUser;
  clientIp: string | null;
}

export interface EventImportDeps {
  database: Database;
  pii: Pii;
  sender: (p: EventImportPayload) => EventSender;
  now: () => Date;
  /** Rows between progress updates (each its own short transaction). */
  progressEvery?: number;
}

const zero = (): ImportCounts => ({
  processedRows: 0,
  validRows: 0,
  invalidRows: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
});

/**
 * Records every row of a file as the form would, each row in its own transaction (recordOne): a
 * bad row is reported with its reason and the good rows are recorded; the same file again records
 * nothing new (each row's reference, given or derived, answers its first event). `inserted`
 * counts events recorded, `unchanged` rows already recorded. Event files are small (a county
 * records about a thousand deaths a year), so a row at a time is enough; the persons import's
 * batches are for a registry of a million.
 */
export async function runEventImport(deps: EventImportDeps, p: EventImportPayload): Promise<ImportJob> {
  const scope = { jurisdictionCode: p.user.jurisdictionCode };
  const counts = zero();
  let totalRows: number | null = null;
  let failure: ImportJob['failure'] = null;
  let pending: ImportRowError[] = [];
  let errorRowsKept = 0;
  const flush = async () => {
    const errors = pending;
    pending = [];
    await withScope(deps.database, scope, async (tx) => {
      await insertErrors(tx, p.importJobId, errors);
      await updateProgress(tx, p.importJobId, totalRows, counts);
    });
  };
  const addRowErrors = (rowNo: number, errors: { field: EventField; code: string; message: Message }[]) => {
    counts.invalidRows++;
    if (errorRowsKept < KEPT_ERROR_ROWS) {
      errorRowsKept++;
      for (const e of errors)
        pending.push({ rowNo, field: e.field, code: e.code, message: e.message } as ImportRowError);
    } else if (errorRowsKept === KEPT_ERROR_ROWS) {
      errorRowsKept++;
      pending.push(omittedMarker(KEPT_ERROR_ROWS));
    }
  };
  const sender = deps.sender(p);
  try {
    await withScope(deps.database, scope, (tx) => markRunning(tx, p.importJobId));
    const { rows, total } = await openRows(p);
    totalRows = total;
    const header = await firstNonBlank(rows);
    if (!header) throw importFailure('file.empty');
    const mapping = header.cells.map((c) => (typeof c === 'string' ? eventFieldOf(c) : null));
    const missing = REQUIRED_EVENT_FIELDS.filter((f) => !mapping.includes(f));
    if (missing.length > 0) throw missingColumns(missing);
    let sinceFlush = 0;
    for await (const row of rows) {
      if (isBlank(row.cells)) continue;
      counts.processedRows++;
      const raw: Partial<Record<EventField, CellRow['cells'][number]>> = {};
      mapping.forEach((f, i) => {
        if (f) raw[f] = row.cells[i];
      });
      const read = readEventRow(raw);
      if (!read.ok) addRowErrors(row.rowNo, read.errors);
      else {
        const reference =
          read.input.reference ??
          `row:${read.input.kind}:${read.input.eventDate}:${deps.pii.idBlindIndex(read.input.idNumber.trim().toUpperCase()).toString('hex').slice(0, 48)}`;
        try {
          const r = await recordOne(deps.database, deps.pii, sender, { ...read.input, reference }, deps.now());
          counts.validRows++;
          if (r.duplicate) counts.unchanged++;
          else counts.inserted++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          addRowErrors(row.rowNo, [{ field: fieldOf(e), code: e.code, message: e.userMessage }]);
        }
      }
      if (++sinceFlush >= (deps.progressEvery ?? 50)) {
        sinceFlush = 0;
        await flush();
        await yieldToEventLoop();
      }
    }
  } catch (e) {
    if (e instanceof SpreadsheetError) failure = asImportFailure(e).failure;
    else if (e instanceof ImportFailureError) failure = e.failure;
    else throw e;
  }
  const job = await withScope(deps.database, scope, async (tx) => {
    const errors = pending;
    pending = [];
    await insertErrors(tx, p.importJobId, errors);
    const done = await finishJob(
      tx,
      p.importJobId,
      failure ? 'failed' : 'done',
      failure ? totalRows : counts.processedRows,
      counts,
      failure,
      KEPT_ERROR_ROWS,
    );
    await appendAudit(tx, {
      userId: p.user.id,
      username: p.user.username,
      jurisdictionCode: p.user.jurisdictionCode,
      clientIp: p.clientIp,
      action: 'lifeEvent.import',
      targetType: 'importJob',
      targetId: String(p.importJobId),
      outcome: failure ? 'failure' : 'success',
      details: {
        fileName: p.fileName,
        format: p.format,
        processedRows: counts.processedRows,
        recorded: counts.inserted,
        alreadyRecorded: counts.unchanged,
        invalidRows: counts.invalidRows,
        failureCode: failure?.code ?? null,
      },
    });
    return done;
  });
  return job;
}

function fieldOf(e: AppError): EventField {
  const d = (e.details ?? {}) as { field?: string; fields?: string[] };
  if (e.code === 'lifeEvent.kindNotYours') return 'kind';
  if (e.code === 'lifeEvent.maternalNotYours') return 'maternal';
  if (e.code === 'lifeEvent.outsideJurisdiction') return 'newResidenceCode';
  const f = d.field ?? d.fields?.[0];
  return f && f in EVENT_FIELD_LABELS ? (f as EventField) : 'idNumber';
}

function missingColumns(missing: readonly EventField[]): ImportFailureError {
  const zh = missing.map((f) => EVENT_FIELD_LABELS[f].zh).join('、');
  const en = missing.map((f) => EVENT_FIELD_LABELS[f].en).join(', ');
  return new ImportFailureError({
    code: 'file.missingColumns',
    message: {
      zh: `文件缺少必填列：${zh}。请下载生命事件导入模板，按模板的列填写`,
      en: `The file lacks required columns: ${en}. Download the life-event template and use its columns`,
    },
  });
}

async function openRows(p: EventImportPayload): Promise<{ rows: AsyncGenerator<CellRow>; total: number | null }> {
  if (p.format === 'csv') return { rows: csvCellRows(p.filePath), total: (await scanCsvFile(p.filePath)).dataRows };
  const peek = await peekXlsx(p.filePath);
  return {
    rows: xlsxCellRows(p.filePath, DEFAULT_FILE_LIMITS, peek?.parts),
    total: peek?.lastRow == null ? null : Math.max(0, peek.lastRow - 1),
  };
}

const isBlank = (cells: CellRow['cells']) => cells.every((c) => c === null || c === undefined || c === '');

async function firstNonBlank(rows: AsyncGenerator<CellRow>): Promise<CellRow | null> {
  for (;;) {
    const next = await rows.next();
    if (next.done) return null;
    if (!isBlank(next.value.cells)) return next.value;
  }
}

/** The error report's field column for an event file. */
export const eventFieldLabel = (field: string, lang: Lang): string =>
  field in EVENT_FIELD_LABELS ? pick(EVENT_FIELD_LABELS[field as EventField], lang) : field;
