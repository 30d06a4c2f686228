import {
  countKey,
  findIndicator,
  INDICATORS,
  REPORTED_ITEM_LABELS,
  REPORTED_PART_OF,
  type CountKind,
  type IndicatorDefinition,
  type ReportedItem,
  chinaDateOf,
} from '@cradle/domain';
import type { ReportedEntryBody, ReportedValueQuery, ReportedValueRow } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { Actor } from './plans-service.js';
import { auditOf } from './plans-service.js';
import { ReportedError } from './reported-errors.js';
import { history, insertVersion, listInForce, valuesInForce, type ReportedRow } from './reported-repo.js';
import { kickWarnings, queueWarningEvaluation } from './warnings-queue.js';

type ReportedKind = Extract<CountKind, { kind: 'reported' }>;
const PAGE_SIZE = 50;

/** The reported items an indicator is entered as: its numerator, and its denominator when a department reports that too. */
export function reportedParts(
  def: IndicatorDefinition,
): { numerator: ReportedKind; denominator: ReportedKind | null } | null {
  const f = def.formula;
  if (def.source.kind !== 'reported') return null;
  if (f.kind === 'count' && f.count.kind === 'reported') return { numerator: f.count, denominator: null };
  if (f.kind === 'ratio' && f.numerator.kind === 'reported')
    return { numerator: f.numerator, denominator: f.denominator.kind === 'reported' ? f.denominator : null };
  return null;
}

