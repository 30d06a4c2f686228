import {
  BUILT_IN_WARNING_RULES,
  evaluateWarnings,
  findIndicator,
  type IndicatorSeries,
  type WarningRule,
} from '@cradle/domain';
import type { WarningQuery, WarningView } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { enqueueNotifications } from '../notifications/index.js';
import { listPlans } from './plans-repo.js';
import { auditOf, type Actor } from './plans-service.js';
import { WarningsError } from './warnings-errors.js';
import { acknowledge, findWarning, insertRaised, listWarnings, type WarningRow } from './warnings-repo.js';
import type { Period, SeriesRequest, SeriesSource } from './warnings-series.js';

const PAGE_SIZE = 50;
const RULES = new Map(BUILT_IN_WARNING_RULES.map((r) => [r.code, r]));

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The periods each kind of series is judged on, as of `today` (China time): the last twelve
 * months including the current one (a maternal death is raised in its own month, however late it
 * is recorded); the last four completed years (three yearly steps, birthsFalling); the 3-year
 * windows ending in the last three completed years (two steps, childMortalityRising). A year
 * still running is not judged against a yearly rule: its births are not all in.
 */
export function periodsAsOf(today: string): { months: Period[]; years: Period[]; rolling: Period[] } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const months: Period[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const yy = d.getUTCFullYear();
    const mm = d.getUTCMonth() + 1;
    const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
    months.push({
      label: `${yy}-${pad(mm)}`,
      year: yy,
      from: `${yy}-${pad(mm)}-01`,
      to: `${yy}-${pad(mm)}-${pad(last)}`,
      reportedKey: null,
    });
  }
  const year = (e: number): Period => ({
    label: String(e),
    year: e,
    from: `${e}-01-01`,
    to: `${e}-12-31`,
    reportedKey: String(e),
  });
  const years = [y - 4, y - 3, y - 2, y - 1].map(year);
  const rolling = [y - 3, y - 2, y - 1].map((e) => ({
    label: `${e - 2}–${e}`,
    year: e,
    from: `${e - 2}-01-01`,
    to: `${e}-12-31`,
    reportedKey: null,
  }));
  return { months, years, rolling };
}

