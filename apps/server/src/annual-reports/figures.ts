import type { ReportFigure, ReportFigures } from '@cradle/contract';
import type { Message } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { SessionUser } from '../auth/index.js';
import { benefitsPaid } from './repo.js';

// The figures a township's report opens with (issue 15: "registry, services, benefits,
// indicators"), read through the services that show them elsewhere, so the report says what the
// dashboard and the scorecard said on the day the county opened the year. Kept as labelled
// figures: the report keeps them as they were, whatever the registry says later.

/** What the dashboard answers that a report uses (dashboard/service.ts). */
interface DashboardView {
  population: { total: number; households: number };
  birthsByYear: { year: number; parity1: number; parity2: number; parity3plus: number; total: number }[];
  quality: { coverage: number | null; accuracy: number | null; timeliness: number | null };
  familyServices: {
    childbirthRegistrations: { open: number; overdue: number };
    bundleTasks: { open: number; overdue: number }[];
  };
}
/** What the scorecard answers that a report uses (monitoring/scorecard-service.ts). */
interface ScorecardView {
  rows: {
    target: { name: Message; unit: Message; value: string; comparison: string };
    current: { value: number | null; status: string | null };
  }[];
}

export interface FigureSources {
  dashboard(user: SessionUser, region: string): Promise<DashboardView>;
  /** The plan governing the region, or null when none is published for it. */
  planCode(region: string): Promise<string | null>;
  scorecard(user: SessionUser, q: { plan: string; region: string; year: number }): Promise<ScorecardView>;
}

const count = (key: string, zh: string, en: string, value: number | null): ReportFigure => ({
  key,
  label: { zh, en },
  unit: 'count',
  value,
});
const fraction = (key: string, zh: string, en: string, value: number | null): ReportFigure => ({
  key,
  label: { zh, en },
  unit: 'fraction',
  value,
});
const COMPARISON: Record<string, string> = { atMost: '≤', atLeast: '≥', equal: '=' };

export async function collectFigures(
  sources: FigureSources,
  tx: (fn: (c: Conn) => Promise<{ fen: number; count: number }>) => Promise<{ fen: number; count: number }>,
  user: SessionUser,
  region: string,
  year: number,
  asOf: string,
): Promise<ReportFigures> {
  const d = await sources.dashboard(user, region);
  const births = d.birthsByYear.find((b) => b.year === year);
  const paid = await tx((c) => benefitsPaid(c, region, year));
  const bundleOverdue = d.familyServices.bundleTasks.reduce((s, t) => s + t.overdue, 0);
  const groups: ReportFigures['groups'] = [
    {
      key: 'registry',
      title: { zh: '人口库与数据质量', en: 'Registry and data quality' },
      figures: [
        count('residents', '常住人口', 'Residents', d.population.total),
        count('households', '户数', 'Households', d.population.households),
        fraction('coverage', '常住人口覆盖率', 'Coverage', d.quality.coverage),
        fraction('accuracy', '主要数据项准确率', 'Accuracy', d.quality.accuracy),
        fraction('timeliness', '实时上报率', 'Real-time reporting', d.quality.timeliness),
      ],
    },
    {
      key: 'births',
      title: { zh: `${year}年出生`, en: `Births in ${year}` },
      figures: [
        count('births', '出生人数', 'Births', births?.total ?? 0),
        count('parity1', '一孩', 'First children', births?.parity1 ?? 0),
        count('parity2', '二孩', 'Second children', births?.parity2 ?? 0),
        count('parity3plus', '三孩及以上', 'Third and later', births?.parity3plus ?? 0),
      ],
    },
    {
      key: 'services',
      title: { zh: '家庭服务（开启报告时）', en: 'Family services (when the report opened)' },
      figures: [
        count(
          'registrationsOpen',
          '在办生育登记',
          'Childbirth registrations open',
          d.familyServices.childbirthRegistrations.open,
        ),
        count(
          'registrationsOverdue',
          '逾期生育登记',
          'Childbirth registrations overdue',
          d.familyServices.childbirthRegistrations.overdue,
        ),
        count('bundleOverdue', '逾期“出生一件事”事项', 'Newborn bundle tasks overdue', bundleOverdue),
      ],
    },
    {
      key: 'benefits',
      title: { zh: `${year}年待遇发放`, en: `Benefits paid in ${year}` },
      figures: [
        { key: 'paidFen', label: { zh: '发放金额', en: 'Amount paid' }, unit: 'fen', value: paid.fen },
        count('paidCount', '发放笔数', 'Payments', paid.count),
      ],
    },
  ];
  const plan = await sources.planCode(region);
  if (plan) {
    const card = await sources.scorecard(user, { plan, region, year });
    groups.push({
      key: 'indicators',
      title: { zh: '监测指标', en: 'Monitoring indicators' },
      figures: card.rows.map((r, i) => ({
        key: `indicator${i}`,
        label: r.target.name,
        unit: 'indicator',
        unitLabel: r.target.unit,
        value: r.current.value,
        target: `${COMPARISON[r.target.comparison] ?? ''}${r.target.value}`,
        status: r.current.status,
      })),
    });
  }
  return { asOf, groups };
}
