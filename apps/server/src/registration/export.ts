import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import type { RegistrationExportQuery, RegistrationQueueItem } from '@cradle/contract';
import type { Database } from '../db/client.js';
import type { SessionUser } from '../auth/index.js';
import {
  auditedSearchText,
  auditedXlsxExport,
  chinaDateTime,
  column,
  listPages,
  wordColumn,
  type ExportColumn,
} from '../exports/index.js';
import type { createStaffRegistrationService } from './staff-service.js';

const STATUS = {
  submitted: { zh: '待办理', en: 'To complete' },
  infoRequested: { zh: '待补充', en: 'Waiting for family' },
  completed: { zh: '已办结', en: 'Completed' },
} as const;
const CHILD = { pregnant: { zh: '怀孕', en: 'Expected' }, born: { zh: '已出生', en: 'Born' } } as const;
const DEADLINE = {
  onTime: { zh: '未到期', en: 'On time' },
  dueToday: { zh: '今日到期', en: 'Due today' },
  overdue: { zh: '已超期', en: 'Overdue' },
} as const;
const NONE = { zh: '', en: '' };

/** The township's queue as its table shows it; the mother's ID number masked. */
const COLUMNS: ExportColumn<RegistrationQueueItem>[] = [
  column('登记编号', 'Registration number', 20, (r) => r.registrationNo),
  wordColumn('状态', 'Status', 10, (r) => STATUS[r.status]),
  wordColumn('孩子状况', 'Child', 8, (r) => CHILD[r.childStatus]),
  column('母亲姓名', "Mother's name", 12, (r) => r.motherName),
  column('母亲公民身份号码', "Mother's ID number", 22, (r) => r.motherIdMasked),
  column('区划', 'Region', 22, (r) => r.region),
  column('提交时间', 'Submitted', 17, (r) => chinaDateTime(r.submittedAt)),
  column('办理时限', 'Deadline', 12, (r) => r.deadline),
  wordColumn('时限状态', 'Deadline state', 10, (r) => (r.deadlineState ? DEADLINE[r.deadlineState] : NONE)),
  column('人口库不一致', 'Registry conflicts', 12, (r) => String(r.conflictCount)),
  column('办结时间', 'Completed', 17, (r) => chinaDateTime(r.completedAt)),
];

type Staff = ReturnType<typeof createStaffRegistrationService>;

/** The queue with its filters as XLSX: the queue's own query page by page, audited (exports/). */
export function exportRegistrations(
  database: Database,
  staff: Staff,
  user: SessionUser,
  clientIp: string,
  q: RegistrationExportQuery,
  lang: Lang,
): Readable {
  return auditedXlsxExport(database, { user, clientIp }, lang, {
    action: 'registration.export',
    filter: { ...q, q: auditedSearchText(q.q) },
    sheetName: lang === 'en' ? 'Registrations' : '生育登记',
    columns: COLUMNS,
    pages: listPages((page, pageSize) => staff.queue(user, { ...q, page, pageSize })),
  });
}
