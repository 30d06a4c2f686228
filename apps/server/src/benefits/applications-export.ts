import type { Readable } from 'node:stream';
import { findBuiltInScheme, type Lang } from '@cradle/domain';
import type { ApplicationListQuery, ApplicationSummary } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { auditedXlsxExport, chinaDateTime, column, wordColumn, type ExportColumn } from '../exports/index.js';
import type { createApplicationService } from './applications-service.js';
import type { Actor } from './versions-service.js';

const STATUS = {
  inReview: { zh: '审核中', en: 'In review' },
  publicNotice: { zh: '公示中', en: 'Public notice' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
} as const;
const LEVEL = {
  village: { zh: '村(居)委会初审', en: 'Village check' },
  township: { zh: '乡(镇)、街道审核', en: 'Township review' },
  county: { zh: '县(区)审批', en: 'County approval' },
} as const;

/** The review queue as its table shows it; the beneficiary's ID number masked. */
const COLUMNS: ExportColumn<ApplicationSummary>[] = [
  column('申请号', 'Application', 8, (r) => String(r.id)),
  wordColumn(
    '补贴项目',
    'Scheme',
    28,
    (r) => findBuiltInScheme(r.schemeCode)?.name ?? { zh: r.schemeCode, en: r.schemeCode },
  ),
  column('受益人', 'Beneficiary', 12, (r) => r.beneficiaryName),
  column('公民身份号码', 'ID number', 22, (r) => r.beneficiaryIdMasked),
  column('申请人', 'Applicant', 12, (r) => r.applicantName ?? ''),
  wordColumn('状态', 'Status', 10, (r) => STATUS[r.status]),
  wordColumn('审核环节', 'Review step', 16, (r) => LEVEL[r.level]),
  column('公示截止', 'Notice until', 12, (r) => r.noticeUntil ?? ''),
  column('驳回理由', 'Reason for rejection', 24, (r) => r.rejectionReason ?? ''),
  column('申请时间', 'Submitted', 17, (r) => chinaDateTime(r.createdAt)),
];

type Applications = ReturnType<typeof createApplicationService>;

/** The review queue (or one person's applications) as XLSX: the list's own query, audited (exports/). */
export function exportApplications(
  database: Database,
  applications: Applications,
  a: Actor,
  q: ApplicationListQuery,
  lang: Lang,
): Readable {
  async function* pages() {
    // The queue is one bounded list (what waits for one review level), read as the list reads it.
    yield await applications.queue(a, q);
  }
  return auditedXlsxExport(database, a, lang, {
    action: 'benefits.exportApplications',
    filter: { beneficiaryId: q.beneficiaryId ?? null },
    sheetName: lang === 'en' ? 'Applications' : '申请审核',
    columns: COLUMNS,
    pages: pages(),
  });
}