/** What the rules read: each rule's indicators (a target rule: the plans' target indicators) over its periods. */
function requestsFor(
  rules: readonly WarningRule[],
  targetIndicators: readonly string[],
  today: string,
): SeriesRequest[] {
  const p = periodsAsOf(today);
  const seen = new Set<string>();
  const out: SeriesRequest[] = [];
  for (const rule of rules) {
    const indicators = rule.condition.test === 'missesTarget' ? targetIndicators : rule.indicators;
    for (const indicator of indicators) {
      // The rule names the series it reads (maternalDeath: monthly counts, though the ratio is published by year).
      if (!findIndicator(indicator)) continue;
      const key = `${indicator}|${rule.periodType}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (rule.periodType) {
        case 'month':
          // One series per month: the rule judges each month's own count.
          for (const month of p.months) out.push({ indicator, periodType: 'month', periods: [month] });
          break;
        case 'year':
          out.push({ indicator, periodType: 'year', periods: p.years });
          break;
        case 'rolling3Years':
          out.push({ indicator, periodType: 'rolling3Years', periods: p.rolling });
          break;
        case 'quarter':
        case 'rolling12Months':
          // birthsSilent needs the parent region's expected births: the counts reader's work.
          break;
      }
    }
  }
  return out;
}

function pointOf(series: readonly IndicatorSeries[], indicator: string, periodType: string, period: string) {
  for (const s of series)
    if (s.indicator === indicator && s.periodType === periodType) {
      const p = s.points.find((x) => x.period === period);
      if (p) return p;
    }
  return null;
}

/**
 * Evaluates the built-in rules for one county (issue 13, "Scorecard and early warning") in a
 * transaction scoped to it: reads the series through the port, judges them with the domain's
 * `evaluateWarnings` against the targets of the plans in force, stores each warning not raised
 * before, and — in the same transaction — notifies the county administrators (the outbox). Safe
 * to run twice: a warning is raised once per (rule, indicator, region, period).
 */
export async function evaluateCounty(
  database: Database,
  county: string,
  source: SeriesSource,
  today: string,
): Promise<WarningRow[]> {
  return withScope(database, { jurisdictionCode: county }, async (tx: Conn) => {
    const plans = (await listPlans(tx, county)).filter((p) => !p.draft);
    const targets = plans.flatMap((p) => p.targets);
    const targetIndicators = [...new Set(targets.map((t) => t.indicator))];
    const series = await source(tx, county, requestsFor(BUILT_IN_WARNING_RULES, targetIndicators, today));
    const raised = evaluateWarnings(BUILT_IN_WARNING_RULES, series, targets);
    const inserted = await insertRaised(
      tx,
      raised.map((w) => {
        const point = pointOf(series, w.indicator, RULES.get(w.rule)!.periodType, w.period);
        return {
          rule: w.rule,
          indicator: w.indicator,
          regionCode: w.regionCode,
          period: w.period,
          severity: w.severity,
          figures: { value: w.value, numerator: point?.numerator ?? null, denominator: point?.denominator ?? null },
        };
      }),
    );
    await enqueueNotifications(
      tx,
      inserted.map((w) => {
        const rule = RULES.get(w.rule)!;
        const def = findIndicator(w.indicator)!;
        const level = w.severity === 'alert' ? { zh: '警报', en: 'Alert' } : { zh: '预警', en: 'Warning' };
        return {
          // The county's administrators answer for its monitoring (004 (六); 002 三(四) reports go to the health commission).
          recipient: { role: 'countyAdmin' },
          regionCode: w.regionCode,
          channels: ['inApp' as const],
          topic: 'monitoring.warning',
          subject: { kind: 'monitoringWarning', id: w.id },
          body: {
            zh: `${level.zh}：${w.regionName} ${w.period} ${rule.name.zh}（${def.name.zh}）`,
            en: `${level.en}: ${w.regionName} ${w.period}: ${rule.name.en} (${def.name.en})`,
          },
        };
      }),
    );
    return inserted;
  });
}

/** Every county to evaluate under a region: itself if it is one (or lies in one), else its counties. */
export async function countiesUnder(database: Database, regionCode: string): Promise<string[]> {
  if (regionCode.length >= 6) return [regionCode.slice(0, 6)];
  const rows = await database.query<{ code: string }>(
    `SELECT code FROM regions WHERE level = 3 AND code LIKE $1 ORDER BY code`,
    [`${regionCode}%`],
  );
  return rows.map((r) => r.code);
}

function toView(w: WarningRow): WarningView {
  const rule = RULES.get(w.rule);
  const def = findIndicator(w.indicator);
  return {
    id: w.id,
    rule: w.rule,
    ruleName: rule?.name ?? { zh: w.rule, en: w.rule },
    kind: rule?.kind ?? 'threshold',
    severity: w.severity,
    indicator: w.indicator,
    indicatorName: def?.name ?? { zh: w.indicator, en: w.indicator },
    unit: def?.unit ?? { zh: '', en: '' },
    regionCode: w.regionCode,
    regionName: w.regionName,
    period: w.period,
    value: w.figures.value,
    numerator: w.figures.numerator,
    denominator: w.figures.denominator,
    readingBy: rule?.reading.by ?? 'cradle',
    reading: rule?.reading.note ?? { zh: '', en: '' },
    bases: (rule?.bases ?? []).map((b) => ({ document: b.document, clause: b.clause })),
    raisedAt: w.raisedAt,
    acknowledgedByName: w.acknowledgedByName,
    acknowledgedAt: w.acknowledgedAt,
    acknowledgementNote: w.acknowledgementNote,
  };
}

/** The raised warnings of a jurisdiction, and their acknowledgement with a note (audited). */
export function createWarningService(database: Database) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  const filter = (q: WarningQuery) => ({ state: q.state, region: q.region });
  return {
    async list(a: Actor, q: WarningQuery) {
      const page = q.page ?? 1;
      const { rows, total } = await withScope(database, scope(a), (tx) =>
        listWarnings(tx, filter(q), PAGE_SIZE, (page - 1) * PAGE_SIZE),
      );
      return { items: rows.map(toView), total, page, pageSize: PAGE_SIZE };
    },

    listPage: (a: Actor, q: WarningQuery, limit: number, offset: number) =>
      withScope(database, scope(a), (tx) => listWarnings(tx, filter(q), limit, offset)).then((r) => r.rows.map(toView)),

    async acknowledge(a: Actor, id: number, note: string): Promise<WarningView> {
      const text = note.trim();
      if (text === '') throw WarningsError('warning.noteRequired');
      return withScope(database, scope(a), async (tx) => {
        const w = await findWarning(tx, id);
        if (!w) throw WarningsError('warning.notFound');
        if (!(await acknowledge(tx, id, text, a.user))) throw WarningsError('warning.alreadyAcknowledged');
        await appendAudit(
          tx,
          auditOf(a, 'monitoring.acknowledgeWarning', 'monitoringWarning', String(id), {
            rule: w.rule,
            region: w.regionCode,
            period: w.period,
            note: text,
          }),
        );
        return toView((await findWarning(tx, id))!);
      });
    },
  };
}

export type WarningService = ReturnType<typeof createWarningService>;
