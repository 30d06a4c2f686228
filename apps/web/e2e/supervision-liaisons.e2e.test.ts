import { describe, expect, it } from 'vitest';
import { modalOpened, pickOption, screenshot, signIn, useBrowser } from './harness.js';

// Issue 15 through the console: the office names civil affairs' operator as 县卫生健康局's
// liaison on the 单位名录 page; the operator then finds the unit among its own (本单位任务).

const f = useBrowser(200);

describe('naming a unit’s liaison in the console', () => {
  it('the office names a liaison, who then sees the unit’s tasks', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/supervision/units`);
    const table = page.getByTestId('kt-units');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const row = table
      .locator('tbody tr.ant-table-row')
      .filter({ has: page.locator('td:first-child', { hasText: /^县卫生健康局$/ }) });
    await row.getByRole('button', { name: '指定联络员' }).click();
    await modalOpened(page);
    await pickOption(page, page.locator('.ant-modal').last().locator('.ant-select'), '县民政局 经办人');
    const named = page.waitForResponse((r) => /\/liaisons$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-modal').last().locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await named).status()).toBe(200);
    await expect.poll(() => row.textContent()).toContain('办公室指定');
    expect(await row.textContent()).toContain('县民政局 经办人');
    await screenshot(page, 'supervision-units-liaison-zh');

    await page.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
    await page.reload();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => table.textContent()).toContain('Named by the office');
    await screenshot(page, 'supervision-units-liaison-en');
    await row.getByRole('button', { name: 'Name a liaison' }).click();
    await modalOpened(page);
    await screenshot(page, 'supervision-units-liaison-modal-en');
    await page.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));

    await f.context.clearCookies();
    await signIn(page, server, 'civil');
    await page.getByTestId('nav-supervision-mine').click();
    await page.getByTestId('kt-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByTestId('kt-my-units').textContent()).toContain('县卫生健康局');
    await screenshot(page, 'supervision-units-liaison-tasks');
  });
});
