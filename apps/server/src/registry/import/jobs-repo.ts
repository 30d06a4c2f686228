import { CANONICAL_FIELDS } from '@cradle/domain';
import type { Conn } from '../../db/client.js';
import type { ImportFailure } from './failures.js';
import type { ImportErrorField, ImportRowError, ImportRowErrorCode } from './row-errors.js';
import type { ImportCounts, ImportJob, ImportStatus, ImportUser } from './types.js';
import type { ImportFormat } from './types.js';
import { yieldToEventLoop } from './pipelined.js';
import { OMITTED_MARKER_ROW } from './error-cap.js';

// SQL for import_jobs and import_errors. Every function takes a connection inside withScope.

const JOB_COLUMNS = `id, user_id, jurisdiction_code, file_name, format, status, total_rows, processed_rows, valid_rows,
  invalid_rows, inserted, updated, unchanged, failure, created_at, started_at, finished_at`;

type JobRow = Record<string, unknown>;

/**
 * Invalid rows whose errors were not stored (see error-cap.ts): the rest beyond the cap, once the
 * job stored its marker on row 0 (omittedMarker), found by the (job_id, row_no) index. A job from
 * before the cap stored every row and no marker, and so omitted none. `cap` is the parameter
 * holding the cap.
 */
const errorsOmitted = (cap: string) => `CASE WHEN import_jobs.invalid_rows > ${cap} AND EXISTS (
    SELECT 1 FROM import_errors e WHERE e.job_id = import_jobs.id AND e.row_no = ${OMITTED_MARKER_ROW})
  THEN import_jobs.invalid_rows - ${cap} ELSE 0 END AS errors_omitted`;

/** What an import_jobs row holds: the registry's persons, or life events (issue 13, events/). */
export type ImportFileKind = 'persons' | 'lifeEvents';

/** The job columns, with errorsOmitted under the cap held by parameter `cap` (for other modules' lists). */
export const jobColumnsWithOmitted = (cap: string) => `${JOB_COLUMNS}, ${errorsOmitted(cap)}`;

export function toJob(r: JobRow): ImportJob {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const failure =
    typeof r.failure === 'string'
      ? (JSON.parse(r.failure) as ImportFailure)
      : ((r.failure as ImportFailure | null) ?? null);
  return {
    id: Number(r.id),
    userId: n(r.user_id),
    jurisdictionCode: String(r.jurisdiction_code),
    fileName: String(r.file_name),
    format: r.format as ImportFormat,
    status: r.status as ImportStatus,
    totalRows: n(r.total_rows),
    processedRows: Number(r.processed_rows),
    validRows: Number(r.valid_rows),
    invalidRows: Number(r.invalid_rows),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    errorsOmitted: Number(r.errors_omitted ?? 0),
    failure,
    createdAt: r.created_at as Date,
    startedAt: (r.started_at as Date | null) ?? null,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

export async function insertJob(
  tx: Conn,
  user: ImportUser,
  fileName: string,
  format: ImportFormat,
  fileKind: ImportFileKind = 'persons',
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO import_jobs (user_id, jurisdiction_code, file_name, format, status, file_kind) VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING id`,
    [user.id, user.jurisdictionCode, fileName, format, fileKind],
  );
  return Number(rows[0]!.id);
}

export async function markRunning(tx: Conn, jobId: number): Promise<void> {
  await tx.query(`UPDATE import_jobs SET status = 'running', started_at = now() WHERE id = $1`, [jobId]);
}

const COUNT_SET = `processed_rows = $3, valid_rows = $4, invalid_rows = $5, inserted = $6, updated = $7, unchanged = $8`;

function countParams(c: ImportCounts): number[] {
  return [c.processedRows, c.validRows, c.invalidRows, c.inserted, c.updated, c.unchanged];
}

export async function updateProgress(
  tx: Conn,
  jobId: number,
  totalRows: number | null,
  c: ImportCounts,
): Promise<void> {
  await tx.query(`UPDATE import_jobs SET total_rows = $2, ${COUNT_SET} WHERE id = $1`, [
    jobId,
    totalRows,
    ...countParams(c),
  ]);
}

export async function finishJob(
  tx: Conn,
  jobId: number,
  status: 'done' | 'failed',
  totalRows: number | null,
  c: ImportCounts,
  failure: ImportFailure | null,
  keptErrorRows: number,
): Promise<ImportJob> {
  const rows = await tx.query<JobRow>(
    `UPDATE import_jobs SET status = $9, failure = $10::jsonb, finished_at = now(), started_at = coalesce(started_at, now()),
       total_rows = $2, ${COUNT_SET}
     WHERE id = $1 RETURNING ${JOB_COLUMNS}, ${errorsOmitted('$11::int')}`,
    [jobId, totalRows, ...countParams(c), status, failure === null ? null : JSON.stringify(failure), keptErrorRows],
  );
  return toJob(rows[0]!);
}

/**
 * Marks import jobs failed, in every jurisdiction (the owner's connection: a repair, not a user's
 * action): the given ones, or else every queued or running one that no job of `kind` waits or runs
 * for (left by a process that ran it inline, or from before the job queue). Returns the jobs with
 * their users' names, for the audit entry each is owed.
 */
export async function failUnfinishedJobs(
  owner: Conn,
  failure: ImportFailure,
  which: { ids: number[] } | { orphansOf: string; fileKind?: ImportFileKind },
): Promise<(ImportJob & { username: string | null })[]> {
  const rows = await owner.query<JobRow>(
    `UPDATE import_jobs SET status = 'failed', failure = $1::jsonb, finished_at = now()
     WHERE status IN ('queued', 'running') AND ${
       'ids' in which
         ? 'id = ANY($2::bigint[])'
         : `file_kind = $3 AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = $2 AND j.key = import_jobs.id::text AND j.status IN ('pending', 'running'))`
     }
     RETURNING ${JOB_COLUMNS}, (SELECT u.username FROM users u WHERE u.id = import_jobs.user_id) AS username`,
    'ids' in which
      ? [JSON.stringify(failure), which.ids]
      : [JSON.stringify(failure), which.orphansOf, which.fileKind ?? 'persons'],
  );
  return rows.map((r) => ({ ...toJob(r), username: (r.username as string | null) ?? null }));
}

/**
 * Errors per statement. PGlite runs a statement on this thread: 5,000 errors took 100–460 ms
 * there, a batch's 45,000 seconds; 1,000 take tens of ms, and other requests run in between.
 */
const ERRORS_PER_STATEMENT = 1_000;

export async function insertErrors(tx: Conn, jobId: number, errors: readonly ImportRowError[]): Promise<void> {
  for (let start = 0; start < errors.length; start += ERRORS_PER_STATEMENT) {
    if (start > 0) await yieldToEventLoop();
    const part = errors.slice(start, start + ERRORS_PER_STATEMENT);
    await tx.query(
      `INSERT INTO import_errors (job_id, row_no, field, code, message_zh, message_en)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        jobId,
        part.map((e) => e.rowNo),
        part.map((e) => e.field),
        part.map((e) => e.code),
        part.map((e) => e.message.zh),
        part.map((e) => e.message.en),
      ],
    );
  }
}