/** The period's last day: '2025' → 2025-12-31, '2025-Q1' → 2025-03-31, '2025-03' → 2025-03-31. */
export function periodEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = period.length === 4 ? 12 : period[5] === 'Q' ? Number(period[6]) * 3 : Number(period.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

const periodType = (period: string) => (period.length === 4 ? 'year' : period[5] === 'Q' ? 'quarter' : 'month');

const view = (r: ReportedRow): ReportedValueRow => ({
  ...r,
  itemName: (REPORTED_ITEM_LABELS as Partial<Record<string, { zh: string; en: string }>>)[r.item] ?? {
    zh: r.item,
    en: r.item,
  },
});

function getReported(code: string): { def: IndicatorDefinition; parts: NonNullable<ReturnType<typeof reportedParts>> } {
  const def = findIndicator(code);
  const parts = def && reportedParts(def);
  if (!def || !parts) throw ReportedError('reported.notReported');
  return { def, parts };
}

/**
 * Figures departments report (issue 13, "Reported values"; table reported_values): a department
 * operator enters its own department's items (catalogue source), a county administrator any, for
 * a region of their jurisdiction and a period that has ended — every reported figure is a count
 * over the whole period or a stock at its end (catalogue/reported.ts: 期内, 期末), so a year is
 * reported from 1 January of the next. A correction is a new version with a reason; an item
 * whose figure is unchanged writes nothing; each write is audited and queues the warnings' evaluation.
 */
export function createReportedService(database: Database, jobs: Pick<JobRunner, 'kick'>, now: () => Date) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });

  async function write(a: Actor, body: ReportedEntryBody, mode: 'enter' | 'correct') {
    const { def, parts } = getReported(body.indicator);
    const department = def.source.kind === 'reported' ? def.source.department : null;
    if (
      a.user.roles.includes('departmentOperator') &&
      !a.user.roles.includes('countyAdmin') &&
      a.user.department !== department
    )
      throw ReportedError('reported.otherDepartment');
    if (!def.periodTypes.includes(periodType(body.period))) throw ReportedError('reported.periodType');
    if (periodEnd(body.period) >= chinaDateOf(now())) throw ReportedError('reported.periodNotEnded');
    if (!body.regionCode.startsWith(a.user.jurisdictionCode)) throw ReportedError('reported.outsideJurisdiction');
    const denominator = body.denominator ?? null;
    if (parts.denominator === null && denominator !== null) throw ReportedError('reported.denominatorNotReported');
    if (parts.denominator !== null && denominator === null) throw ReportedError('reported.denominatorRequired');
    if (body.numerator < 0 || (denominator ?? 0) < 0) throw ReportedError('reported.negative');
    const reason = body.reason?.trim() || null;
    if (mode === 'correct' && reason === null) throw ReportedError('reported.reasonRequired');

    const entered = new Map<ReportedItem, { kind: ReportedKind; value: number }>([
      [parts.numerator.item, { kind: parts.numerator, value: body.numerator }],
    ]);
    if (parts.denominator) entered.set(parts.denominator.item, { kind: parts.denominator, value: denominator! });

    const written = await withScope(database, scope(a), async (tx) => {
      const [region] = await tx.query('SELECT 1 FROM regions WHERE code = $1', [body.regionCode]);
      if (!region) throw ReportedError('reported.regionUnknown');
      // Parts and wholes of the entered items, in force for the same region and period.
      const related = new Set<ReportedItem>();
      for (const item of entered.keys()) {
        const whole = REPORTED_PART_OF[item];
        if (whole) related.add(whole);
        for (const [part, w] of Object.entries(REPORTED_PART_OF)) if (w === item) related.add(part as ReportedItem);
      }
      const keyOf = (item: ReportedItem) =>
        countKey({ kind: 'reported', item, department: departmentOf(item) ?? department! });
      const allItems = [...new Set([...entered.keys(), ...related])];
      const inForce = await valuesInForce(tx, allItems.map(keyOf), body.regionCode, body.period);
      const valueOf = (item: ReportedItem) => entered.get(item)?.value ?? inForce.get(keyOf(item))?.value;
      for (const item of allItems) {
        const whole = REPORTED_PART_OF[item];
        const part = valueOf(item);
        const total = whole && valueOf(whole);
        if (whole && part !== undefined && total !== undefined && part > total)
          throw ReportedError('reported.partAboveWhole', { part: item, whole }, partMessage(item, whole, part, total));
      }
      const changes = [...entered.entries()].filter(([, e]) => inForce.get(countKey(e.kind))?.value !== e.value);
      if (mode === 'enter' && changes.some(([, e]) => inForce.has(countKey(e.kind))))
        throw ReportedError('reported.exists');
      if (mode === 'correct' && [...entered.values()].every((e) => !inForce.has(countKey(e.kind))))
        throw ReportedError('reported.notYetReported');
      if (changes.length === 0) throw ReportedError('reported.noChange');
      const rows: ReportedRow[] = [];
      for (const [item, e] of changes)
        rows.push(
          await insertVersion(
            tx,
            {
              countKey: countKey(e.kind),
              item,
              department: e.kind.department,
              regionCode: body.regionCode,
              period: body.period,
              value: e.value,
              reason: mode === 'correct' || inForce.has(countKey(e.kind)) ? reason : null,
            },
            a.user,
          ),
        );
      await queueWarningEvaluation(tx, body.regionCode);
      await appendAudit(
        tx,
        auditOf(
          a,
          mode === 'enter' ? 'monitoring.reportValue' : 'monitoring.correctValue',
          'reportedValue',
          String(rows[0]!.id),
          {
            indicator: def.code,
            region: body.regionCode,
            period: body.period,
            values: rows.map((r) => ({ item: r.item, value: r.value, version: r.version })),
            ...(reason ? { reason } : {}),
          },
        ),
      );
      return rows;
    });
    kickWarnings(jobs);
    return { written: written.map(view) };
  }

  return {
    enter: (a: Actor, body: ReportedEntryBody) => write(a, body, 'enter'),
    correct: (a: Actor, body: ReportedEntryBody) => write(a, body, 'correct'),

    async list(a: Actor, q: ReportedValueQuery) {
      const page = q.page ?? 1;
      const items = q.indicator === undefined ? undefined : itemsOf(q.indicator);
      const { rows, total } = await withScope(database, scope(a), (tx) =>
        listInForce(tx, { items, region: q.region, period: q.period }, PAGE_SIZE, (page - 1) * PAGE_SIZE),
      );
      return { items: rows.map(view), total, page, pageSize: PAGE_SIZE };
    },

    /** Pages of the same list for the export (exports/ reads each in its own transaction). */
    listPage: (a: Actor, q: ReportedValueQuery, limit: number, offset: number) =>
      withScope(database, scope(a), (tx) =>
        listInForce(
          tx,
          { items: q.indicator === undefined ? undefined : itemsOf(q.indicator), region: q.region, period: q.period },
          limit,
          offset,
        ),
      ).then((r) => r.rows.map(view)),

    history: (a: Actor, q: { indicator: string; region: string; period: string }) =>
      withScope(database, scope(a), (tx) => history(tx, itemsOf(q.indicator), q.region, q.period)).then((rows) =>
        rows.map(view),
      ),
  };
}

export type ReportedService = ReturnType<typeof createReportedService>;

function itemsOf(indicator: string): string[] {
  const { parts } = getReported(indicator);
  return [parts.numerator.item, ...(parts.denominator ? [parts.denominator.item] : [])];
}

/** The department that reports an item, from the catalogue (every reported indicator names it). */
function departmentOf(item: ReportedItem): ReportedKind['department'] | null {
  for (const def of INDICATORS) {
    const parts = reportedParts(def);
    for (const k of [parts?.numerator, parts?.denominator]) if (k && k.item === item) return k.department;
  }
  return null;
}

function partMessage(part: ReportedItem, whole: ReportedItem, p: number, w: number) {
  const pl = REPORTED_ITEM_LABELS[part];
  const wl = REPORTED_ITEM_LABELS[whole];
  return {
    zh: `${pl.zh}（${p}）不能大于${wl.zh}（${w}）`,
    en: `${pl.en} (${p}) cannot be more than ${wl.en.toLowerCase()} (${w})`,
  };
}
