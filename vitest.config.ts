import { defineConfig } from 'vitest/config';

// Units and API tests. API tests run on PGlite, and also on PostgreSQL when
// TEST_DATABASE_URL is set (see apps/server/src/test/db.ts).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
