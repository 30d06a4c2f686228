// ESLint 9 flat config: typescript-eslint strict and type-aware everywhere, React hooks rules
// for the console. `npm run lint` runs it with the boundary check and prettier; see the
// "Checks" section of docs/architecture.md.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'apps/server/migrations/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Root configs belong to no workspace's tsconfig.
          allowDefaultProject: ['vitest.config.ts', 'vitest.browser.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // verbatimModuleSyntax: a type-only import must say so, or it is emitted.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Counts, ids and amounts in fen are interpolated into messages and SQL names all the time.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // noUncheckedIndexedAccess is on: `rows[0]!` after an INSERT … RETURNING and `req.user!` behind the
      // session hook state what the code knows and the types cannot. Replacing ~270 of them is its own change.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Passing on a caught error as it came (`catch (err: unknown) … reject(err)`) is not a new rejection.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // The SQL row types are declared by each query, not checked against the database: a Number() or
      // String() on a column is the runtime guarantee, not a redundant conversion.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // Fastify plugins and handlers are async by contract (a sync plugin must call done()), awaits or not.
      '@typescript-eslint/require-await': 'off',
      // `(code) => reject(err)` callbacks are idiomatic; a void result in a statement position is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string splits it into code points, which is what ID numbers and Chinese names need.
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
      // `const { omitted: _, ...rest } = row` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
      // The ideographic space (U+3000) is ordinary in Chinese text and templates.
      'no-irregular-whitespace': ['error', { skipComments: true, skipTemplates: true, skipStrings: true }],
      // Stripping control characters from untrusted headers and names is the point of those patterns.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export (STYLE.md: no default exports).' },
        {
          selector: 'ExportNamedDeclaration > ExportSpecifier[exported.name="default"]',
          message: 'Use a named export (STYLE.md: no default exports).',
        },
      ],
    },
  },
  {
    // Tools that load their config by its default export (vite, vitest, drizzle-kit, eslint).
    files: [
      'eslint.config.js',
      'vitest.config.ts',
      'vitest.browser.config.ts',
      '**/vite.config.ts',
      '**/drizzle.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read `inject().json()`, which Fastify types as any; the assertions check its shape.
    files: ['**/*.test.ts', '**/test-*.ts', '**/*-test-*.ts', 'apps/server/src/test/**', 'apps/web/e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `afterAll(() => t?.close())` must survive a beforeAll that failed before assigning t.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // Validators run on forms as users fill them in (the console validates drafts): a field typed as
    // present may be missing, and the `?? ''` guards are the point.
    files: ['packages/domain/src/family/**', 'packages/domain/src/benefits/versions.ts'],
    rules: { '@typescript-eslint/no-unnecessary-condition': 'off' },
  },
  {
    // Plain JavaScript is in no tsconfig: lint it without types.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
);
