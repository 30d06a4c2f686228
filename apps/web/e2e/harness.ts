// Browser-test harness: the real server, in this process, on a fresh database, serving the
// built console; and a headless Chromium (Debian's, driven by playwright-core) to use it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requiresTwoFactor } from '@cradle/domain';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { totpAt } from '../../server/src/auth/totp.js';
import { loadConfig, repoRoot } from '../../server/src/config.js';
import { deriveKeys, type Keys } from '../../server/src/crypto/keys.js';
import { createPii } from '../../server/src/crypto/pii.js';
import type { Database } from '../../server/src/db/client.js';
import { loadDemoPopulation } from '../../server/src/demo/load.js';
import { createUser } from '../../server/src/auth/users.js';
import { DEMO_PASSWORD, demoUsers, type DemoUser } from '../../server/src/demo/users.js';
import { createTestDatabase, TEST_SCOPE } from '../../server/src/test/db.js';
import { demoPasswordHash } from '../../server/src/test/app.js';
import { createRecordingSms } from '../../server/src/test/sms.js';
import { createTestClock, type TestClock } from '../../server/src/test/clock.js';
import { ensureSupervisionSeed } from '../../server/src/supervision/index.js';

export { DEMO_PASSWORD };

/** The signed-in user's township, the other township, and a village of the first (as in createTestApp). */
export const TOWNSHIP = '533423101'; // 保和镇
export const OTHER_TOWNSHIP = '533423102'; // 叶枝镇
export const VILLAGE = '533423101001'; // 南路社区居民委员会

/**
 * Where a test deployment works: its county (the scope whose region tree and population are
 * loaded), the township and village the demo users of those levels work in, and a second township.
 */
export interface Deployment {
  county: string;
  township: string;
  otherTownship: string;
  village: string;
}

/** The default deployment: 维西 (as createTestApp). */
export const WEIXI: Deployment = {
  county: TEST_SCOPE,
  township: TOWNSHIP,
  otherTownship: OTHER_TOWNSHIP,
  village: VILLAGE,
};

export const WEB_DIST = path.join(repoRoot, 'apps/web/dist');
export const RESULTS_DIR = path.join(repoRoot, 'test-results');

export interface E2EServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  /** The database as its owner (no row-level security): for picking test data and checking effects. */
  database: Database;
  /** The server's keys: for writing test persons whose ID numbers the server can decrypt. */
  keys: Keys;
  users: DemoUser[];
  scope: Deployment;
  /** The SMS the server sent (nothing leaves the process): `sms.lastCode(phone)` is a resident's sign-in code. */
  sms: ReturnType<typeof createRecordingSms>;
  /** The payment review's clock (a batch's notice days): move it rather than wait. */
  clock: TestClock;
  close: () => Promise<void>;
}

function assertConsoleBuilt(): void {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The console is not built: ${path.join(WEB_DIST, 'index.html')} is missing. Run \`npm run build\` first.`,
    );
  }
}

/**
 * The real app (as `npm start` builds it) on a fresh database — in-memory PGlite, or a new
 * database on TEST_DATABASE_URL — with the demo users and a small synthetic population of the
 * deployment's county, serving apps/web/dist and listening on 127.0.0.1 on a free port.
 */
