import { loadavg } from 'node:os';
import {
  buildRegionalProjection,
  projectPopulation,
  summarizeProjection,
  SINGLE_AGES,
  type FertilityScenario,
  type RegionAggregates,
} from '@cradle/domain';

/**
 * Issue 13's projection targets: a 30-year projection of one county ≤ 50 ms; all counties of a
 * province (~130) ≤ 5 s. Each run is the whole pure path a request would take: inputs from the
 * county's counts (three years of births and deaths, shrunk toward WPP 2024 China), the
 * projection, and the yearly summary. The counties are made up: sizes 20,000–600,000, a shape
 * of low recent fertility; the engine's cost does not depend on the numbers, only on the ages
 * and years. Run: npm run bench:projection
 */
const YEARS = 30;
const PROVINCE_COUNTIES = 130;

function county(size: number, seed: number): RegionAggregates {
  const shape = (x: number) => (x < 10 ? 630 + 29 * x : x < 60 ? 1000 : 1000 * Math.exp(-0.06 * (x - 60)));
  const total = Array.from({ length: SINGLE_AGES }, (_, x) => shape(x)).reduce((a, b) => a + b, 0) * 2;
  const ages = (f: (x: number) => number) => Array.from({ length: SINGLE_AGES }, (_, x) => (size / total) * f(x));
  const population = { female: ages(shape), male: ages(shape) };
  const births = [2023, 2024, 2025].map((year) => ({
    year,
    firstAge: 15,
    ageWidth: 5 as const,
    byMotherAge: [0.02, 0.25, 0.35, 0.25, 0.1, 0.025, 0.005].map((s) => s * size * (0.006 + 0.001 * (seed % 3))),
  }));
  const deaths = [2023, 2024, 2025].map((year) => ({
    year,
    female: population.female.map((p, x) => p * 0.0001 * Math.exp(0.085 * x)),
    male: population.male.map((p, x) => p * 0.00015 * Math.exp(0.085 * x)),
  }));
  return { baseYear: 2026, population, births, deaths };
}

function run(region: RegionAggregates, fertility: FertilityScenario) {
  return summarizeProjection(projectPopulation(buildRegionalProjection(region, { years: YEARS, fertility }).inputs));
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before: ${load()}`);

const one = county(150_000, 0);
for (let i = 0; i < 50; i++) run(one, { kind: 'medium' }); // warm-up: JIT
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  run(one, { kind: 'medium' });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `one county, ${YEARS} years (inputs + projection + summary), 300 runs: median ${percentile(times, 0.5).toFixed(2)} ms, ` +
    `p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms (target ≤ 50 ms)`,
);

const province = Array.from({ length: PROVINCE_COUNTIES }, (_, i) => county(20_000 + ((i * 4_567) % 580_000), i));
for (const scenarios of [['medium'], ['low', 'medium', 'high']] as const) {
  const t = performance.now();
  let births = 0;
  for (const c of province) for (const kind of scenarios) births += run(c, { kind })[1]!.births!;
  const ms = performance.now() - t;
  console.log(
    `${PROVINCE_COUNTIES} counties × ${scenarios.join('/')}: ${ms.toFixed(0)} ms (target ≤ 5,000 ms for one scenario); ` +
      `${(births / 1000).toFixed(0)} thousand births in 2027`,
  );
}
console.log(`load average after: ${load()}`);

// The server path (registry counts, the route, the answer), unless only the engine is wanted.
if (!process.argv.includes('--engine-only')) {
  const { benchServerPath } = await import('./projection-server-bench.js');
  const population = Number(process.argv.find((a) => a.startsWith('--population='))?.split('=')[1] ?? 150_000);
  await benchServerPath(population);
}
