import {
  BUILT_IN_SCHEMES,
  chinaDateOf,
  DEFAULT_TAKE_UP_BASIS_POINTS,
  isWithinJurisdiction,
  type Lang,
  type LocalLevel,
  type ParameterOverride,
} from '@cradle/domain';
import type {
  BudgetForecastQuery,
  BudgetForecastView,
  ProjectionQuery,
  ProjectionView,
  ScenarioKind,
  SchemeForecast,
} from '@cradle/contract';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { registryError } from '../registry/index.js';
import { findVersion, listVersions, publishedOverrides, takeUpRates } from '../benefits/index.js';
import { forecastScheme, forecastsFromChildren } from './budget-forecast.js';
import { ProjectionError } from './errors.js';
import { exportProjectionTable } from './export.js';
import { registryCounts, type RegistryCounts } from './repo.js';
import { parseTfrPath, PYRAMID_GROUPS, runScenario, scenarioView } from './scenarios.js';

export const DEFAULT_YEARS = 30;
/** The budget forecast's years: this one and the nine after (issue 13, "the next 10 years"). */
export const FORECAST_YEARS = 10;

const STANDARD: readonly ScenarioKind[] = ['low', 'medium', 'high'];
const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);

/**
 * The projection of a region of the user's jurisdiction and the budget forecast built on it:
 * aggregates only (no person, so no audit; the XLSX export is audited as every export is),
 * read under withScope like every registry figure.
 */
