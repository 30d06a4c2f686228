import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useBrowser } from './harness.js';

// Issue 15, through the console: the county opens 2025's township reports; 保和镇's is due
// 2025-11-30 and is overdue now; the township writes and submits it; the county accepts it; the
// 2025 self-evaluation shows live figures for the items Cradle measures and lists the items
// without evidence.

const f = useBrowser(300);

async function waitForList(page: Page, path: string) {
  return page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'GET');
}

async function setLang(page: Page, lang: 'zh-CN' | 'en') {
  await page.evaluate((l) => localStorage.setItem('cradle.lang', l), lang);
}

describe('annual reports and the self-evaluation in the console', () => {
  it('a township submits its late 2025 report and the county accepts it', async () => {
    const { page, server, context } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'county');
    let listed = waitForList(page, '/api/annual-reports');
    await page.goto(`${server.baseUrl}/annual-reports?year=2025`);
    await listed;
    listed = waitForList(page, '/api/annual-reports');
    await page.getByTestId('annual-reports-open').click();
    await listed;
    const table = page.getByTestId('annual-reports-table');
    const row = table.locator('tr', { hasText: '保和镇' });
    await expect.poll(() => row.textContent()).toContain('2025-11-30');
    expect(await row.textContent()).toContain('已逾期');
    await screenshot(page, 'annual-reports-county-zh-CN');
    await context.clearCookies();

    await signIn(page, server, 'township');
    listed = waitForList(page, '/api/annual-reports');
    await page.goto(`${server.baseUrl}/annual-reports?year=2025`);
    await listed;
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const opened = page.waitForResponse((r) => /\/api\/annual-reports\/\d+$/.test(new URL(r.url()).pathname));
    await table.getByRole('link', { name: '保和镇' }).click();
    await opened;
    await page
      .getByTestId('annual-report-body')
      .fill('保和镇2025年人口工作情况：出生登记、托育服务与特殊家庭扶助均按计划推进。');
    await screenshot(page, 'annual-report-township-zh-CN');
    const submitted = page.waitForResponse((r) => /\/submit$/.test(new URL(r.url()).pathname));
    await page.getByTestId('annual-report-submit').click();
    expect((await submitted).status()).toBe(200);
    await expect.poll(() => page.locator('h3').first().textContent()).toContain('已报送');
    const id = new URL(page.url()).pathname.split('/').pop();
    await context.clearCookies();

    await signIn(page, server, 'county');
    const detail = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/annual-reports/${id}`);
    await page.goto(`${server.baseUrl}/annual-reports/${id}`);
    await detail;
    const decided = page.waitForResponse((r) => /\/decision$/.test(new URL(r.url()).pathname));
    await page.getByTestId('annual-report-accept').click();
    expect((await decided).status()).toBe(200);
    await expect.poll(() => page.locator('h3').first().textContent()).toContain('已通过');
    await screenshot(page, 'annual-report-accepted-zh-CN');
    await setLang(page, 'en');
    const again = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/annual-reports/${id}`);
    await page.reload();
    await again;
    await expect.poll(() => page.locator('h3').first().textContent()).toContain('Accepted');
    await screenshot(page, 'annual-report-accepted-en');
    await setLang(page, 'zh-CN');
  });

  it('the 2025 self-evaluation shows live figures and lists the items without evidence', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'county');
    let loaded = waitForList(page, '/api/self-evaluations');
    await page.goto(`${server.baseUrl}/self-evaluation?year=2025`);
    await loaded;
    // Registry quality (003 三(二) 95/95/90) fills itself before anything is entered.
    await expect.poll(() => page.getByTestId('evaluation-live-2.8').textContent()).toMatch(/\d+\.\d%/);
    expect(await page.getByTestId('evaluation-live-3.10').textContent()).toContain('个/千人');
    // 近三年无重大安全事故 reads the childcare incident log: none recorded in the demo county.
    expect(await page.getByTestId('evaluation-live-3.12').textContent()).toBe('0');
    expect(await page.getByTestId('evaluation-score').textContent()).toBe('未载入评分细则，不计分');
    const opened = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/self-evaluations' && r.request().method() === 'POST',
    );
    await page.getByTestId('evaluation-open').click();
    await opened;
    const gaps = page.getByTestId('evaluation-gaps');
    await expect.poll(() => gaps.locator('.ant-list-item').count()).toBe(46);
    expect(await gaps.textContent()).toContain('全员人口库常住人口覆盖率达到95%以上');
    await screenshot(page, 'self-evaluation-zh-CN');
    await setLang(page, 'en');
    loaded = waitForList(page, '/api/self-evaluations');
    await page.reload();
    await loaded;
    await expect
      .poll(() => page.getByTestId('evaluation-score').textContent())
      .toBe('No scoring rules loaded: not scored');
    expect(await page.getByTestId('evaluation-live-3.12').textContent()).toBe('0');
    await screenshot(page, 'self-evaluation-en');
    await setLang(page, 'zh-CN');
  });
});
