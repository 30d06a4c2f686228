import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { columnTexts, figure, screenshot, signIn, useBrowser } from './harness.js';

const f = useBrowser();

/** Whether ECharts has drawn something: a sized canvas with some non-transparent pixels. */
async function drawnCanvas(chart: Locator): Promise<{ width: number; height: number; painted: number }> {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor();
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return { width: c.width, height: c.height, painted };
  });
}

const populationShown = async (page: typeof f.page) =>
  figure((await page.getByTestId('stat-population').locator('.ant-statistic-content').textContent()) ?? '');

describe('dashboard', () => {
  it('draws the age–sex pyramid and the births-by-year chart', async () => {
    const { page, server } = f;
    await signIn(page, server, 'leader');
    for (const id of ['chart-pyramid', 'chart-births']) {
      const chart = page.getByTestId(id);
      await chart.scrollIntoViewIfNeeded();
      // ECharts animates in: wait until the canvas has ink on it.
      await expect.poll(async () => (await drawnCanvas(chart)).painted, { timeout: 10_000 }).toBeGreaterThan(1000);
      const { width, height } = await drawnCanvas(chart);
      expect(width).toBeGreaterThan(200);
      expect(height).toBeGreaterThan(200);
    }
    expect(await page.getByTestId('chart-pyramid').getAttribute('aria-label')).toBe('人口年龄性别金字塔');
    expect(await page.getByTestId('chart-births').getAttribute('aria-label')).toBe('分年度出生人数（按孩次）');
    // Let the entry animation finish before the picture is taken.
    await page.waitForTimeout(1500);
    await screenshot(page, 'dashboard');
  });

  it('shows the data-quality figures as percentages against their targets', async () => {
    const { page, server } = f;
    await signIn(page, server, 'leader');
    for (const kind of ['coverage', 'accuracy', 'timeliness']) {
      const indicator = page.getByTestId(`quality-${kind}`);
      const text = (await indicator.textContent()) ?? '';
      expect(text, kind).toMatch(/目标\s*\d+(\.\d+)?%/);
      const status = await indicator.getAttribute('data-status');
      if (status === 'noData') expect(text).toContain('暂无数据');
      else expect(await indicator.locator('h3').textContent(), kind).toMatch(/^\d{1,3}(\.\d+)?%$/);
    }
    // The synthetic population is registered, so coverage at least has a figure.
    expect(await page.getByTestId('quality-coverage').getAttribute('data-status')).not.toBe('noData');
  });

  it('clicking a township in the drill-down table opens that township: breadcrumb and population follow', async () => {
    const { page, server } = f;
    await signIn(page, server, 'leader');
    const breadcrumb = page.getByTestId('region-breadcrumb');
    await expect.poll(() => breadcrumb.textContent()).toMatch(/维西傈僳族自治县$/);
    const countyPopulation = await populationShown(page);

    const table = page.getByTestId('region-children');
    const names = await columnTexts(table, '区划名称');
    const populations = await columnTexts(table, '人口');
    const rowPopulation = figure(populations[names.indexOf('叶枝镇')] ?? '');
    const row = table.locator('tr.ant-table-row', { hasText: '叶枝镇' });
    expect(rowPopulation).toBeGreaterThan(0);
    expect(rowPopulation).toBeLessThan(countyPopulation);
    await row.click();

    await expect.poll(() => breadcrumb.textContent()).toMatch(/维西傈僳族自治县.*叶枝镇$/);
    await expect.poll(() => page.getByTestId('dashboard').locator('h3').first().textContent()).toBe('叶枝镇');
    await expect.poll(() => populationShown(page)).toBe(rowPopulation);
    expect(new URL(page.url()).searchParams.get('region')).toBe('533423102');
    // Its own children are villages now.
    expect(await page.getByTestId('region-children').locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('region-children').textContent()).toMatch(/村|社区/);

    // Back up through the breadcrumb.
    await breadcrumb.getByText('维西傈僳族自治县').click();
    await expect.poll(() => populationShown(page)).toBe(countyPopulation);
    expect(new URL(page.url()).search).toBe('');
  });
});
