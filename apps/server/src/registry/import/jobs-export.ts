import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import {
  auditedXlsxExport,
  chinaDateTime,
  column,
  wordColumn,
  type ExportActor,
  type ExportColumn,
} from '../../exports/index.js';
import type { ImportJob } from './types.js';

const STATUS = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '处理中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
} as const;
const count = (n: number | null) => (n === null ? '' : String(n));

/** The import page's list of recent jobs, with each failure's reason (figures and file names, no person). */
const COLUMNS: ExportColumn<ImportJob>[] = [
  column('文件名', 'File', 30, (j) => j.fileName),
  column('格式', 'Format', 8, (j) => j.format.toUpperCase()),
  wordColumn('状态', 'Status', 10, (j) => STATUS[j.status]),
  column('总行数', 'Rows', 10, (j) => count(j.totalRows)),
  column('有效行', 'Valid', 10, (j) => count(j.validRows)),
  column('无效行', 'Invalid', 10, (j) => count(j.invalidRows)),
  column('新增', 'Inserted', 10, (j) => count(j.inserted)),
  column('更新', 'Updated', 10, (j) => count(j.updated)),
  column('未变化', 'Unchanged', 10, (j) => count(j.unchanged)),
  wordColumn('失败原因', 'Failure', 40, (j) => j.failure?.message ?? { zh: '', en: '' }),
  column('提交时间', 'Submitted', 17, (j) => chinaDateTime(j.createdAt)),
  column('完成时间', 'Finished', 17, (j) => chinaDateTime(j.finishedAt)),
];

/** The recent jobs as XLSX, as the list reads them, audited (exports/). */
export function exportImportJobs(database: Database, actor: ExportActor, jobs: ImportJob[], lang: Lang): Readable {
  async function* pages() {
    yield jobs;
  }
  return auditedXlsxExport(database, actor, lang, {
    action: 'registry.exportImportJobs',
    filter: {},
    sheetName: lang === 'en' ? 'Imports' : '导入任务',
    columns: COLUMNS,
    pages: pages(),
  });
}
