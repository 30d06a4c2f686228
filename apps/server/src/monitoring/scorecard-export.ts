import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import type { League, Scorecard, TargetValue } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { auditedXlsxExport, column, type ExportActor, type ExportColumn } from '../exports/index.js';
import { COMPARISON_WORDS, figure, intervalText, statusWord } from './scorecard-words.js';

// The scorecard and the league table as XLSX through the one export mechanism (exports/): figures,
// no person; audited with the plan, region and year.

type Row = Scorecard['rows'][number];
const text = (m: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? m.en : m.zh);
const few = (v: TargetValue, lang: Lang) =>
  v.tooFewToJudge ? (lang === 'en' ? 'too few to judge' : '事件数过少，难以判断') : '';

const SCORECARD_COLUMNS: ExportColumn<Row>[] = [
  { header: { zh: '指标', en: 'Indicator' }, width: 24, cell: (r, l) => text(r.indicator.name, l) },
  column('目标年份', 'Target year', 10, (r) => (r.target.year === null ? '' : String(r.target.year))),
  {
    header: { zh: '目标值', en: 'Target' },
    width: 14,
    cell: (r, l) => `${text(COMPARISON_WORDS[r.target.comparison], l)} ${r.target.value} ${text(r.indicator.unit, l)}`,
  },
  column('当前值', 'Value', 12, (r) => figure(r.current.value)),
  { header: { zh: '单位', en: 'Unit' }, width: 14, cell: (r, l) => text(r.indicator.unit, l) },
  { header: { zh: '状态', en: 'Status' }, width: 10, cell: (r, l) => text(statusWord(r.current), l) },
  { header: { zh: '说明', en: 'Why' }, width: 40, cell: (r, l) => text(r.current.reasonText, l) },
  column('分子', 'Numerator', 10, (r) => figure(r.current.numerator)),
  column('分母', 'Denominator', 10, (r) => figure(r.current.denominator)),
  column('95%置信区间', '95% interval', 16, (r) => intervalText(r.current)),
  { header: { zh: '小数提示', en: 'Small numbers' }, width: 18, cell: (r, l) => few(r.current, l) },
  column('依据', 'Clause', 30, (r) => `${r.target.basis.document} ${r.target.basis.clause}`),
  column('原文', 'Quote', 30, (r) => r.target.quote),
  {
    header: { zh: '解读', en: 'Readings' },
    width: 40,
    cell: (r, l) => [...r.target.readings, ...r.indicator.readings].map((x) => text(x.note, l)).join(' / '),
  },
];

export function exportScorecard(database: Database, actor: ExportActor, card: Scorecard, lang: Lang): Readable {
  async function* pages() {
    yield card.rows;
  }
  return auditedXlsxExport(database, actor, lang, {
    action: 'monitoring.exportScorecard',
    filter: { plan: card.plan.code, region: card.region.code, year: card.year },
    sheetName: lang === 'en' ? 'Scorecard' : '指标看板',
    columns: SCORECARD_COLUMNS,
    pages: pages(),
  });
}

type LeagueRow = League['rows'][number];

export function exportLeague(database: Database, actor: ExportActor, league: League, lang: Lang): Readable {
  const columns: ExportColumn<LeagueRow>[] = [
    column('区划', 'Region', 24, (r) => r.region.name),
    column('区划代码', 'Region code', 14, (r) => r.region.code),
    ...league.targets.flatMap((t, i): ExportColumn<LeagueRow>[] => {
      const name = `${t.indicator.name.zh}（${t.target.year ?? ''}）`;
      const en = `${t.indicator.name.en} (${t.target.year ?? ''})`;
      return [
        column(name, en, 14, (r) => figure(r.cells[i]!.value)),
        {
          header: { zh: `${name}状态`, en: `${en} status` },
          width: 10,
          cell: (r, l) => text(statusWord(r.cells[i]!), l),
        },
        column(`${name}分子/分母`, `${en} counts`, 14, (r) =>
          r.cells[i]!.denominator === null
            ? figure(r.cells[i]!.numerator)
            : `${figure(r.cells[i]!.numerator)}/${figure(r.cells[i]!.denominator)}`,
        ),
      ];
    }),
  ];
  async function* pages() {
    yield league.rows;
  }
  return auditedXlsxExport(database, actor, lang, {
    action: 'monitoring.exportLeague',
    filter: { plan: league.plan.code, region: league.region.code, year: league.year },
    sheetName: lang === 'en' ? 'League' : '排名表',
    columns,
    pages: pages(),
  });
}
