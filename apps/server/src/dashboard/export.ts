import type { Readable } from 'node:stream';
import { regionLevelLabel, type Lang } from '@cradle/domain';
import type { ChildRegionStats } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { auditedXlsxExport, column, wordColumn, type ExportActor, type ExportColumn } from '../exports/index.js';

// A ratio as the dashboard shows it: a percentage with one decimal; blank where there is no data.
const percent = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

/** The dashboard's table of subordinate regions (figures, no person). */
const COLUMNS: ExportColumn<ChildRegionStats>[] = [
  column('区划', 'Region', 24, (r) => r.name),
  column('区划代码', 'Region code', 14, (r) => r.code),
  wordColumn('层级', 'Level', 10, (r) => regionLevelLabel(r.level)),
  column('人口', 'Population', 10, (r) => String(r.population)),
  column('近五年出生', 'Births, last 5 years', 12, (r) => String(r.births)),
  column('覆盖率', 'Coverage', 10, (r) => percent(r.coverage)),
  column('准确率', 'Accuracy', 10, (r) => percent(r.accuracy)),
  column('实时上报率', 'Timeliness', 10, (r) => percent(r.timeliness)),
];

/** The table as XLSX, audited with the region and row count (exports/). */
export function exportRegionTable(
  database: Database,
  actor: ExportActor,
  region: { code: string; children: ChildRegionStats[] },
  lang: Lang,
): Readable {
  async function* pages() {
    yield region.children;
  }
  return auditedXlsxExport(database, actor, lang, {
    action: 'dashboard.exportRegions',
    filter: { region: region.code },
    sheetName: lang === 'en' ? 'Regions' : '下级区划',
    columns: COLUMNS,
    pages: pages(),
  });
}
