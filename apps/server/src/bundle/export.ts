import type { Readable } from 'node:stream';
import { departmentLabel, type Department, type Lang } from '@cradle/domain';
import type { TaskExportQuery, TaskQueueRow } from '@cradle/contract';
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
import type { createBundleTaskService } from './tasks-service.js';

const STATUS = {
  waiting: { zh: '等待前序事项', en: 'Waiting for another service' },
  pending: { zh: '办理中', en: 'In progress' },
  returned: { zh: '已退回补正', en: 'Returned for correction' },
  done: { zh: '已办结', en: 'Completed' },
} as const;
const DEADLINE = {
  onTime: { zh: '未到期', en: 'On time' },
  dueToday: { zh: '今日到期', en: 'Due today' },
  overdue: { zh: '已超期', en: 'Overdue' },
} as const;
const NONE = { zh: '', en: '' };

/** A department's queue as its table shows it (no ID number is in it). */
const COLUMNS: ExportColumn<TaskQueueRow>[] = [
  column('申请编号', 'Bundle number', 20, (r) => r.bundleNo),
  wordColumn('事项', 'Service', 22, (r) => r.label),
  wordColumn('部门', 'Department', 14, (r) => departmentLabel(r.department as Department)),
  wordColumn('状态', 'Status', 14, (r) => STATUS[r.status]),
  column('新生儿姓名', "Newborn's name", 12, (r) => r.newbornName),
  column('出生日期', 'Date of birth', 12, (r) => r.birthDate),
  column('母亲', 'Mother', 12, (r) => r.motherName),
  column('落户地', 'Hukou region', 22, (r) => r.hukouRegion.name),
  column('办理时限', 'Deadline', 12, (r) => r.deadline ?? ''),
  wordColumn('时限状态', 'Deadline state', 10, (r) => (r.deadlineState ? DEADLINE[r.deadlineState] : NONE)),
  column('申请时间', 'Submitted', 17, (r) => chinaDateTime(r.submittedAt)),
];

type Tasks = ReturnType<typeof createBundleTaskService>;

/** The department's queue with its filters as XLSX: the queue's own query page by page, audited (exports/). */
export function exportTasks(
  database: Database,
  tasks: Tasks,
  user: SessionUser,
  clientIp: string,
  q: TaskExportQuery,
  lang: Lang,
): Readable {
  return auditedXlsxExport(database, { user, clientIp }, lang, {
    action: 'bundle.exportTasks',
    filter: { ...q, q: auditedSearchText(q.q) },
    sheetName: lang === 'en' ? 'Tasks' : '出生一件事',
    columns: COLUMNS,
    pages: listPages((page, pageSize) => tasks.queue(user, { ...q, page, pageSize })),
  });
}