export async function startServer(populationSize = 3000, scope: Deployment = WEIXI): Promise<E2EServer> {
  assertConsoleBuilt();
  const { database, cleanup } = await createTestDatabase(scope.county);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cradle-e2e-'));
  let app: FastifyInstance | undefined;
  try {
    const keys = deriveKeys(randomBytes(32));
    await assertRegionsOf(database, scope);
    const users = demoUsers(scope.county, scope.township, scope.otherTownship, scope.village);
    const hashed = await demoPasswordHash();
    for (const u of users) await createUser(database, keys, u, DEMO_PASSWORD, hashed);
    await ensureSupervisionSeed(database, scope.county);
    await loadDemoPopulation(database, createPii(keys), scope.county, populationSize, new Date());
    const config = {
      ...loadConfig({}),
      demo: true,
      webDist: WEB_DIST,
      dataDir,
      host: '127.0.0.1',
      port: 0,
      scopeCode: scope.county,
    };
    const sms = createRecordingSms();
    const clock = createTestClock();
    app = await buildApp({ config, database, keys, sms, now: clock.now });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const running = app;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      app: running,
      database,
      keys,
      users,
      scope,
      sms,
      clock,
      close: async () => {
        await running.close();
        await cleanup();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await app?.close();
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Refuses a deployment whose townships are not its county's, or whose village is not its township's. */
async function assertRegionsOf(database: Database, scope: Deployment): Promise<void> {
  const parents = {
    [scope.township]: scope.county,
    [scope.otherTownship]: scope.county,
    [scope.village]: scope.township,
  };
  const found = await database.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM regions WHERE code = ANY($1)',
    [Object.keys(parents)],
  );
  for (const [code, parent] of Object.entries(parents)) {
    if (!found.some((r) => r.code === code && r.parent_code === parent))
      throw new Error(`deployment ${JSON.stringify(scope)}: ${code} is no region directly under ${parent}`);
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium; Playwright gives each launch a fresh temporary user-data-dir. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserFixture {
  server: E2EServer;
  browser: Browser;
  /** The file's browser context; cookies and storage are cleared before each test. */
  context: BrowserContext;
  /** A new tab for the current test, signed out, in the default language. */
  page: Page;
  /** Uncaught errors in the pages during the current test. */
  pageErrors: Error[];
  /** A page in a context of its own (own cookies), e.g. to act as a second user in the same test. */
  newPage: () => Promise<Page>;
}

const CONTEXT_OPTIONS = {
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

export interface BrowserOptions {
  /** Persons in the synthetic population (3,000 by default). */
  populationSize?: number;
  /** The deployment's county and its users' township and village (维西 by default). */
  scope?: Deployment;
}

/**
 * Registers the hooks of a browser test file: one server, one browser and one context for
 * the file (the context keeps its HTTP cache, which halves page loads on a small machine;
 * cookies and storage are cleared before each test), a screenshot in test-results/ when a
 * test fails, and a check that the page threw no uncaught error.
 */
export function useBrowser(options: number | BrowserOptions = {}): BrowserFixture {
  const { populationSize, scope } =
    typeof options === 'number' ? { populationSize: options, scope: undefined } : options;
  const f = { pageErrors: [] as Error[] } as unknown as BrowserFixture;
  let extraContexts: BrowserContext[] = [];

  const track = (page: Page) => {
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => f.pageErrors.push(e));
    return page;
  };

  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([startServer(populationSize, scope), launchBrowser()]);
    if (server.status === 'fulfilled') f.server = server.value;
    if (browser.status === 'fulfilled') f.browser = browser.value;
    // afterAll closes whichever of the two did start.
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
    f.context = await f.browser.newContext(CONTEXT_OPTIONS);
    f.newPage = async () => {
      const context = await f.browser.newContext(CONTEXT_OPTIONS);
      extraContexts.push(context);
      return track(await context.newPage());
    };
  });
  afterAll(async () => {
    await f.browser?.close();
    await f.server?.close();
  });
  beforeEach(async () => {
    f.pageErrors.length = 0;
    await f.context.clearCookies();
    f.page = track(await f.context.newPage());
    // Forget the language choice and anything else a previous test left in storage.
    await f.page.goto(`${f.server.baseUrl}/favicon.svg`);
    await f.page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && f.page && !f.page.isClosed()) {
      await screenshot(f.page, `FAILED ${ctx.task.name}`).catch(() => undefined);
    }
    await f.page?.close();
    const closing = extraContexts;
    extraContexts = [];
    await Promise.all(closing.map((c) => c.close()));
    expect(
      f.pageErrors.map((e) => e.message),
      'uncaught errors in the page',
    ).toEqual([]);
  });
  return f;
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function demoUser(server: E2EServer, username: string): DemoUser {
  const u = server.users.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}

const usedTotpSteps = new WeakMap<E2EServer, Map<string, number>>();

/**
 * A code from a demo user's authenticator that the server has not accepted yet. Codes are good
 * once (the server keeps the last step used) and for ±1 30-second step, so a file that signs in
 * as the same user several times moves forward a step each time, waiting when it must.
 */
export async function freshTotp(server: E2EServer, username: string): Promise<string> {
  const secret = demoUser(server, username).totpSecret;
  if (!secret) throw new Error(`${username} has no second factor`);
  const used = usedTotpSteps.get(server) ?? usedTotpSteps.set(server, new Map()).get(server)!;
  for (;;) {
    const ms = Date.now();
    const now = Math.floor(ms / 30_000);
    const left = 30_000 - (ms % 30_000);
    // The previous step stays good until the end of this one: use it only with time to spare.
    const step = Math.max(left > 10_000 ? now - 1 : now, (used.get(username) ?? -Infinity) + 1);
    if (step <= now + 1) {
      used.set(username, step);
      return totpAt(secret, step * 30_000);
    }
    await new Promise((r) => setTimeout(r, left + 100));
  }
}

/**
 * Signs in through the login page (with the TOTP code when the account needs one) and waits
 * for the dashboard. The server allows 10 sign-in requests a minute from one address, and an
 * account with a second factor takes two: keep a test file under that.
 */
export async function signIn(page: Page, server: E2EServer, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // The login asks for a code by role (administrators); finance holds a secret too, for step-up only.
  if (requiresTwoFactor(demoUser(server, username).roles)) {
    const otp = page.getByTestId('login-totp').locator('input').first();
    await otp.waitFor();
    await otp.fill(await freshTotp(server, username));
    await page.getByTestId('login-submit').click();
  }
  // Staff land on the dashboard; a childcare institution's account on its own filing page (issue 14).
  await page.locator('[data-testid="stat-population"], [data-testid="nav-childcare-mine"]').first().waitFor();
}

/** The integer a formatted figure shows ("1,234" → 1234). */
export function figure(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(digits);
}

/**
 * Searches the person registry by name through the search page and waits until the table
 * shows the answer to that search (not the listing it showed before). Returns the results.
 */
export async function searchPersonsByName(page: Page, name: string) {
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-search-name').fill(name);
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/persons' && url.searchParams.get('name') === name;
  });
  await page.getByTestId('person-search-submit').click();
  expect((await answered).status()).toBe(200);
  const results = page.getByTestId('person-results');
  await expect
    .poll(() => page.locator('.ant-spin[aria-busy="true"]:has([data-testid=person-results])').count())
    .toBe(0);
  return { results, rows: results.locator('tr.ant-table-row') };
}

/** The texts of one column of an Ant Design table, found by its header. */
export async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const headers = (await table.locator('.ant-table-thead th').allTextContents()).map((h) => h.trim());
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column "${header}" among: ${headers.join(' | ')}`);
  return (await table.locator(`tr.ant-table-row > td:nth-child(${i + 1})`).allTextContents()).map((t) => t.trim());
}

/** Picks an option of an Ant Design select by its text. */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-item-option', { hasText: text }).click();
}

/** Waits for a modal's zoom-in to end: a click on a select that is still moving can miss its option. */
export async function modalOpened(page: Page): Promise<void> {
  const modal = page.locator('.ant-modal').last();
  await modal.waitFor();
  await expect.poll(async () => (await modal.getAttribute('class')) ?? '').not.toMatch(/ant-zoom/);
}
