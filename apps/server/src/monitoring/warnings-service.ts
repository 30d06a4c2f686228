import {
  BUILT_IN_WARNING_RULES,
  evaluateWarnings,
  findIndicator,
  periodWords,
  type IndicatorSeries,
  type RaisedWarning,
} from '@cradle/domain';
import type { WarningQuery, WarningView } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { enqueueNotifications } from '../notifications/index.js';
import { listPlans } from './plans-repo.js';
import { auditOf, type Actor } from './plans-service.js';
import { WarningsError } from './warnings-errors.js';
import {
  acknowledge,
  countiesOf,
  findWarning,
  insertRaised,
  listWarnings,
  townshipsOf,
  type WarningRow,
} from './warnings-repo.js';
import { periodsAsOf, periodsOf, requestsFor, seriesOf } from './warnings-series.js';
import { readCubes } from './counts-read.js';

const PAGE_SIZE = 50;
const RULES = new Map(BUILT_IN_WARNING_RULES.map((r) => [r.code, r]));

/** The series' point a raised warning judged, for the counts it shows. */
function pointOf(series: readonly IndicatorSeries[], w: RaisedWarning) {
  const periodType = RULES.get(w.rule)?.periodType;
  for (const s of series)
    if (s.indicator === w.indicator && s.regionCode === w.regionCode && s.periodType === periodType) {
      const p = s.points.find((x) => x.period === w.period);
      if (p) return p;
    }
  return null;
}

/**
 * Evaluates the built-in rules for one county and each of its townships (issue 13, "Scorecard and
 * early warning") in a transaction scoped to the county: reads their counts once (readCubes),
 * judges the series with the domain's `evaluateWarnings` (the county's against the targets of the
 * plans in force), stores each warning not raised before, and in the same transaction notifies
 * the county administrators, and a township's workers of their own (the outbox). Safe to run
 * twice: a warning is raised once per (rule, indicator, region, period).
 */
export async function evaluateCounty(database: Database, county: string, today: string): Promise<WarningRow[]> {
  return withScope(database, { jurisdictionCode: county }, async (tx: Conn) => {
    const plans = (await listPlans(tx, county)).filter((p) => !p.draft);
    const targets = plans.flatMap((p) => p.targets);
    const targetIndicators = [...new Set(targets.map((t) => t.indicator))];
    const townships = await townshipsOf(tx, county);
    const periods = periodsAsOf(today);
    const countyRequests = requestsFor(BUILT_IN_WARNING_RULES, targetIndicators, periods, true);
    const townshipRequests = requestsFor(BUILT_IN_WARNING_RULES, [], periods, false);
    const cubes = await readCubes(tx, [county, ...townships], periodsOf([...countyRequests, ...townshipRequests]));
    const countyCube = cubes.get(county)!;
    const series = seriesOf(countyRequests, county, countyCube);
    const raised = evaluateWarnings(BUILT_IN_WARNING_RULES, series, targets);
    for (const township of townships) {
      const own = seriesOf(townshipRequests, township, cubes.get(township)!, countyCube);
      series.push(...own);
      // A plan's targets are the county's: a township is judged by the rules' own figures.
      raised.push(...evaluateWarnings(BUILT_IN_WARNING_RULES, own, []));
    }
    const inserted = await insertRaised(
      tx,
      raised.map((w) => {
        const point = pointOf(series, w);
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
      inserted.flatMap((w) => {
        const rule = RULES.get(w.rule)!;
        const def = findIndicator(w.indicator)!;
        const level = w.severity === 'alert' ? { zh: '警报', en: 'Alert' } : { zh: '预警', en: 'Warning' };
        const period = periodWords(w.period);
        const message = {
          regionCode: w.regionCode,
          channels: ['inApp' as const],
          topic: 'monitoring.warning',
          subject: { kind: 'monitoringWarning', id: w.id },
          body: {
            zh: `${level.zh}：${w.regionName} ${period.zh} ${rule.name.zh}（${def.name.zh}）`,
            en: `${level.en}: ${w.regionName} ${period.en}: ${rule.name.en} (${def.name.en})`,
          },
        };
        // The county's administrators answer for its monitoring (004 (六); 002 三(四) reports go to
        // the health commission); a township's workers see their own township's (004 (六) 乡镇).
        return w.regionCode === county
          ? [{ ...message, recipient: { role: 'countyAdmin' } }]
          : [
              { ...message, recipient: { role: 'countyAdmin' } },
              { ...message, recipient: { role: 'townshipWorker' } },
            ];
      }),
    );
    return inserted;
  });
}

/** Every county to evaluate under a region: itself if it is one (or lies in one), else its counties. */
export async function countiesUnder(database: Database, regionCode: string): Promise<string[]> {
  if (regionCode.length >= 6) return [regionCode.slice(0, 6)];
  return countiesOf(database, regionCode);
}

function toView(w: WarningRow): WarningView {
  const rule = RULES.get(w.rule);
  const def = findIndicator(w.indicator);
  const byCount = rule !== undefined && 'of' in rule.condition && rule.condition.of === 'numerator';
  return {
    id: w.id,
    rule: w.rule,
    ruleName: rule?.name ?? { zh: w.rule, en: w.rule },
    kind: rule?.kind ?? 'threshold',
    severity: w.severity,
    indicator: w.indicator,
    indicatorName: def?.name ?? { zh: w.indicator, en: w.indicator },
    // A rule that counts events (a maternal death) shows a count, not the indicator's rate.
    unit: byCount ? { zh: '例', en: ' cases' } : (def?.unit ?? { zh: '', en: '' }),
    regionCode: w.regionCode,
    regionName: w.regionName,
    period: w.period,
    value: w.figures.value,
    numerator: w.figures.numerator,
    denominator: byCount ? null : w.figures.denominator,
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