/** The job; errorsOmitted is counted only with keptErrorRows (the cap it ran under), else 0. */
export async function findJob(
  tx: Conn,
  jobId: number,
  keptErrorRows?: number,
  fileKind: ImportFileKind = 'persons',
): Promise<ImportJob | null> {
  const rows = await tx.query<JobRow>(
    keptErrorRows === undefined
      ? `SELECT ${JOB_COLUMNS} FROM import_jobs WHERE id = $1 AND file_kind = $2`
      : `SELECT ${JOB_COLUMNS}, ${errorsOmitted('$3::int')} FROM import_jobs WHERE id = $1 AND file_kind = $2`,
    keptErrorRows === undefined ? [jobId, fileKind] : [jobId, fileKind, keptErrorRows],
  );
  return rows[0] ? toJob(rows[0]) : null;
}

export async function listJobs(tx: Conn, limit: number, keptErrorRows: number): Promise<ImportJob[]> {
  const rows = await tx.query<JobRow>(
    `SELECT ${JOB_COLUMNS}, ${errorsOmitted('$2::int')} FROM import_jobs WHERE file_kind = 'persons' ORDER BY id DESC LIMIT $1`,
    [limit, keptErrorRows],
  );
  return rows.map(toJob);
}

/**
 * Errors in sheet order (row, then column), about `limit` of them after afterRowNo (more to finish a row). A page ends on a whole
 * row, so paging by row number never splits one row's errors. Warnings (field 'file') have no
 * column; ctid, in an insert-only table nearly always the order they were written in (column
 * order), breaks the tie so the list does not reshuffle between requests.
 */
export async function errorsAfter(
  tx: Conn,
  jobId: number,
  afterRowNo: number,
  limit: number,
): Promise<ImportRowError[]> {
  const rows = await tx.query<{ row_no: number; field: string; code: string; message_zh: string; message_en: string }>(
    `WITH page AS (SELECT row_no FROM import_errors WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3)
     SELECT row_no, field, code, message_zh, message_en FROM import_errors
     WHERE job_id = $1 AND row_no > $2 AND row_no <= (SELECT max(row_no) FROM page)
     ORDER BY row_no, array_position($4::text[], field), ctid`,
    [jobId, afterRowNo, limit, CANONICAL_FIELDS],
  );
  return rows.map((r) => ({
    rowNo: Number(r.row_no),
    field: r.field as ImportErrorField,
    code: r.code as ImportRowErrorCode,
    message: { zh: r.message_zh, en: r.message_en },
  }));
}
