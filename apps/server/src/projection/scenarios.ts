import {
  buildRegionalProjection,
  projectPopulation,
  summarizeProjection,
  type FertilityScenario,
  type ProjectionResult,
  type RegionAggregates,
  type RegionalProjectionSetup,
} from '@cradle/domain';
import type { ProjectionScenario, ScenarioKind } from '@cradle/contract';
import { ProjectionError } from './errors.js';

/** The bounds of a typed TFR: below any population on record (0.3) and above any today's (5). */
export const TFR_MIN = 0.3;
export const TFR_MAX = 5;

/**
 * A typed TFR path, "2026:1.1,2035:1.4": one TFR per projected year, on straight lines between
 * the typed years, the first value held before them and the last after (the engine's tfrPath
 * kind takes one value per step). Refused with a message naming what to fix.
 */
export function parseTfrPath(text: string, firstYear: number, steps: number): number[] {
  const pairs = text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const points: { year: number; tfr: number }[] = [];
  for (const pair of pairs) {
    const m = /^(\d{4})\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(pair);
    if (!m) throw ProjectionError('projection.tfrPathInvalid', { pair });
    points.push({ year: Number(m[1]), tfr: Number(m[2]) });
  }
  if (points.length === 0) throw ProjectionError('projection.tfrPathInvalid');
  const lastYear = firstYear + steps - 1;
  points.forEach((p, i) => {
    if (p.year < firstYear || p.year > lastYear || (i > 0 && p.year <= points[i - 1]!.year))
      throw ProjectionError(
        'projection.tfrPathYear',
        { year: p.year, from: firstYear, to: lastYear },
        {
          zh: `总和生育率路径的年份须在 ${firstYear} 至 ${lastYear} 之间，且从早到晚各写一次（${p.year} 不符）`,
          en: `The years of a TFR path must lie in ${firstYear}–${lastYear}, each once, earliest first (${p.year} does not)`,
        },
      );
    if (!(p.tfr >= TFR_MIN && p.tfr <= TFR_MAX))
      throw ProjectionError(
        'projection.tfrPathValue',
        { year: p.year, tfr: p.tfr },
        {
          zh: `总和生育率须在 ${TFR_MIN} 至 ${TFR_MAX} 之间（${p.year} 年为 ${p.tfr}）`,
          en: `A total fertility rate must lie between ${TFR_MIN} and ${TFR_MAX} (${p.tfr} in ${p.year})`,
        },
      );
  });
  return Array.from({ length: steps }, (_, k) => {
    const year = firstYear + k;
    const after = points.findIndex((p) => p.year >= year);
    if (after === -1) return points[points.length - 1]!.tfr;
    const b = points[after]!;
    if (after === 0 || b.year === year) return b.tfr;
    const a = points[after - 1]!;
    return a.tfr + ((b.tfr - a.tfr) * (year - a.year)) / (b.year - a.year);
  });
}

export function fertilityScenario(kind: ScenarioKind, tfrPath: number[] | null): FertilityScenario {
  if (kind !== 'tfrPath') return { kind };
  if (!tfrPath) throw ProjectionError('projection.tfrPathMissing');
  return { kind, tfr: tfrPath };
}

export interface ScenarioRun {
  kind: ScenarioKind;
  setup: RegionalProjectionSetup;
  result: ProjectionResult;
}

export function runScenario(aggregates: RegionAggregates, kind: ScenarioKind, years: number, tfrPath: number[] | null) {
  const setup = buildRegionalProjection(aggregates, { years, fertility: fertilityScenario(kind, tfrPath) });
  return { kind, setup, result: projectPopulation(setup.inputs) };
}

/** Five-year groups 0–4 … 95–99 and the open 100+. */
export const PYRAMID_GROUPS = [...Array.from({ length: 20 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '100+'];

const grouped = (a: Float64Array) =>
  PYRAMID_GROUPS.map((_, g) => (g === 20 ? a[100]! : a.slice(g * 5, g * 5 + 5).reduce((s, v) => s + v, 0)));

export function scenarioView(run: ScenarioRun): ProjectionScenario {
  const tfr = run.setup.assumptions.fertility.tfr;
  return {
    scenario: run.kind,
    years: summarizeProjection(run.result).map((y, k) => ({ ...y, tfr: tfr[k] ?? null })),
    pyramid: run.result.population.map((p, k) => ({
      year: run.result.years[k]!,
      male: grouped(p.male),
      female: grouped(p.female),
    })),
  };
}
