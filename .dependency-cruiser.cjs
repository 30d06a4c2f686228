// Import cycles and module boundaries, checked by `npm run lint:boundaries` (part of npm test).
// See the "Checks" section of docs/architecture.md.
// Test fixtures shared between modules' tests.
const FIXTURE = '(^|/)(test-[^/]+|[^/]+-test-[^/]+)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment:
        'No import cycles anywhere (STYLE.md): a cycle makes load order matter and modules inseparable. ' +
        'Type-only imports count too: erased at run time, a type cycle still ties the files together.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'routes-not-db',
      comment:
        'Routes are HTTP only: they call services, which open scopes and run SQL through repos. A route may ' +
        'name the Database type (import type) of the handle it passes to a service, nothing that runs.',
      severity: 'error',
      from: { path: '(^|/)(routes|[^/]*-routes)\\.ts$' },
      to: { path: '^apps/server/src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'module-public-file',
      comment:
        'A server module (src/<module>/) imports another only through its public file src/<module>/index.ts. ' +
        'Shared infrastructure (db/, crypto/, errors.ts, config.ts, test/) is imported directly; so are the ' +
        'composition roots at the top of src/ (app.ts, main.ts, cli.ts, bootstrap.ts, family-deps.ts), which wire modules together. ' +
        'spreadsheet/ is a module, not infrastructure: it owns its readers and failures behind index.ts. jobs/ is one ' +
        'too: index.ts is the runner and its queue; jobs/kinds/index.ts, which binds modules to it, is for app.ts and tests.',
      severity: 'error',
      from: { path: '^apps/server/src/([^/]+)/', pathNot: '^apps/server/src/(db|crypto|test)/' },
      to: {
        path: '^apps/server/src/([^/]+)/',
        pathNot: [
          '^apps/server/src/$1/',
          '^apps/server/src/(db|crypto|test)/',
          '^apps/server/src/[^/]+/index\\.ts$',
          // The job kinds bind modules' work to the runner (jobs/index.ts): app.ts and tests register them.
          '^apps/server/src/jobs/kinds/index\\.ts$',
          FIXTURE,
        ],
      },
    },
    {
      name: 'fixtures-only-in-tests',
      comment:
        "A module's test fixtures (test-*.ts, *-test-*.ts) load vitest, so they stay out of its public file; " +
        'tests and other fixtures import them directly, production code never.',
      severity: 'error',
      from: { pathNot: ['\\.test\\.ts$', FIXTURE] },
      to: { path: FIXTURE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    // Source extensions (dependency-cruiser maps NodeNext's ./x.js to ./x.ts itself).
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
