import { annualReportStatusLabel, type Lang, type Message } from '@cradle/domain';
import type { AnnualReportList } from '@cradle/contract';
import type { SessionUser } from '../auth/index.js';
import type { FigureSources } from './figures.js';
import type { PrintDocument } from './print-document.js';

// The county's yearly 专题报告 to 县委、县政府 (002 三(四): "县卫生健康委汇总后每年要向县委、县政府专题
// 报告"): the year's indicators against the plan's targets, the townships' reports, and the key
// tasks' status, from the same data the console shows. A document, generated when asked.

/** A key task's line in the summary (from the supervision module once it is linked). */
export interface SummaryTask {
  number: string;
  text: string;
  leadUnits: string;
  status: string;
}

export interface SummaryInput {
  user: SessionUser;
  countyName: string;
  year: number;
  reports: AnnualReportList;
  /** The key tasks, or null while no task list is loaded for the county. */
  tasks: SummaryTask[] | null;
  generatedAt: string;
}

const STATUS: Record<string, Message> = {
  met: { zh: '达标', en: 'Met' },
  atRisk: { zh: '有风险', en: 'At risk' },
  notMet: { zh: '未达标', en: 'Not met' },
};
const COMPARISON: Record<string, string> = { atMost: '≤', atLeast: '≥', equal: '=' };
const figure = (v: number | null) =>
  v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');

export async function buildSummary(sources: FigureSources, input: SummaryInput, lang: Lang): Promise<PrintDocument> {
  const w = (m: Message) => (lang === 'en' ? m.en : m.zh);
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const { user, year, reports } = input;
  const region = user.jurisdictionCode;
  const plan = await sources.planCode(region);
  const card = plan ? await sources.scorecard(user, { plan, region, year }) : null;
  const counts = { accepted: 0, submitted: 0, late: 0, overdue: 0 };
  for (const r of reports.rows) {
    if (r.status === 'accepted') counts.accepted++;
    if (r.status === 'submitted') counts.submitted++;
    if (r.overdue) counts.overdue++;
    if (r.submittedLate) counts.late++;
  }
  return {
    title: L(`${input.countyName}${year}年度人口工作专题报告`, `${input.countyName}: population work in ${year}`),
    subtitle: L('报县委、县政府（依据云阳方案 三(四)）', 'To the county Party committee and government (002 三(四))'),
    meta: [
      { label: L('汇总单位', 'Compiled by'), value: `${input.countyName} ${user.displayName}` },
      { label: L('生成日期', 'Generated on'), value: input.generatedAt },
      { label: L('乡镇报告截止日期', 'Township reports due'), value: reports.dueDate },
    ],
    sections: [
      {
        heading: L('一、年度指标与目标', '1. Indicators against targets'),
        paragraphs: card
          ? []
          : [L('本县尚未发布监测方案，无指标可列。', 'No monitoring plan is published for the county.')],
        table: card
          ? {
              columns: [L('指标', 'Indicator'), L('目标', 'Target'), L('本年值', 'Value'), L('状态', 'Status')],
              widths: [5, 2, 2, 2],
              rows: card.rows.map((r) => [
                `${w(r.target.name)}（${w(r.target.unit)}）`,
                `${COMPARISON[r.target.comparison] ?? ''}${r.target.value}`,
                figure(r.current.value),
                r.current.status ? w(STATUS[r.current.status] ?? { zh: r.current.status, en: r.current.status }) : '—',
              ]),
            }
          : undefined,
      },
      {
        heading: L('二、乡镇年度报告报送情况', '2. Townships’ annual reports'),
        paragraphs: [
          L(
            `共 ${reports.rows.length} 个乡镇报告，已通过 ${counts.accepted} 个，待审核 ${counts.submitted} 个，逾期未报 ${counts.overdue} 个，逾期报送 ${counts.late} 个；未开启 ${reports.notOpened} 个。`,
            `${reports.rows.length} township reports: ${counts.accepted} accepted, ${counts.submitted} awaiting review, ${counts.overdue} overdue, ${counts.late} submitted late; ${reports.notOpened} not opened.`,
          ),
        ],
        table: {
          columns: [L('乡镇', 'Township'), L('状态', 'Status'), L('逾期', 'Overdue'), L('报送时间', 'Submitted')],
          widths: [3, 2, 1, 3],
          rows: reports.rows.map((r) => [
            r.regionName,
            w(annualReportStatusLabel(r.status)),
            r.overdue || r.submittedLate ? L('是', 'Yes') : L('否', 'No'),
            r.submittedAt ? r.submittedAt.slice(0, 10) : '—',
          ]),
        },
      },
      {
        heading: L('三、重点任务落实情况', '3. Key tasks'),
        paragraphs: input.tasks
          ? [L(`共 ${input.tasks.length} 项重点任务。`, `${input.tasks.length} key tasks.`)]
          : [L('本县尚未载入重点任务分工。', 'No key-task list is loaded for the county.')],
        table: input.tasks
          ? {
              columns: [L('序号', 'No.'), L('任务', 'Task'), L('牵头单位', 'Lead units'), L('状态', 'Status')],
              widths: [1, 6, 3, 2],
              rows: input.tasks.map((t) => [t.number, t.text, t.leadUnits, t.status]),
            }
          : undefined,
      },
    ],
    notes: [
      L(
        '说明：指标值取自监测记分卡（人口库与部门报送数据）；乡镇报告截止日期为本县设置（维西方案 (二十六)“每年 11 月底前”）。',
        'Notes: values come from the monitoring scorecard (registry and department reports); the township deadline is the county’s setting (004 (二十六) "by the end of November").',
      ),
    ],
  };
}
