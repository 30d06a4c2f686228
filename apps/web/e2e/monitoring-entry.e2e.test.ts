import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, screenshot, signIn, useBrowser } from './harness.js';

// Issue 13, "Reported values": a department operator reports an indicator's numerator and
// denominator, corrects it with a reason (a new version, the old one kept), and a bad value gets
// its message and changes nothing.
const f = useBrowser(200);

const numberInput = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe('上报数据 (issue 13)', () => {
  it('an education operator reports a value, corrects it with a reason, and the history shows both', async () => {
    const { page, server } = f;
    await signIn(page, server, 'education');
    await page.getByTestId('nav-monitoring-reported').click();
    await page.getByTestId('reported-form').waitFor();

    await pickOption(page, page.getByTestId('reported-indicator'), '普惠性幼儿园覆盖率');
    await page.getByTestId('reported-period').fill('2025');
    await numberInput(page, 'reported-numerator').fill('800');
    await numberInput(page, 'reported-denominator').fill('1000');
    await page.getByTestId('reported-enter').click();
    const history = page.getByTestId('reported-history');
    await expect.poll(() => history.textContent()).toContain('800');
    await page.keyboard.press('Escape');

    await numberInput(page, 'reported-numerator').fill('850');
    await page.getByTestId('reported-reason').fill('漏报两所普惠园');
    await page.getByTestId('reported-correct').click();
    await expect.poll(() => history.textContent()).toContain('漏报两所普惠园');
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('第 2 版');
    expect(text).toContain('800');
    expect(text).toContain('850');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'monitoring-entry-history-zh');
    await page.keyboard.press('Escape');

    // A part above its whole: the message, and nothing written.
    await numberInput(page, 'reported-numerator').fill('1200');
    await page.getByTestId('reported-correct').click();
    await expect.poll(() => page.getByTestId('reported-page').textContent()).toContain('不能大于在园幼儿总数');
    const list = await page.request.get(`${server.baseUrl}/api/monitoring/reported-values?period=2025`);
    expect((await list.json()).items.map((r: { value: number }) => r.value).sort()).toEqual([1000, 850]);
    await screenshot(page, 'monitoring-entry-error-zh');

    await page.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
    await page.reload();
    await page.getByTestId('reported-table').waitFor();
    await expect.poll(() => page.getByTestId('reported-table').textContent()).toContain('850');
    await screenshot(page, 'monitoring-entry-en');
  });
});
