import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { modalOpened, pickOption, RESULTS_DIR, signIn, useBrowser, VILLAGE } from './harness.js';

const f = useBrowser();

const SCHEME_NAME = '国家育儿补贴';
const CHILD = '打印甲';
const OPINION = '材料齐全，同意上报县级审核';
// Where the PDFs and images of this file go; CRADLE_SHOTS_DIR puts them somewhere to look at.
const OUT = process.env.CRADLE_SHOTS_DIR ?? RESULTS_DIR;

let childId = 0;
let applicationId = 0;
beforeAll(async () => {
  const rows = await f.server.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ($1, 'female', '2024-06-01', 'resident', '\\x00', $2, '533423********0042', $3, $3, 2, 'test', '') RETURNING id`,
    [CHILD, Buffer.from('e2e0b001', 'hex'), VILLAGE],
  );
  childId = Number(rows[0]!.id);
  await countPrints(f.context);
});

/** window.print() counts instead of opening a dialog, so a test can see that a view asked for it. */
async function countPrints(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });
}

async function savePdf(page: Page, name: string): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  return file;
}

/** Opens the print view from the page's 打印 button: a new tab, the document, one print() call. */
async function openPrintView(page: Page): Promise<Page> {
  const [view] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('print-button').click()]);
  await view.waitForLoadState();
  return view;
}

/** The foot of every printed page (print.css puts this property in the page's bottom margin). */
const printedAt = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cradle-printed-at').trim());

const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

describe('print', () => {
  it('prints an application with its trace, its review history and places to sign, without the console around it', async () => {
    const { page, server } = f;
    // A village worker applies for the child…
    await signIn(page, server, 'village');
    await page.goto(`${server.baseUrl}/persons/${childId}`);
    await page.getByTestId('apply-button').click();
    await modalOpened(page);
    await pickOption(page, page.getByTestId('apply-scheme'), SCHEME_NAME);
    await page.getByTestId('apply-applicant').fill('打印母亲');
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('application-result').waitFor();
    applicationId = Number(await page.getByTestId('application-result').getAttribute('data-id'));

    // …the township rejects it with an opinion, so the history has a reviewer, a decision and words.
    const township = await f.newPage();
    await countPrints(township.context());
    await signIn(township, server, 'township');
    await township.goto(`${server.baseUrl}/applications/${applicationId}`);
    await township.getByTestId('application-reject').click();
    await modalOpened(township);
    await township.getByTestId('reject-reason').fill(OPINION);
    await township.getByTestId('reject-confirm').click();
    await township.getByTestId('application-rejection-reason').waitFor();

    // On paper the console's page loses its sidebar, header and buttons and gains the printed-at line.
    await township.emulateMedia({ media: 'print' });
    expect(await township.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await township.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await township.getByTestId('print-button').isVisible()).toBe(false);
    expect(await printedAt(township)).toMatch(/^"打印单位：保和镇 · 打印人：乡镇计生专干 和丽 · 打印时间：\d{4}-/);
    await township.emulateMedia({ media: 'screen' });
    expect(await township.locator('.ant-layout-sider').isVisible()).toBe(true);

    const view = await openPrintView(township);
    const doc = view.getByTestId('application-print');
    await doc.waitFor();
    expect(new URL(view.url()).pathname).toBe(`/applications/${applicationId}/print`);
    await expect.poll(() => printed(view)).toBe(1);
    await view.emulateMedia({ media: 'print' });
    expect(await view.locator('.ant-layout-sider').count()).toBe(0);
    expect(await view.getByTestId('print-now').isVisible()).toBe(false);

    const text = (await doc.textContent()) ?? '';
    expect(await doc.locator('h1').textContent()).toBe('补贴申请表');
    expect(text).toContain(CHILD);
    expect(text).toContain('533423********0042');
    expect(text).toContain('打印母亲');
    expect(text).toContain('南路社区居民委员会');
    expect(text).toContain(SCHEME_NAME);
    // The trace in words: each rule, what it saw, its clause.
    const steps = doc.getByTestId('print-trace-step');
    expect(await steps.count()).toBe(3);
    expect(await steps.first().textContent()).toMatch(/^满足：.+所见：.+依据：/);
    // The review history: submitted by the village, rejected by the township with its opinion.
    const history = doc.getByTestId('print-decisions').locator('tbody tr');
    expect(await history.count()).toBe(2);
    const rejected = (await history.nth(1).locator('td').allTextContents()).map((s) => s.trim());
    expect(rejected.slice(1, 3)).toEqual(['乡(镇)、街道审核', '驳回']);
    expect(rejected[3]).not.toBe('—');
    expect(rejected[4]).toBe(OPINION);
    expect(rejected[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Places to sign for the applicant and each review level, and for the office stamp.
    const signatures = (await doc.getByTestId('print-signatures').textContent()) ?? '';
    expect(signatures).toContain('申请人（签字）');
    expect(signatures).toContain('乡(镇)、街道审核：审核人（签字）');
    expect(await printedAt(view)).toContain('打印单位：保和镇');
    expect(signatures).toContain('盖章处');
    // Nothing untranslated or internal on the Chinese sheet.
    expect(text).not.toMatch(/[A-Za-z]{3,}/);

    expect(await savePdf(view, 'application-print-zh-CN')).toMatch(/\.pdf$/);
    await view.setViewportSize({ width: 1366, height: 900 });
    await view.screenshot({ path: path.join(OUT, 'application-print-zh-CN-print-media.png'), fullPage: true });

    // The same sheet in English.
    await view.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
    await view.reload();
    await doc.waitFor();
    expect(await doc.locator('h1').textContent()).toBe('Subsidy application');
    expect(await doc.getByTestId('print-signatures').textContent()).toContain('Applicant (signature)');
    await savePdf(view, 'application-print-en');
    await view.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));

    // A list page on paper at 1366 px: no sidebar, no pager, the table whole.
    await township.setViewportSize({ width: 1366, height: 900 });
    await township.goto(`${server.baseUrl}/applications`);
    await township.getByTestId('applications-table').waitFor();
    await expect.poll(() => township.locator('.ant-spin-blur').count()).toBe(0);
    await township.emulateMedia({ media: 'print' });
    expect(await township.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await township.locator('.ant-pagination').isVisible()).toBe(false);
    await township.screenshot({ path: path.join(OUT, 'applications-list-print-1366.png'), fullPage: true });
    await savePdf(township, 'applications-list-print');
  });

  it('prints a person record as the detail page shows it: masked ID number, household and relatives', async () => {
    const { page, server } = f;
    await signIn(page, server, 'village');
    await page.goto(`${server.baseUrl}/persons/${childId}`);
    await page.getByTestId('person-detail').waitFor();
    const view = await openPrintView(page);
    const doc = view.getByTestId('person-print');
    await doc.waitFor();
    await expect.poll(() => printed(view)).toBe(1);
    expect(await doc.locator('h1').textContent()).toBe('人员信息表');
    const text = (await doc.textContent()) ?? '';
    expect(text).toContain(CHILD);
    expect(text).toContain('533423********0042');
    expect(text).toContain('2024-06-01');
    // Printing is not a reveal: no reveal button, no call to reveal.
    expect(await doc.getByTestId('reveal-button').count()).toBe(0);
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    await view.emulateMedia({ media: 'print' });
    await savePdf(view, 'person-print-zh-CN');

    // The person search on paper at 1366 px: no sidebar or pager, the table whole, no sideways scroll.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.baseUrl}/persons`);
    const rows = page.getByTestId('person-results').locator('tr.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.locator('.ant-pagination').first().isVisible()).toBe(false);
    const content = page.getByTestId('person-results').locator('.ant-table-content').first();
    const overflow = await content.evaluate((e) => ({
      style: getComputedStyle(e).overflowX,
      over: e.scrollWidth - e.clientWidth,
    }));
    expect(overflow).toEqual({ style: 'visible', over: 0 });
    await page.screenshot({ path: path.join(OUT, 'persons-list-print-1366.png'), fullPage: true });
    await savePdf(page, 'persons-list-print');
  });
});
