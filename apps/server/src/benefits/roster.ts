import { randomBytes } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { maskPersonName } from '@cradle/domain';
import type {
  BeneficiaryKind,
  NoticeRoster,
  PaymentStatus,
  RosterFilter,
  RosterQuery,
  RosterRow,
} from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { commonError } from '../errors.js';
import { findBatch, type PaymentBatch } from './batches-repo.js';
import { writeXlsxFile } from '../spreadsheet/index.js';
import { fenToYuan as yuan } from './payment-file-format.js';
import { listRoster, rosterChunks } from './roster-repo.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

const STATUS_ZH: Record<PaymentStatus, string> = {
  pending: '待导出',
  exported: '已导出待回盘',
  paid: '已支付',
  failed: '支付失败',
  returned: '已退回',
  removed: '异议成立移出',
  cancelled: '已作废',
};
const KIND_ZH: Record<BeneficiaryKind, string> = { person: '个人', institution: '托育机构' };
// A person is listed by name and masked ID number; an institution (issue 14) by its name and
// 统一社会信用代码, each in its own column, the row saying which it is.
const ROSTER_HEADERS = [
  '序号',
  '支付参考号',
  '收款对象',
  '姓名（机构名称）',
  '公民身份号码（脱敏）',
  '统一社会信用代码',
  '户籍地（机构所在地）',
  '区划代码',
  '金额（元）',
  '状态',
  '异议',
];
const NOTICE_HEADERS = ['序号', '姓名', '村（社区）', '金额（元）'];
/** Rows the printable notice shows at most; the XLSX has them all. */
const NOTICE_PAGE_ROWS = 20_000;

export interface RosterFile {
  filePath: string;
  fileName: string;
}

/**
 * A batch's roster (issue 12): every payee, searchable, with masked ID numbers, for the people
 * who check the batch before it is approved; and the public notice's roster, names masked as
 * families expect (张*华), amount and village, to print and post. Exports are audited.
 */
export function createRosterService(database: Database, workDir: string) {
  const scoped = <T>(a: Actor, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const batchOf = async (tx: Conn, id: number): Promise<PaymentBatch> => {
    const b = await findBatch(tx, id);
    if (!b) throw commonError('notFound');
    return b;
  };

  /** Writes an XLSX in the scope's transaction, then hands over its path (read once, deleted). */
  async function xlsx(
    a: Actor,
    fileName: (b: PaymentBatch) => string,
    sheet: { name: string; widths: readonly number[] },
    rows: (tx: Conn, b: PaymentBatch, count: { n: number }) => AsyncIterable<readonly string[]>,
    audit: (b: PaymentBatch, n: number) => { action: string; details: Record<string, unknown> },
    id: number,
  ): Promise<RosterFile> {
    await mkdir(workDir, { recursive: true, mode: 0o700 });
    const filePath = path.join(workDir, `roster-${randomBytes(12).toString('hex')}.xlsx`);
    try {
      return await scoped(a, async (tx) => {
        const b = await batchOf(tx, id);
        const count = { n: 0 };
        await writeXlsxFile(filePath, sheet, rows(tx, b, count));
        const e = audit(b, count.n);
        await appendAudit(tx, auditOf(a, e.action, 'paymentBatch', String(b.id), e.details));
        return { filePath, fileName: fileName(b) };
      });
    } catch (e) {
      await unlink(filePath).catch(() => undefined);
      throw e;
    }
  }

  return {
    roster: (a: Actor, id: number, q: RosterQuery) =>
      scoped(a, async (tx) => {
        await batchOf(tx, id);
        const { page, pageSize, ...filter } = q;
        return { ...(await listRoster(tx, id, filter, page, pageSize)), page, pageSize };
      }),

    /** The roster under the current filters as XLSX, ID numbers masked; audited with the filters. */
    rosterXlsx: (a: Actor, id: number, filter: RosterFilter) =>
      xlsx(
        a,
        (b) => `cradle-roster-batch${b.id}.xlsx`,
        { name: '发放名单', widths: [8, 12, 10, 24, 22, 22, 24, 16, 14, 14, 30] },
        async function* (tx, b, count) {
          yield ROSTER_HEADERS;
          for await (const rows of rosterChunks(tx, b.id, filter))
            for (const r of rows) yield rosterCells(++count.n, r);
        },
        (_, n) => ({ action: 'benefits.rosterExport', details: { filter, rows: n } }),
        id,
      ),

    /** The notice's roster for the printable page: rows still in the batch, by village. */
    noticeRoster: (a: Actor, id: number, region?: string): Promise<NoticeRoster> =>
      scoped(a, async (tx) => {
        await batchOf(tx, id);
        const items: NoticeRoster['items'] = [];
        let total = 0;
        for await (const rows of rosterChunks(tx, id, { region }, { onNotice: true }))
          for (const r of rows) {
            total++;
            if (items.length < NOTICE_PAGE_ROWS) items.push(noticeRow(r));
          }
        return { items, total, truncated: total > items.length };
      }),

    noticeRosterXlsx: (a: Actor, id: number, region?: string) =>
      xlsx(
        a,
        (b) => `cradle-notice-batch${b.id}.xlsx`,
        { name: '公示名单', widths: [8, 12, 28, 14] },
        async function* (tx, b, count) {
          yield [`${getScheme(b.schemeCode).name.zh}发放名单公示`];
          yield NOTICE_HEADERS;
          for await (const rows of rosterChunks(tx, b.id, { region }, { onNotice: true }))
            for (const r of rows) {
              const n = noticeRow(r);
              yield [String(++count.n), n.name, n.regionName, yuan(n.amountFen)];
            }
        },
        (b, n) => ({
          action: 'benefits.noticeRosterExport',
          details: { region: region ?? null, rows: n, noticeFrom: b.noticeFrom, noticeUntil: b.noticeUntil },
        }),
        id,
      ),
  };
}

function rosterCells(n: number, r: RosterRow): string[] {
  return [
    String(n),
    String(r.paymentId),
    KIND_ZH[r.beneficiaryKind],
    r.name ?? '',
    r.idMasked ?? '',
    r.uscc ?? '',
    r.regionName ?? '',
    r.regionCode,
    yuan(r.amountFen),
    STATUS_ZH[r.status],
    r.objection ? `${r.objection.upheld ? '成立' : '不成立'}：${r.objection.reason}` : '',
  ];
}

// A person's name is masked as families expect; an institution's name is public and shown whole.
const noticeRow = (r: RosterRow) => ({
  name: r.beneficiaryKind === 'institution' ? (r.name ?? '') : maskPersonName(r.name ?? ''),
  regionName: r.regionName ?? r.regionCode,
  amountFen: r.amountFen,
});

export type RosterService = ReturnType<typeof createRosterService>;
