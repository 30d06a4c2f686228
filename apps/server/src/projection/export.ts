import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import type { ProjectionView, ProjectionYear, ScenarioKind } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { auditedXlsxExport, column, wordColumn, type ExportActor, type ExportColumn } from '../exports/index.js';

export const SCENARIO_WORDS: Record<ScenarioKind, { zh: string; en: string }> = {
  low: { zh: '低方案', en: 'Low' },
  medium: { zh: '中方案', en: 'Medium' },
  high: { zh: '高方案', en: 'High' },
  tfrPath: { zh: '自定义生育率', en: 'Typed TFR' },
};

type Row = ProjectionYear & { scenario: ScenarioKind };
// Persons as whole numbers, half up, as the console shows them; a TFR to two decimals.
const persons = (v: number | null) => (v === null ? '' : String(Math.floor(v + 0.5)));

const COLUMNS: ExportColumn<Row>[] = [
  wordColumn('方案', 'Scenario', 14, (r) => SCENARIO_WORDS[r.scenario]),
  column('年份', 'Year', 8, (r) => String(r.year)),
  column('总人口', 'Population', 12, (r) => persons(r.total)),
  column('出生人口', 'Births', 10, (r) => persons(r.births)),
  column('3岁以下', 'Under 3', 10, (r) => persons(r.under3)),
  column('3-5岁', 'Aged 3–5', 10, (r) => persons(r.preschool)),
  column('6-11岁', 'Aged 6–11', 10, (r) => persons(r.primary)),
  column('12-14岁', 'Aged 12–14', 10, (r) => persons(r.juniorSecondary)),
  column('60岁及以上', 'Aged 60+', 12, (r) => persons(r.aged60Plus)),
  column('80岁及以上', 'Aged 80+', 12, (r) => persons(r.aged80Plus)),
  column('总和生育率', 'TFR', 10, (r) => (r.tfr === null ? '' : r.tfr.toFixed(2))),
];

/** Every scenario's table by year (figures, no person), audited with the region and row count. */
export function exportProjectionTable(
  database: Database,
  actor: ExportActor,
  view: ProjectionView,
  lang: Lang,
): Readable {
  async function* pages() {
    yield view.scenarios.flatMap((s) => s.years.map((y) => ({ ...y, scenario: s.scenario })));
  }
  return auditedXlsxExport(database, actor, lang, {
    action: 'projection.export',
    filter: { region: view.region.code, scenarios: view.scenarios.map((s) => s.scenario) },
    sheetName: lang === 'en' ? 'Projection' : '人口预测',
    columns: COLUMNS,
    pages: pages(),
  });
}
