import { defineConfig } from 'vitest/config';

// Browser tests: the real server in-process serving the built console (npm run build first),
// driven through headless Chromium by playwright-core. See apps/web/e2e/harness.ts.
// One file at a time: each starts its own server and browser, and two Chromiums on a
// two-core CI machine only make each other slow.
export default defineConfig({
  test: {
    include: ['apps/web/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    // A page on a loaded two-core machine can take more than the default second to show a
    // validation message; polls wait up to ten (a wait for what the user sees, not a timing test).
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
