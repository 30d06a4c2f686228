import { loadavg } from 'node:os';
import { withScope } from '../db/scope.js';
import { registryCounts } from '../projection/index.js';
import { createTestApp, login, as } from '../test/app.js';

/**
 * The server path of a projection (issue 13): one county's request end to end as the leader —
 * session, the registry's counts under row-level security, three scenarios of 30 years, the
 * serialised answer — on the demo county (150,000 persons by default) on PGlite, or on
 * PostgreSQL with TEST_DATABASE_URL (a database of its own). 20 runs after a warm-up.
 */
const RUNS = 20;
const COUNTY = '533423';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function timed(label: string, once: () => Promise<unknown>) {
  await once();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await once();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(58)} median ${percentile(ms, 0.5).toFixed(0).padStart(5)} ms, p95 ${percentile(ms, 0.95)
      .toFixed(0)
      .padStart(5)} ms`,
  );
}

export async function benchServerPath(population: number): Promise<void> {
  const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  let t0 = performance.now();
  const t = await createTestApp(population);
  console.log(
    `\n${engine}, demo county of ${population.toLocaleString('en-US')} persons (loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const leader = await login(t, 'leader');
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, ...as(leader) });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    t0 = performance.now();
    await timed('registry counts alone (one scoped transaction)', () =>
      withScope(t.database, { jurisdictionCode: COUNTY }, (tx) => registryCounts(tx, COUNTY, 2026)),
    );
    await timed('GET /api/projection (3 scenarios × 30 years)', () => get(`/api/projection?region=${COUNTY}`));
    await timed('GET /api/projection (a township)', () => get('/api/projection?region=533423101'));
    await timed('GET /api/projection/budget (10 years, every scheme)', () =>
      get(`/api/projection/budget?region=${COUNTY}`),
    );
  } finally {
    await t.close();
  }
}
