import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { maskPersonName } from '@cradle/domain';
import type { AuditEntry as AuditEntryView, AuditPage } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import {
  auditChunks,
  findDisplayNames,
  findPersonNames,
  listAuditEntries,
  type AuditFilter,
  type AuditRow,
} from './repo.js';
import { appendAudit, type AuditEntry, type AuditOutcome } from './service.js';

/** The streaming XLSX writer (spreadsheet/xlsx-writer.ts), handed in by the app. */
export type XlsxWriter = (
  filePath: string,
  sheet: { name: string; widths: readonly number[] },
  rows: AsyncIterable<readonly string[]>,
) => Promise<void>;

/** Entries concerning a person name them, masked (张*华): who was looked at, not their full name. */
const personIds = (rows: AuditRow[]) =>
  rows.flatMap((r) =>
    r.targetType === 'person' && r.targetId && /^\d+$/.test(r.targetId) ? [Number(r.targetId)] : [],
  );

function viewOf(r: AuditRow, users: Map<number, string>, persons: Map<number, string>): AuditEntryView {
  const userId = r.userId === null ? null : Number(r.userId);
  const person = r.targetType === 'person' && r.targetId ? persons.get(Number(r.targetId)) : undefined;
  return {
    ...r,
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    userId,
    userDisplayName: userId === null ? null : (users.get(userId) ?? null),
    personName: person === undefined ? null : maskPersonName(person),
    // Written only by appendAudit, whose type allows these three.
    outcome: r.outcome as AuditOutcome,
  };
}

/** A page of the entries in the user's jurisdiction, as the console lists them: who and what by name. */
export async function listAudit(
  database: Database,
  jurisdictionCode: string,
  q: AuditFilter & { page: number; pageSize: number },
): Promise<AuditPage> {
  const { total, rows, persons } = await withScope(database, { jurisdictionCode }, async (tx) => {
    const page = await listAuditEntries(tx, q, q.page, q.pageSize);
    return { ...page, persons: await findPersonNames(tx, personIds(page.rows)) };
  });
  const users = await findDisplayNames(
    database,
    rows.map((r) => (r.userId === null ? null : Number(r.userId))),
  );
  return { total, items: rows.map((r) => viewOf(r, users, persons)) };
}

const HEADERS = [
  '序号',
  '时间（北京时间）',
  '用户名',
  '姓名',
  '操作',
  '对象类型',
  '对象编号',
  '涉及人员',
  '结果',
  '客户端 IP',
  '详情',
];
const WIDTHS = [10, 20, 14, 18, 28, 16, 12, 12, 8, 16, 60];
const OUTCOME_ZH: Record<AuditOutcome, string> = { success: '成功', failure: '失败', denied: '拒绝' };
const chinaTime = (at: Date | string) =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The entries under the filter as XLSX, newest first, streamed chunk by chunk; the export is
 * itself audited with its filter and row count. Returns the file's path (read once, deleted).
 */
export async function exportAudit(
  database: Database,
  write: XlsxWriter,
  workDir: string,
  actor: Pick<AuditEntry, 'userId' | 'username' | 'jurisdictionCode' | 'clientIp'> & { jurisdictionCode: string },
  filter: AuditFilter,
): Promise<{ filePath: string; fileName: string }> {
  // Every staff name first: on the embedded engine the scoped transaction holds the one connection.
  const users = await findDisplayNames(database, null);
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const filePath = path.join(workDir, `audit-${randomBytes(12).toString('hex')}.xlsx`);
  try {
    await withScope(database, { jurisdictionCode: actor.jurisdictionCode }, async (tx) => {
      const count = { n: 0 };
      await write(filePath, { name: '审计日志', widths: WIDTHS }, cells(tx, filter, users, count));
      await appendAudit(tx, {
        ...actor,
        action: 'audit.export',
        outcome: 'success',
        details: { filter, rows: count.n },
      });
    });
  } catch (e) {
    await unlink(filePath).catch(() => undefined);
    throw e;
  }
  return { filePath, fileName: `cradle-audit-${chinaTime(new Date()).slice(0, 10)}.xlsx` };
}

async function* cells(
  tx: Conn,
  filter: AuditFilter,
  users: Map<number, string>,
  count: { n: number },
): AsyncGenerator<readonly string[]> {
  yield HEADERS;
  for await (const rows of auditChunks(tx, filter)) {
    const persons = await findPersonNames(tx, personIds(rows));
    for (const r of rows) {
      const e = viewOf(r, users, persons);
      count.n++;
      yield [
        String(e.seq),
        chinaTime(e.at),
        e.username ?? '',
        e.userDisplayName ?? '',
        e.action,
        e.targetType ?? '',
        e.targetId ?? '',
        e.personName ?? '',
        OUTCOME_ZH[e.outcome],
        e.clientIp ?? '',
        e.details === null || e.details === undefined ? '' : JSON.stringify(e.details),
      ];
    }
  }
}

/** The export's file as a stream that deletes the file when it closes (sent, failed or aborted). */
export function readOnce(filePath: string) {
  const stream = createReadStream(filePath);
  stream.on('close', () => void unlink(filePath).catch(() => undefined));
  return stream;
}
