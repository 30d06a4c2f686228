import {
  chinaDateOf,
  findIndicator,
  getIndicator,
  isWithinJurisdiction,
  targetJudges,
  type Lang,
  type Plan,
  type PeriodType,
} from '@cradle/domain';
import type { IndicatorSeries, League, Scorecard } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { registryError } from '../registry/index.js';
import { periodOf, type CountsCube, type Period } from './counts-cube.js';
import { readCubes } from './counts-read.js';
import { assess, HISTORY_YEARS, indicatorSummary, planView, pointOf } from './indicator-values.js';
// Plans hold no person: the owner connection reads them, the region filter is the jurisdiction.
import { listPlans } from './plans-repo.js';
import { scorecardError } from './scorecard-errors.js';
import { exportLeague, exportScorecard } from './scorecard-export.js';

/** Years a series may span: by year and over rolling windows 30, by quarter or month 10. */
const MAX_YEARS: Record<PeriodType, number> = {
  year: 30,
  rolling3Years: 30,
  quarter: 10,
  month: 10,
  rolling12Months: 10,
};

function periodsOf(type: PeriodType, from: number, to: number): Period[] {
  const out: Period[] = [];
  for (let y = from; y <= to; y++) {
    if (type === 'year' || type === 'rolling3Years') out.push(periodOf(type, y));
    else if (type === 'quarter') for (let q = 1; q <= 4; q++) out.push(periodOf(type, y, q));
    else for (let m = 1; m <= 12; m++) out.push(periodOf(type, y, m));
  }
  return out;
}

/** The periods a scorecard reads: the year and the years of its trend, whole years. */
const yearsOf = (year: number) => periodsOf('year', year - HISTORY_YEARS + 1, year);

export function createScorecardService(database: Database, regions: RegionService, now: () => Date = () => new Date()) {
  const regionOf = (user: SessionUser, code: string | undefined) => {
    const region = code ?? user.jurisdictionCode;
    if (!isWithinJurisdiction(region, user.jurisdictionCode)) throw registryError('registry.regionOutsideJurisdiction');
    return region;
  };
  const pathOf = (user: SessionUser, code: string) =>
    regions.path(code).filter((r) => isWithinJurisdiction(r.code, user.jurisdictionCode));

  async function planFor(code: string, region: string): Promise<Plan> {
    const plan = (await listPlans(database, region)).find((p) => p.code === code);
    if (!plan) throw scorecardError('monitoring.planNotFound');
    return plan;
  }

  const thisYear = () => Number(chinaDateOf(now()).slice(0, 4));
  /** Default year: this one, or the plan's last year once it has ended. */
  const yearFor = (plan: Plan, year: number | undefined) =>
    year ?? Math.min(thisYear(), Number(plan.period.to.slice(0, 4)));
  const targetsOf = (plan: Plan, year: number) => plan.targets.filter((t) => t.year === year || t.year === null);

  async function scorecard(user: SessionUser, q: { plan: string; region?: string; year?: number }): Promise<Scorecard> {
    const region = regionOf(user, q.region);
    const plan = await planFor(q.plan, region);
    const year = yearFor(plan, q.year);
    const cubes = await withScope(database, { jurisdictionCode: user.jurisdictionCode }, (tx) =>
      readCubes(tx, [region], yearsOf(year)),
    );
    const cube = cubes.get(region)!;
    const view = planView(plan, getIndicator);
    return {
      plan: view,
      region: regions.ref(region),
      path: pathOf(user, region),
      year,
      rows: targetsOf(plan, year).map((t) => {
        const def = getIndicator(t.indicator);
        return {
          target: view.targets[plan.targets.indexOf(t)]!,
          indicator: indicatorSummary(def),
          ...assess(t, def, cube, year, targetJudges(plan, t, region)),
        };
      }),
    };
  }

  async function league(user: SessionUser, q: { plan: string; region?: string; year?: number }): Promise<League> {
    const region = regionOf(user, q.region);
    const plan = await planFor(q.plan, region);
    const year = yearFor(plan, q.year);
    const children = regions.exists(region) ? regions.children(region) : [];
    const cubes = await withScope(database, { jurisdictionCode: user.jurisdictionCode }, (tx) =>
      children.length
        ? readCubes(
            tx,
            children.map((c) => c.code),
            yearsOf(year),
          )
        : Promise.resolve(new Map<string, CountsCube>()),
    );
    const view = planView(plan, getIndicator);
    const targets = targetsOf(plan, year);
    return {
      plan: view,
      region: regions.ref(region),
      path: pathOf(user, region),
      year,
      targets: targets.map((t) => ({
        target: view.targets[plan.targets.indexOf(t)]!,
        indicator: indicatorSummary(getIndicator(t.indicator)),
      })),
      rows: children.map((c) => ({
        region: { code: c.code, name: c.name, level: c.level },
        hasChildren: c.hasChildren,
        cells: targets.map(
          (t) => assess(t, getIndicator(t.indicator), cubes.get(c.code)!, year, targetJudges(plan, t, c.code)).current,
        ),
      })),
    };
  }

  async function series(
    user: SessionUser,
    code: string,
    q: { region?: string; periodType?: PeriodType; from?: number; to?: number },
  ): Promise<IndicatorSeries> {
    const def = findIndicator(code);
    if (!def) throw scorecardError('monitoring.indicatorNotFound');
    const region = regionOf(user, q.region);
    const type = q.periodType ?? def.periodTypes[0]!;
    if (!def.periodTypes.includes(type)) throw scorecardError('monitoring.periodTypeNotOffered');
    const to = q.to ?? thisYear();
    const from = q.from ?? to - (type === 'year' || type === 'rolling3Years' ? 9 : 1);
    if (from > to || to - from + 1 > MAX_YEARS[type]) throw scorecardError('monitoring.periodTooLong');
    const periods = periodsOf(type, from, to);
    const cubes = await withScope(database, { jurisdictionCode: user.jurisdictionCode }, (tx) =>
      readCubes(tx, [region], periods),
    );
    const cube = cubes.get(region)!;
    return {
      indicator: indicatorSummary(def),
      region: regions.ref(region),
      path: pathOf(user, region),
      periodType: type,
      points: periods.map((p) => ({ period: p.key, ...pointOf(def, cube, p) })),
    };
  }

  return {
    async plans(user: SessionUser) {
      const plans = await listPlans(database, user.jurisdictionCode);
      return { items: plans.map((p) => planView(p, getIndicator)) };
    },
    scorecard,
    league,
    series,
    async exportScorecard(
      user: SessionUser,
      clientIp: string,
      q: { plan: string; region?: string; year?: number },
      lang: Lang,
    ) {
      return exportScorecard(database, { user, clientIp }, await scorecard(user, q), lang);
    },
    async exportLeague(
      user: SessionUser,
      clientIp: string,
      q: { plan: string; region?: string; year?: number },
      lang: Lang,
    ) {
      return exportLeague(database, { user, clientIp }, await league(user, q), lang);
    },
  };
}

export type ScorecardService = ReturnType<typeof createScorecardService>;