export function createProjectionService(database: Database, regions: RegionService, now: () => Date) {
  const regionOf = (user: SessionUser, regionCode: string | undefined) => {
    const code = regionCode ?? user.jurisdictionCode;
    if (!isWithinJurisdiction(code, user.jurisdictionCode) || !regions.exists(code))
      throw registryError('registry.regionOutsideJurisdiction');
    return code;
  };
  // The base population is counted on 1 January of this year (China time).
  const baseYear = () => Number(chinaDateOf(now()).slice(0, 4));
  const counts = (user: SessionUser, code: string, year: number): Promise<RegistryCounts> =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, async (tx) => {
      const c = await registryCounts(tx, code, year);
      if (sum(c.aggregates.population.female) + sum(c.aggregates.population.male) === 0)
        throw ProjectionError('projection.noPopulation');
      return c;
    });

  async function project(user: SessionUser, q: ProjectionQuery): Promise<ProjectionView> {
    const code = regionOf(user, q.region);
    const year = baseYear();
    const years = q.years ?? DEFAULT_YEARS;
    const tfrPath = q.tfrPath === undefined || q.tfrPath.trim() === '' ? null : parseTfrPath(q.tfrPath, year, years);
    const c = await counts(user, code, year);
    const kinds: ScenarioKind[] = tfrPath ? [...STANDARD, 'tfrPath'] : [...STANDARD];
    const runs = kinds.map((kind) => runScenario(c.aggregates, kind, years, tfrPath));
    const { fertility, mortality, migration } = runs[0]!.setup.assumptions;
    const level = (l: LocalLevel) => ({
      observed: l.observed,
      expected: l.expected,
      rawRatio: l.rawRatio,
      ratio: l.ratio,
    });
    const agg = c.aggregates;
    return {
      region: regions.ref(code),
      baseYear: year,
      basePopulation: sum(agg.population.female) + sum(agg.population.male),
      recordedYears: c.recordedYears,
      recordedBirths: Math.round(sum((agg.births ?? []).map((b) => sum(b.byMotherAge)))),
      recordedDeaths: sum((agg.deaths ?? []).map((d) => sum(d.female) + sum(d.male))),
      assumptions: {
        fertility: level(fertility),
        observedTfr: fertility.observedTfr,
        mortality: { female: level(mortality.female), male: level(mortality.male) },
        migration,
      },
      ageGroups: PYRAMID_GROUPS,
      scenarios: runs.map(scenarioView),
    };
  }

  async function budget(user: SessionUser, q: BudgetForecastQuery): Promise<BudgetForecastView> {
    const code = regionOf(user, q.region);
    const year = baseYear();
    const scenario = q.scenario ?? 'medium';
    const tfrPath =
      q.tfrPath === undefined || q.tfrPath.trim() === '' ? null : parseTfrPath(q.tfrPath, year, FORECAST_YEARS);
    const forecastYears = Array.from({ length: FORECAST_YEARS }, (_, k) => year + k);
    const applicable = BUILT_IN_SCHEMES.filter((s) => code.startsWith(s.regionCode));
    const priced = applicable.filter(forecastsFromChildren);
    const c = await counts(user, code, year);
    const { result } = runScenario(c.aggregates, scenario, FORECAST_YEARS, tfrPath);
    const schemes = await withScope(database, { jurisdictionCode: user.jurisdictionCode }, async (tx) => {
      const out: SchemeForecast[] = [];
      for (const scheme of priced) {
        const overrides = await publishedOverrides(tx, scheme.code);
        const drafts = (await listVersions(tx, scheme.code)).filter(
          (v) => v.status !== 'published' && code.startsWith(v.jurisdictionCode),
        );
        // The county's rate (a township's is its county's); above a county, 100%: counties differ.
        const rate = scheme.proactive
          ? null
          : code.length >= 6
            ? ((await takeUpRates(tx, scheme.code)).get(code.slice(0, 6)) ?? null)
            : null;
        const takeUp = scheme.proactive
          ? null
          : { basisPoints: rate?.basisPoints ?? DEFAULT_TAKE_UP_BASIS_POINTS, isDefault: rate === null };
        const line = (o: readonly ParameterOverride[]) =>
          forecastScheme({
            scheme,
            overrides: o,
            regionCode: code,
            result,
            forecastYears,
            parityMix: c.parityMix,
            takeUpBasisPoints: takeUp?.basisPoints ?? null,
          });
        let draft: SchemeForecast['draft'] = null;
        if (q.draftScheme === scheme.code && q.draftVersionId !== undefined) {
          const v = await findVersion(tx, scheme.code, q.draftVersionId);
          if (!v || v.status === 'published') throw ProjectionError('projection.draftNotFound');
          const asPublished: ParameterOverride = {
            jurisdictionCode: v.jurisdictionCode,
            version: v.version,
            effectiveFrom: v.effectiveFrom,
            values: v.values as ParameterOverride['values'],
            basis: v.legalBasis,
          };
          draft = { versionId: v.id, version: v.version, line: line([...overrides, asPublished]) };
        }
        out.push({
          schemeCode: scheme.code,
          name: scheme.name,
          paidOnApplication: !scheme.proactive,
          takeUp,
          published: line(overrides),
          draft,
          drafts: drafts.map((v) => ({ id: v.id, version: v.version, jurisdictionCode: v.jurisdictionCode })),
        });
      }
      return out;
    });
    if (q.draftScheme !== undefined && q.draftVersionId !== undefined && !schemes.some((s) => s.draft))
      throw ProjectionError('projection.draftNotFound');
    return {
      region: regions.ref(code),
      baseYear: year,
      scenario,
      years: forecastYears,
      schemes,
      omitted: BUILT_IN_SCHEMES.filter((s) => !priced.includes(s)).map((s) => ({
        schemeCode: s.code,
        name: s.name,
        reason: applicable.includes(s) ? ('notForChildren' as const) : ('otherRegion' as const),
      })),
    };
  }

  return {
    project,
    budget,
    /** The table by year of every scenario as XLSX (exports/: audited, figures only). */
    async exportTable(user: SessionUser, clientIp: string, q: ProjectionQuery, lang: Lang) {
      const view = await project(user, q);
      return exportProjectionTable(database, { user, clientIp }, view, lang);
    },
  };
}

export type ProjectionService = ReturnType<typeof createProjectionService>;
