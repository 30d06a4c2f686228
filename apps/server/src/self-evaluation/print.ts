import type { Lang, Message } from '@cradle/domain';
import type { EvaluationItemView, LiveValueView, SelfEvaluationView } from '@cradle/contract';
import type { PrintDocument } from '../annual-reports/index.js';

// The assessment as a printable document: per dimension, each item with its live figure, unit,
// evidence count and entries; then the items without evidence; no score unless rules are loaded.

const CHECK: Record<EvaluationItemView['check'], Message> = {
  met: { zh: '达到', en: 'Met' },
  notMet: { zh: '未达到', en: 'Not met' },
  unjudged: { zh: '', en: '' },
};

export function liveText(item: EvaluationItemView, lang: Lang): string {
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const v: LiveValueView | null = item.live;
  if (!v) return '';
  if (v.kind === 'noSource') return L('暂无数据来源', 'No data source yet');
  if (v.kind === 'noData') return L('暂无数据', 'No data');
  const fraction =
    ['registryCoverage', 'registryAccuracy', 'registryTimeliness', 'enrolmentRate'].includes(item.metric ?? '') ||
    (item.metric?.startsWith('specialFamily') && item.metric !== 'specialFamilyFiles');
  if (fraction) return `${(v.value * 100).toFixed(1)}%`;
  if (item.metric === 'slotsPer1000') return L(`${v.value.toFixed(2)} 个/千人`, `${v.value.toFixed(2)} per 1,000`);
  return String(v.value);
}

export function buildEvaluationDocument(v: SelfEvaluationView, lang: Lang, generatedOn: string): PrintDocument {
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const w = (m: Message) => (lang === 'en' ? m.en : m.zh);
  const entry = (i: EvaluationItemView) =>
    [
      i.ranking ? L(`全区排名：${i.ranking}`, `Regional ranking: ${i.ranking}`) : '',
      i.surveyRate !== null
        ? L(`调查：${(i.surveyRate * 100).toFixed(1)}%`, `Survey: ${(i.surveyRate * 100).toFixed(1)}%`)
        : '',
      i.note ?? '',
    ]
      .filter(Boolean)
      .join('；');
  const gaps = v.dimensions.flatMap((d) => d.items).filter((i) => v.withoutEvidence.includes(i.code));
  return {
    title: L(
      `${v.regionName}${v.year}年度生育友好工作自评`,
      `${v.regionName}: fertility-friendly self-evaluation ${v.year}`,
    ),
    subtitle: L('对照全国生育友好工作先进单位创建要求（七个方面）', 'Against the seven dimensions of 003 三'),
    meta: [
      { label: L('生成日期', 'Generated on'), value: generatedOn },
      {
        label: L('得分', 'Score'),
        value: v.score
          ? `${v.score.awarded} / ${v.score.available}`
          : L('未载入评分细则，不计分', 'No scoring rules loaded: not scored'),
      },
    ],
    sections: [
      ...v.dimensions.map((d) => ({
        heading: `${d.clause} ${w(d.title)}`,
        table: {
          columns: [
            L('项', 'Item'),
            L('要求', 'Requirement'),
            L('实时数值', 'Live value'),
            L('判定', 'Check'),
            L('责任单位', 'Unit'),
            L('佐证', 'Evidence'),
            L('填报', 'Entries'),
          ],
          widths: [1, 6, 2, 1.2, 2, 1, 3],
          rows: d.items.map((i) => [
            i.code,
            i.text,
            liveText(i, lang),
            w(CHECK[i.check]),
            i.unitName ?? '',
            String(i.evidence.length),
            entry(i),
          ]),
        },
      })),
      {
        heading: L('缺少佐证材料的评估项', 'Items without evidence'),
        paragraphs: [
          v.id === null
            ? L('本年度自评尚未开启。', 'The year’s assessment is not open.')
            : L(`共 ${gaps.length} 项。`, `${gaps.length} items.`),
        ],
        table: gaps.length
          ? {
              columns: [L('项', 'Item'), L('要求', 'Requirement'), L('责任单位', 'Unit')],
              widths: [1, 8, 3],
              rows: gaps.map((i) => [i.code, i.text, i.unitName ?? '']),
            }
          : undefined,
      },
    ],
    notes: [w(v.scoringReading), w(v.relativeReading)],
  };
}
