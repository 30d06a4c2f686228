import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { computeIdCheckCharacter, pick, type Lang } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { insertJob as queueJob, type JobRunner } from '../jobs/index.js';
import {
  errorReportHeader,
  errorsAfter,
  insertImportJob,
  jobColumnsWithOmitted,
  KEPT_ERROR_ROWS,
  toJob,
  yieldToEventLoop,
  type ImportJob,
  type ImportRowError,
  type ReceivedFile,
} from '../registry/index.js';
import { csvLine, xlsxStream } from '../spreadsheet/index.js';
import { departmentSender } from './record.js';
import { EVENT_FIELD_LABELS, EVENT_FIELDS } from './import-file.js';
import { EVENT_IMPORT_KIND, eventFieldLabel, type EventImportPayload } from './import-job.js';

// The life-event import's jobs: the persons import's table (import_jobs, file_kind 'lifeEvents'),
// error rows, job runner and console page, with this file's columns. A department operator sees
// the files its department imported in its jurisdiction.

export function createEventImports(database: Database, jobs: Pick<JobRunner, 'kick'>) {
  const scoped = <T>(user: SessionUser, fn: Parameters<typeof withScope<T>>[2]) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);
  const mine = `file_kind = 'lifeEvents' AND user_id = ANY($2::bigint[])`;
  // The department's operators in this jurisdiction, read as the owner (cradle_app has no grant on users).
  const colleagues = async (user: SessionUser): Promise<number[]> =>
    (
      await database.query<{ id: number }>('SELECT id FROM users WHERE department = $1 AND jurisdiction_code = $2', [
        user.department,
        user.jurisdictionCode,
      ])
    ).map((r) => Number(r.id));

  async function find(user: SessionUser, id: number): Promise<ImportJob | null> {
    const ids = await colleagues(user);
    const [row] = await scoped(user, (tx) =>
      tx.query(`SELECT ${jobColumnsWithOmitted('$3::int')} FROM import_jobs WHERE id = $1 AND ${mine}`, [
        id,
        ids,
        KEPT_ERROR_ROWS,
      ]),
    );
    return row ? toJob(row) : null;
  }

  return {
    async start(user: SessionUser, clientIp: string, file: ReceivedFile): Promise<number> {
      const id = await scoped(user, async (tx) => {
        const jobId = await insertImportJob(tx, { ...user }, file.fileName, file.format, 'lifeEvents');
        const payload: EventImportPayload = {
          importJobId: jobId,
          ...file,
          user: {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            jurisdictionCode: user.jurisdictionCode,
            department: user.department ?? '',
          },
          clientIp,
        };
        await queueJob(tx, {
          kind: EVENT_IMPORT_KIND,
          key: String(jobId),
          jurisdictionCode: user.jurisdictionCode,
          payload,
        });
        await appendAudit(tx, {
          userId: user.id,
          username: user.username,
          jurisdictionCode: user.jurisdictionCode,
          clientIp,
          action: 'lifeEvent.importStart',
          targetType: 'importJob',
          targetId: String(jobId),
          outcome: 'success',
          details: {
            fileName: file.fileName,
            format: file.format,
            sender: departmentSender(user.department ?? '', user.jurisdictionCode),
          },
        });
        return jobId;
      }).catch(async (err: unknown) => {
        await unlink(file.filePath).catch(() => undefined);
        throw err;
      });
      jobs.kick(EVENT_IMPORT_KIND);
      return id;
    },

    list: async (user: SessionUser) => {
      const ids = await colleagues(user);
      return scoped(user, async (tx) =>
        (
          await tx.query(
            `SELECT ${jobColumnsWithOmitted('$1::int')} FROM import_jobs WHERE ${mine} ORDER BY id DESC LIMIT 20`,
            [KEPT_ERROR_ROWS, ids],
          )
        ).map(toJob),
      );
    },

    async get(user: SessionUser, id: number): Promise<{ job: ImportJob; errors: ImportRowError[] } | null> {
      const job = await find(user, id);
      if (!job) return null;
      const errors = await scoped(user, (tx) => errorsAfter(tx, id, 0, 1000));
      return { job, errors: errors.slice(0, 1000) };
    },

    /** The row errors as CSV, page by page; null when the job is not the user's department's. */
    async errorReport(user: SessionUser, id: number, lang: Lang): Promise<AsyncGenerator<string> | null> {
      if (!(await find(user, id))) return null;
      return (async function* () {
        yield errorReportHeader(lang);
        for (let after = 0; ;) {
          const page = await scoped(user, (tx) => errorsAfter(tx, id, after, 500));
          if (page.length === 0) break;
          yield page
            .map((e) => csvLine([String(e.rowNo), eventFieldLabel(e.field, lang), e.code, pick(e.message, lang)]))
            .join('');
          after = page[page.length - 1]!.rowNo;
          await yieldToEventLoop();
        }
      })();
    },
  };
}

export type EventImports = ReturnType<typeof createEventImports>;

/** The template: every column as text (an ID number keeps its 18 digits), one example row of each kind. */
export function eventTemplateXlsx(lang: Lang): Readable {
  const id = (first17: string) => first17 + computeIdCheckCharacter(first17);
  const blank = EVENT_FIELDS.map(() => '');
  const row = (values: Partial<Record<(typeof EVENT_FIELDS)[number], string>>) =>
    EVENT_FIELDS.map((f, i) => values[f] ?? blank[i]!);
  const zh = lang !== 'en';
  async function* pages() {
    yield [
      EVENT_FIELDS.map((f) => (zh ? EVENT_FIELD_LABELS[f].zh : EVENT_FIELD_LABELS[f].en)),
      // Synthetic persons of 保和镇 (533423101001); well-formed, made-up ID numbers.
      row({
        kind: zh ? '死亡' : 'death',
        idNumber: id('53342319900512002'),
        eventDate: '2026-03-01',
        deathPlace: zh ? '医疗卫生机构' : 'Health facility',
        causeCategory: zh ? '妊娠、分娩和产褥期并发症' : 'Pregnancy, childbirth and the puerperium',
        maternal: zh ? '是' : 'yes',
        reference: 'SW-2026-0001',
      }),
      row({
        kind: zh ? '迁出' : 'moveOut',
        idNumber: id('53342319850301003'),
        eventDate: '2026-03-02',
        otherRegionCode: '530102',
        otherRegionName: zh ? '昆明市五华区' : 'Wuhua, Kunming',
        reference: 'QC-2026-0001',
      }),
    ];
  }
  return xlsxStream({ name: zh ? '生命事件' : 'Life events', widths: EVENT_FIELDS.map(() => 18) }, pages());
}
