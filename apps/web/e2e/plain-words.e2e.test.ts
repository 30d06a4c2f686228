// Every page of the console and the resident portal, in Chinese and in English, as the demo roles
// see them: no untranslated key, internal code, English word in the Chinese interface, "1 years",
// bare region code or 0001-01-01 (issue 12). And the 2014 child's birth-grant trace in plain words.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { decryptField, encryptField } from '../../server/src/crypto/pii.js';
import { DEMO_PASSWORD, RESULTS_DIR, screenshot, signIn, useBrowser, type E2EServer } from './harness.js';
import { bareRegionCodes, problemsIn, visibleText, type Lang } from './plain-words.js';

const f = useBrowser(1500);
const LANGS: readonly Lang[] = ['zh-CN', 'en'];

async function setLang(page: Page, lang: Lang): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cradle.lang', l), lang);
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's requests in flight, so a walk knows when a page's data has arrived. */
function track(page: Page): Set<unknown> {
  let pending = inFlight.get(page);
  if (!pending) {
    const set = new Set<unknown>();
    page.on('request', (r) => set.add(r));
    page.on('requestfinished', (r) => set.delete(r));
    page.on('requestfailed', (r) => set.delete(r));
    inFlight.set(page, set);
    pending = set;
  }
  return pending;
}

/** Opens a path and waits until its data has arrived: twice in a row no request in flight and no spinner. */
async function open(page: Page, url: string): Promise<void> {
  const pending = track(page);
  await page.goto(url);
  let quiet = 0;
  await expect
    .poll(async () => {
      const busy =
        pending.size > 0 || (await page.locator('.ant-spin[aria-busy="true"], .ant-skeleton-active').count()) > 0;
      quiet = busy ? 0 : quiet + 1;
      return quiet;
    })
    .toBeGreaterThanOrEqual(2);
}

/** The problems of the page now shown, each prefixed with where it was seen. */
async function problemsOnPage(page: Page, lang: Lang, where: string): Promise<string[]> {
  const text = await visibleText(page);
  const accounts = f.server.users.map((u) => u.username);
  const bare = (await bareRegionCodes(page)).map((c) => `region code without its name: ${c}`);
  return [...problemsIn(text, lang, accounts), ...bare].map((p) => `${lang} ${where}: ${p}`);
}

