import { defineConfig } from 'vitest/config';

// Units and API tests, in one run: the pure units once, the API tests on PGlite and, when
// TEST_DATABASE_URL is set, again on that PostgreSQL server (see apps/server/src/test/db.ts).
// One run rather than two: CI type-checks and lints once, and a worker waiting on PostgreSQL
// leaves its core to a PGlite worker.
const postgresUrl = process.env.TEST_DATABASE_URL;
const serverTests = ['apps/server/src/**/*.test.ts'];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'apps/web/e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files share a worker's modules (no re-import, no re-compiled PGlite WebAssembly per file):
    // each file still opens its own database and app, and no test leaves module state behind
    // (the two that set TMPDIR or fake Date put them back). Import time fell from about 320 s
    // to 90 s summed over the workers; the whole run passed this way before it was switched on.
    isolate: false,
    // Two cores; a third worker fills the time PostgreSQL-bound workers spend waiting.
    maxWorkers: postgresUrl ? 3 : 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'pglite', include: serverTests, env: { TEST_DATABASE_URL: '' } } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: serverTests, env: { TEST_DATABASE_URL: postgresUrl } },
            },
          ]
        : []),
    ],
  },
});
