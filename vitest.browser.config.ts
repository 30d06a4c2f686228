import { defineConfig } from 'vitest/config';

// Browser tests: the real server in-process serving the built console (npm run build first),
// driven through headless Chromium by playwright-core. See apps/web/e2e/harness.ts.
//
// Without TEST_DATABASE_URL every file runs on PGlite. With it, each file runs on one engine:
// the ones whose paths lean on what differs between the engines (locks and definer functions in
// the family path, the payment cycle, row-level security, COPY in imports) on PostgreSQL, the rest
// on PGlite. The API tests run every rule on both engines; running the browser suite twice more
// than doubled CI past its 15 minutes (issue 10). CRADLE_E2E_BOTH=1 runs every file on both.
// CRADLE_E2E_WORKERS (default 1) files at a time: each starts its own server and browser, and
// on a two-core machine two Chromiums mostly make each other slow.
const postgresUrl = process.env.TEST_DATABASE_URL;
const both = process.env.CRADLE_E2E_BOTH === '1';
const files = ['apps/web/e2e/**/*.e2e.test.ts'];
const onPostgres = ['family-path', 'baiyin', 'payment-files', 'jurisdiction', 'import'].map(
  (name) => `apps/web/e2e/${name}.e2e.test.ts`,
);

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // As vitest.config.ts: files share the worker's modules; each still starts its own server,
    // database and browser.
    isolate: false,
    maxWorkers: Number(process.env.CRADLE_E2E_WORKERS ?? 1),
    // A page on a loaded two-core machine can take more than the default second to show a
    // validation message; polls wait up to ten (a wait for what the user sees, not a timing test).
    expect: { poll: { timeout: 10_000, interval: 100 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: files,
          exclude: ['**/node_modules/**', ...(postgresUrl && !both ? onPostgres : [])],
          env: { TEST_DATABASE_URL: '' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: both ? files : onPostgres, env: { TEST_DATABASE_URL: postgresUrl } },
            },
          ]
        : []),
    ],
  },
});