/** Visits each path in both languages; returns every problem seen. */
async function walk(
  page: Page,
  server: E2EServer,
  paths: readonly string[],
  opts: { shoot?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  for (const lang of LANGS) {
    await setLang(page, lang);
    for (const path of paths) {
      await open(page, `${server.baseUrl}${path}`);
      problems.push(...(await problemsOnPage(page, lang, path)));
      // New pages are looked at as users see them: a full-page screenshot at 1366 px per language.
      if (opts.shoot) await screenshot(page, `page${path.replaceAll('/', '-')}-${lang}`);
    }
  }
  return problems;
}

/** A child born in 2014, second of its mother, Yunnan hukou; the mother alive, with her ID number. */
async function child2014(server: E2EServer) {
  const [row] = await server.database.query<{
    child: number;
    child_name: string;
    mother: number;
    name: string;
    id_cipher: Buffer;
  }>(
    `SELECT c.id AS child, c.name AS child_name, m.id AS mother, m.name, m.id_cipher
       FROM persons c
       JOIN relationships r ON r.to_person_id = c.id AND r.kind = 'mother'
       JOIN persons m ON m.id = r.from_person_id
      WHERE c.birth_date BETWEEN '2014-01-01' AND '2014-12-31' AND c.parity = 2 AND c.death_date IS NULL
        AND c.hukou_region_code LIKE '53%' AND m.death_date IS NULL AND c.household_id IS NOT NULL
      ORDER BY c.id LIMIT 1`,
  );
  if (!row) throw new Error('no second child born in 2014 in the demo population');
  return {
    childId: Number(row.child),
    childName: row.child_name,
    motherId: Number(row.mother),
    motherName: row.name,
    motherIdNumber: decryptField(server.keys.piiEncryption, 'idNumber', row.id_cipher),
  };
}

/** An application for the national subsidy, by the township worker, for a child of the township under 3. */
async function applyAsTownship(server: E2EServer): Promise<void> {
  const [child] = await server.database.query<{ id: number }>(
    `SELECT id FROM persons WHERE hukou_region_code LIKE $1 AND birth_date > now() - interval '2 years'
      AND death_date IS NULL ORDER BY id LIMIT 1`,
    [`${server.scope.township}%`],
  );
  if (!child) throw new Error('no child under 2 in the township');
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '10.9.0.2',
    payload: { username: 'township', password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'cradle_session')!;
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/applications',
    payload: { scheme: 'national.childcareSubsidy', beneficiaryId: Number(child.id), applicantName: '王芳' },
    headers: { cookie: `cradle_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken },
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** A 失独 file proposed by the township worker: a mother of one child in the township, the child's death recorded. */
async function proposeSpecialFamily(server: E2EServer): Promise<number> {
  const [row] = await server.database.query<{ child: number; id_cipher: Buffer }>(
    `SELECT c.id AS child, c.id_cipher FROM relationships r JOIN persons m ON m.id = r.from_person_id JOIN persons c ON c.id = r.to_person_id
      WHERE r.kind = 'mother' AND m.residence_region_code LIKE $1 AND m.death_date IS NULL
        AND (SELECT count(*) FROM relationships o WHERE o.from_person_id IN
              (SELECT p.from_person_id FROM relationships p WHERE p.to_person_id = c.id AND p.kind IN ('mother', 'father'))
              AND o.kind IN ('mother', 'father') AND o.to_person_id <> c.id) = 0
      ORDER BY c.id LIMIT 1`,
    [`${server.scope.township}%`],
  );
  if (!row) throw new Error('no only child in the township');
  const [died] = await server.database.query<{ d: string }>(
    'UPDATE persons SET death_date = birth_date + 1 WHERE id = $1 RETURNING death_date::text AS d',
    [row.child],
  );
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '10.9.0.3',
    payload: { username: 'township', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'cradle_session')!;
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/special-families',
    payload: {
      childIdNumber: decryptField(server.keys.piiEncryption, 'idNumber', row.id_cipher),
      kind: 'bereaved',
      eventDate: died!.d,
      needs: ['livingAlone'],
      contacts: [
        { role: 'worker', name: '熊梅', username: 'village' },
        { role: 'doctor', name: '王医生', organisation: '保和镇卫生院', phone: '13800001111' },
      ],
    },
    headers: { cookie: `cradle_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken },
  });
  expect(res.statusCode, res.body).toBe(200);
  return Number(res.json().id);
}

