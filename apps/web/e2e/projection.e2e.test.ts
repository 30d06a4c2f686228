import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { columnTexts, figure, screenshot, signIn, useBrowser } from './harness.js';

const f = useBrowser();

/** The table's row of a year, as cell texts. */
async function rowOf(page: Page, year: number): Promise<string[]> {
  const row = page
    .getByTestId('projection-table')
    .locator('tr.ant-table-row', { hasText: String(year) })
    .first();
  return row.locator('td').allTextContents();
}

describe('population projection (issue 13)', () => {
  it('a leader opens 人口预测: births and under 3 to 2055 in three scenarios, and the national subsidy for ten years', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'leader');
    await page.getByTestId('nav-projection').click();
    await page.getByTestId('projection-table').locator('tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('projection-notice').textContent()).toContain('本页为预测数');

    // Births (column 3) and under 3 (column 4) in 2055, in each scenario: low < medium < high.
    const births: number[] = [];
    for (const name of ['低方案', '中方案', '高方案']) {
      await page.getByTestId('projection-table-scenario').getByText(name, { exact: true }).click();
      const years = (await columnTexts(page.getByTestId('projection-table'), '年份')).map(Number);
      expect(years).toContain(2055);
      const cells = await rowOf(page, 2055);
      expect(figure(cells[2]!)).toBeGreaterThan(0);
      expect(figure(cells[3]!)).toBeGreaterThan(0);
      births.push(figure(cells[2]!));
    }
    expect(births[0]).toBeLessThan(births[1]!);
    expect(births[1]).toBeLessThan(births[2]!);

    // The national subsidy's ten years, stated as a projection with its scenario and take-up.
    const forecast = page.getByTestId('budget-forecast');
    const national = forecast.locator('tr.ant-table-row', { hasText: '国家育儿补贴' });
    await national.waitFor();
    const cells = await national.locator('td').allTextContents();
    expect(cells).toHaveLength(2 + 10 + 1);
    expect(cells[1]).toBe('100%（未设定）');
    expect(figure(cells[12]!)).toBeGreaterThan(0);
    const notes = (await forecast.getByTestId('budget-forecast-notes').textContent()) ?? '';
    expect(notes).toContain('本表为预测：按“中方案”');
    expect(notes).toContain('四舍五入为整人');
    await page.waitForTimeout(800);
    await screenshot(page, 'projection-zh-1366');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await expect.poll(async () => forecast.locator('.ant-card-head').textContent()).toContain('Benefit cost forecast');
    expect(await page.getByTestId('projection-notice').textContent()).toContain('projected figures, not counts');
    expect(await forecast.locator('tr.ant-table-row', { hasText: 'National childcare subsidy' }).count()).toBe(1);
    // Let the language menu close and the charts finish redrawing before the picture.
    await page.mouse.move(700, 10);
    await page.waitForTimeout(1200);
    await screenshot(page, 'projection-en-1366');
  }, 120_000);
});
