import { describe, expect, it } from 'vitest';
import { screenshot, signIn, TOWNSHIP, useBrowser } from './harness.js';

// Issue 13, "Done when": the county opens the 维西 plan's scorecard and sees each 2025 target with
// value, status, counts and clause, by township; a township sees only its own.
const f = useBrowser();

describe('scorecard', () => {
  it('shows the county each 2025 target of the 维西 plan and the same targets by township', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'county');
    await page.getByTestId('nav-scorecard').click();
    await page.getByTestId('scorecard-table').waitFor();
    await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=2025`);
    const rows = page.getByTestId('scorecard-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(await page.getByTestId('plan-title').textContent()).toContain('维发〔2023〕15号');
    for (const row of await rows.all()) {
      expect(await row.getByTestId('status-tag').textContent()).toMatch(/达标|有风险|未达标|无数据/);
      expect(await row.getByTestId('target-clause').textContent()).toContain('维发〔2023〕15号');
    }
    const mmr = rows.filter({ hasText: '孕产妇死亡率' });
    expect(await mmr.getByTestId('target-value').textContent()).toMatch(/\d/);
    expect(await mmr.getByTestId('target-counts').textContent()).toMatch(/^\d+ \/ \d+$/);
    const townships = page.getByTestId('league-table').getByTestId('league-region');
    await expect.poll(() => townships.count()).toBeGreaterThan(1);
    await screenshot(page, 'scorecard-county');
    // An indicator's page: its chart, table and formula.
    await mmr.getByTestId('indicator-link').click();
    await page.getByTestId('indicator-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('indicator-page').textContent()).toContain('计算方法');
    await screenshot(page, 'scorecard-indicator');
    await page.goBack();
    await page.getByTestId('scorecard-table').waitFor();

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await expect.poll(() => page.getByTestId('scorecard-table').textContent()).toContain('Maternal mortality ratio');
    await screenshot(page, 'scorecard-county-en');
  });

  it('shows a township worker its own township and villages only', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'township');
    await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=2025`);
    await page.getByTestId('scorecard-table').waitFor();
    expect(await page.getByTestId('region-breadcrumb').textContent()).toContain('保和镇');
    const villages = page.getByTestId('league-table').getByTestId('league-region');
    await expect.poll(() => villages.count()).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=2025&region=533423102`);
    await expect.poll(() => page.locator('.ant-alert').count()).toBeGreaterThan(0);
    expect(TOWNSHIP).toBe('533423101');
  });
});