/** The paths of the detail pages a list links to (its first few rows), read from the page. */
async function linksOn(page: Page, url: string, prefix: string, max: number): Promise<string[]> {
  await open(page, url);
  const hrefs = await page
    .locator(`a[href^="${prefix}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.length > prefix.length))].slice(0, max);
}

describe('plain words on every page (issue 12)', () => {
  it('the 2014 child is told in plain words why the birth grant is not theirs, in both languages', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const { childId } = await child2014(server);
    await signIn(page, server, 'county');
    const expected = {
      'zh-CN': ['云南省一次性生育补贴', '出生日期 2014-', '早于本补贴起始日期 2023-01-01'],
      en: ['Yunnan one-time birth grant', 'born 2014-', "before the scheme's start 2023-01-01"],
    } as const;
    for (const lang of LANGS) {
      await setLang(page, lang);
      await open(page, `${server.baseUrl}/persons/${childId}`);
      await page.getByTestId('eligibility-scheme').click();
      await page.locator('.ant-select-item-option', { hasText: expected[lang][0] }).click();
      await page.getByTestId('eligibility-check').click();
      const step = page.locator('[data-testid=trace-step][data-check=bornOnOrAfter]');
      await step.waitFor();
      const text = (await step.textContent()) ?? '';
      expect(text).toContain(expected[lang][1]);
      expect(text).toContain(expected[lang][2]);
      expect(text).not.toMatch(/bornFrom|参数/);
      const problems = await problemsOnPage(page, lang, `/persons/${childId}`);
      await screenshot(page, `plain-words-trace-${lang}`);
      if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
      expect(problems.join('\n')).toBe('');
    }
  });

  it('the administrator’s pages: dashboard, registry, import, audit log, calendar', async () => {
    const { page, server } = f;
    const { childId, motherId } = await child2014(server);
    await signIn(page, server, 'admin');
    const paths = ['/', '/persons', `/persons/${childId}`, `/persons/${motherId}`, '/import', '/audit', '/calendar'];
    const problems = await walk(page, server, paths);
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  // Every scheme's page in two languages (180 s): the list grows with the schemes.
  it('the county’s pages: every scheme, applications, payment cycles', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    const schemes = await linksOn(page, `${server.baseUrl}/schemes`, '/schemes/', 20);
    expect(schemes.length).toBeGreaterThan(3);
    const paths = ['/schemes', ...schemes, '/applications', '/payment-cycles'];
    const problems = await walk(page, server, paths);
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  }, 180_000);

  it('the monitoring pages and life events (issue 13)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const problems: string[] = [];
    await signIn(page, server, 'county');
    problems.push(
      ...(await walk(page, server, ['/monitoring/plans', '/monitoring/reported-values', '/monitoring/warnings'], {
        shoot: true,
      })),
    );
    await f.context.clearCookies();
    await signIn(page, server, 'admin');
    problems.push(...(await walk(page, server, ['/service-accounts'], { shoot: true })));
    await f.context.clearCookies();
    await signIn(page, server, 'hospital');
    problems.push(...(await walk(page, server, ['/life-events'], { shoot: true })));
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the special-family register and the family-size check (issue 16)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const id = await proposeSpecialFamily(server);
    const problems: string[] = [];
    await signIn(page, server, 'township');
    problems.push(...(await walk(page, server, ['/special-families', `/special-families/${id}`], { shoot: true })));
    await f.context.clearCookies();
    await signIn(page, server, 'county');
    problems.push(...(await walk(page, server, ['/special-families', `/special-families/${id}`])));
    await f.context.clearCookies();
    await signIn(page, server, 'housing');
    problems.push(...(await walk(page, server, ['/family-size-check'], { shoot: true })));
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the annual reports and the self-evaluation (issue 15)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const problems: string[] = [];
    await signIn(page, server, 'county');
    // The county opens 2025 (as its button does) and the self-evaluation, through its session.
    const reportId = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const post = (url: string, body: object) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
      await post('/api/annual-reports/open', { year: 2025 });
      await post('/api/self-evaluations', { year: 2025 });
      const list = (await (await fetch('/api/annual-reports?year=2025')).json()) as { rows: { id: number }[] };
      return list.rows[0]!.id;
    });
    problems.push(
      ...(await walk(
        page,
        server,
        ['/annual-reports?year=2025', `/annual-reports/${reportId}`, '/self-evaluation?year=2025'],
        {
          shoot: true,
        },
      )),
    );
    await f.context.clearCookies();
    await signIn(page, server, 'township');
    problems.push(...(await walk(page, server, ['/annual-reports?year=2025', `/annual-reports/${reportId}`])));
    await f.context.clearCookies();
    await signIn(page, server, 'education');
    problems.push(...(await walk(page, server, ['/self-evaluation?year=2025'])));
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the childcare pages: filing, review queue, institutions, public disclosure (issue 14)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const problems: string[] = [];
    await signIn(page, server, 'institution');
    problems.push(...(await walk(page, server, ['/childcare/mine'], { shoot: true })));
    // A filing as the form sends it, through the signed-in session.
    const uscc17 = '91533423MA6KPW001';
    const id = await page.evaluate(
      async ({ uscc, day }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const staff = ['和春梅', '李秀英', '王丽华'].map((name, i) => ({
          name,
          post: 'carer',
          qualification: '保育师',
          healthCertificateNo: `JK${i}`,
          healthCertificateIssuedOn: day,
          healthCertificateValidUntil: '2099-12-31',
        }));
        const res = await fetch('/api/childcare/filings', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            content: {
              name: '保和镇阳光托育中心',
              uscc,
              registrationAuthority: 'marketRegulation',
              type: 'community',
              operatorForm: 'private',
              regionCode: '533423101',
              address: '保和镇新华街8号',
              premisesArea: 300,
              establishedOn: day,
              slots: 30,
              affordableSlots: 20,
              monthlyFeeFen: 120000,
              affordableFeeFen: 80000,
              classes: [
                { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
                { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
              ],
              staff: [...staff, ...staff.map((s) => ({ ...s, healthCertificateNo: `${s.healthCertificateNo}9` }))],
            },
          }),
        });
        return ((await res.json()) as { id: number }).id;
      },
      { uscc: uscc17 + computeUsccCheckCharacter(uscc17), day: chinaDateOf(new Date()) },
    );
    expect(id).toBeGreaterThan(0);
    problems.push(...(await walk(page, server, ['/childcare/mine', `/childcare/institutions/${id}`], { shoot: true })));
    await f.context.clearCookies();
    await signIn(page, server, 'county');
    problems.push(
      ...(await walk(page, server, ['/childcare/filings', '/childcare/institutions', `/childcare/institutions/${id}`], {
        shoot: true,
      })),
    );
    await open(page, `${server.baseUrl}/childcare/filings`);
    await page.getByTestId('cc-queue').locator('button.ant-btn-primary').first().click();
    const done = page.waitForResponse((r) =>
      /\/api\/childcare\/filings\/\d+\/complete$/.test(new URL(r.url()).pathname),
    );
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    expect((await done).status()).toBe(200);
    // The awards paid to institutions (issue 14, second slice): a filed centre, nothing set yet.
    problems.push(...(await walk(page, server, ['/childcare/awards'], { shoot: true })));
    await f.context.clearCookies();
    problems.push(...(await walk(page, server, ['/m/childcare'], { shoot: true })));
    await open(page, `${server.baseUrl}/m/childcare`);
    expect(await page.getByTestId('cc-public-item').count()).toBe(1);
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the childcare supervision pages: list, an institution, education’s view (issue 14)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const problems: string[] = [];
    await f.context.clearCookies();
    await signIn(page, server, 'county');
    // The centre the filing walk above filed, with a failed fire inspection, a rating and an incident.
    const id = await page.evaluate(async (day) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const post = (url: string, body: unknown) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
      const list = (await (await fetch('/api/childcare/institutions?status=filed')).json()) as {
        items: { id: number }[];
      };
      const institutionId = list.items[0]!.id;
      const items = ['fire.exits', 'fire.extinguishers', 'fire.alarm', 'fire.drills'];
      await post('/api/childcare/inspections', {
        institutionId,
        area: 'fire',
        inspectedOn: day,
        findings: items.map((item, i) =>
          i === 0 ? { item, result: 'fail', note: '安全出口堆放杂物', dueOn: '2099-12-31' } : { item, result: 'pass' },
        ),
      });
      await post('/api/childcare/ratings', { institutionId, year: Number(day.slice(0, 4)), grade: 'good' });
      await post('/api/childcare/incidents', {
        institutionId,
        occurredOn: day,
        severity: 'ordinary',
        summary: '幼儿摔倒擦伤',
        injured: 1,
        deaths: 0,
      });
      return institutionId;
    }, chinaDateOf(new Date()));
    problems.push(
      ...(await walk(page, server, ['/childcare/supervision', `/childcare/supervision/${id}`], { shoot: true })),
    );
    await f.context.clearCookies();
    await signIn(page, server, 'education');
    problems.push(...(await walk(page, server, ['/childcare/supervision'])));
    await f.context.clearCookies();
    await signIn(page, server, 'institution');
    problems.push(...(await walk(page, server, [`/childcare/supervision/${id}`], { shoot: true })));
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the township’s and a department’s queues', async () => {
    const { page, server } = f;
    const problems: string[] = [];
    await applyAsTownship(server);
    await signIn(page, server, 'township');
    const applications = await linksOn(page, `${server.baseUrl}/applications`, '/applications/', 1);
    expect(applications).toHaveLength(1);
    problems.push(...(await walk(page, server, ['/applications', ...applications])));
    const registrations = await linksOn(
      page,
      `${server.baseUrl}/childbirth-registrations`,
      '/childbirth-registrations/',
      2,
    );
    problems.push(...(await walk(page, server, ['/childbirth-registrations', ...registrations])));
    await f.context.clearCookies();
    await signIn(page, server, 'hospital');
    const tasks = await linksOn(page, `${server.baseUrl}/bundle-tasks`, '/bundle-tasks/', 2);
    problems.push(...(await walk(page, server, ['/bundle-tasks', ...tasks])));
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the resident portal, the 2014 child’s trace among 我的补贴', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 375, height: 812 });
    const mother = await child2014(server);
    const phone = '13987651214';
    await server.database.query('UPDATE persons SET phone_cipher = $2 WHERE id = $1', [
      mother.motherId,
      encryptField(server.keys.piiEncryption, 'phone', phone),
    ]);
    const problems: string[] = [];
    await open(page, `${server.baseUrl}/m`);
    problems.push(...(await problemsOnPage(page, 'zh-CN', '/m/sign-in')));
    await page.getByTestId('portal-phone').fill(phone);
    const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/portal/code');
    await page.getByTestId('portal-send-code').click();
    expect((await sent).status()).toBe(204);
    await page.getByTestId('portal-code').fill(server.sms.lastCode(phone));
    await page.getByTestId('portal-sign-in-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/m/binding');
    problems.push(...(await problemsOnPage(page, 'zh-CN', '/m/binding')));
    await page.getByTestId('portal-binding-name').fill(mother.motherName);
    await page.getByTestId('portal-binding-id').fill(mother.motherIdNumber);
    await page.getByTestId('portal-binding-submit').click();
    await page.getByTestId('portal-family').waitFor();

    for (const lang of LANGS) {
      await setLang(page, lang);
      for (const path of ['/m', '/m/notifications', '/m/registrations/new', '/m/bundles/new']) {
        await open(page, `${server.baseUrl}${path}`);
        problems.push(...(await problemsOnPage(page, lang, path)));
      }
      await open(page, `${server.baseUrl}/m/benefits`);
      const toggles = page.getByTestId('portal-benefit-toggle');
      for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
      problems.push(...(await problemsOnPage(page, lang, '/m/benefits')));
      const grant = page
        .getByTestId('portal-benefits-child')
        .filter({ hasText: mother.childName })
        .locator('[data-scheme="yunnan.birthGrant"]');
      const saw = (await grant.getByTestId('portal-benefit-saw').allTextContents()).join('\n');
      expect(saw).toContain(
        lang === 'zh-CN' ? '早于本补贴起始日期 2023-01-01' : "before the scheme's start 2023-01-01",
      );
      expect(saw).not.toMatch(/bornFrom|参数/);
      await grant.screenshot({ path: path.join(RESULTS_DIR, `plain-words-portal-grant-${lang}.png`) });
    }
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });

  it('the plan-supervision pages: key tasks, board, units, meetings, a liaison’s tasks (issue 15)', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const [task] = await server.database.query<{ id: number }>(
      'SELECT id::int AS id FROM supervision_tasks WHERE number = 18',
    );
    const problems: string[] = [];
    await signIn(page, server, 'county');
    problems.push(
      ...(await walk(
        page,
        server,
        [
          '/supervision/tasks',
          `/supervision/tasks/${task!.id}`,
          '/supervision/board',
          '/supervision/units',
          '/supervision/meetings',
        ],
        { shoot: true },
      )),
    );
    await f.context.clearCookies();
    await signIn(page, server, 'liaison');
    problems.push(
      ...(await walk(page, server, ['/supervision/mine', `/supervision/tasks/${task!.id}`], { shoot: true })),
    );
    if (problems.length) console.log(`PROBLEMS\n${problems.join('\n')}`);
    expect(problems.join('\n')).toBe('');
  });
});
