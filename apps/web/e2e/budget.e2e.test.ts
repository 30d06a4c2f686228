import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUser, figure, modalOpened, screenshot, signIn, useBrowser } from './harness.js';

const f = useBrowser();
const SCHEME = 'national.childcareSubsidy';
// Where the screenshots of the card are also kept for review (issue 12), if set.
const SHOTS = process.env.CRADLE_SHOTS_DIR;

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  const file = await screenshot(page, name);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.getByTestId('budget-card').screenshot({ path: path.join(SHOTS, path.basename(file)) });
  }
}

const stat = async (page: Page, id: string) =>
  figure((await page.getByTestId(id).locator('.ant-statistic-content').textContent()) ?? '');

describe('budget of the national subsidy', () => {
  it('shows the backlog and the year ahead the registry owes at 100% by default; the county sets 62.5% and the figures follow', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/schemes/${SCHEME}`);
    const card = page.getByTestId('budget-card');
    await card.waitFor();
    await expect.poll(() => stat(page, 'budget-backlog')).toBeGreaterThan(0);
    const backlog = await stat(page, 'budget-backlog');
    const ahead = await stat(page, 'budget-next12');
    expect(ahead).toBeGreaterThan(0);
    expect(await card.getByTestId('budget-take-up').textContent()).toContain('预计申领率 100%');
    expect(await card.getByTestId('budget-take-up').textContent()).toContain('默认值');
    const periods = await card.getByTestId('budget-periods').locator('tbody tr').allTextContents();
    expect(periods.map((r) => r.split('¥')[0])).toEqual(['2025已到期', '2026已到期', '2027未来']);
    await shoot(page, 'budget-zh-default');

    // Bad input is refused in place and changes nothing.
    await card.getByTestId('budget-take-up-set').click();
    await modalOpened(page);
    await page.getByTestId('take-up-percent').fill('120');
    await page.getByTestId('take-up-basis').fill('2025 年度申领情况');
    await page.getByTestId('take-up-save').click();
    await page.getByText('请输入 0 到 100 之间的数，最多两位小数').waitFor();
    await page.getByTestId('take-up-percent').fill('62.5');
    await page.getByTestId('take-up-save').click();
    await expect.poll(async () => card.getByTestId('budget-take-up').textContent()).toContain('预计申领率 62.5%');
    expect(await card.getByTestId('budget-take-up').textContent()).toContain('依据：2025 年度申领情况');
    // No application is approved yet: everything owed is expected at 62.5%, rounded per period.
    await expect.poll(() => stat(page, 'budget-backlog')).toBeLessThan(backlog);
    expect(Math.abs((await stat(page, 'budget-backlog')) - Math.round(backlog * 0.625))).toBeLessThanOrEqual(2);
    expect(Math.abs((await stat(page, 'budget-next12')) - Math.round(ahead * 0.625))).toBeLessThanOrEqual(1);
    await shoot(page, 'budget-zh-rate');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await expect.poll(async () => card.getByTestId('budget-take-up').textContent()).toContain('Expected take-up 62.5%');
    // What users typed (the basis), their names and the region's own name stay as written.
    const hint = (await card.locator('.ant-card-body > .ant-typography').first().textContent()) ?? '';
    const text = ((await card.textContent()) ?? '')
      .replace(hint, '')
      .replaceAll('2025 年度申领情况', '')
      .replaceAll(demoUser(server, 'county').displayName, '');
    expect(text).toContain('Backlog (due, not paid)');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/); // no Chinese left in the English card
    await shoot(page, 'budget-en-rate');
  }, 180_000);

  it('shows the leader the assumption but no way to change it', async () => {
    const { page, server } = f;
    await signIn(page, server, 'leader');
    await page.goto(`${server.baseUrl}/schemes/${SCHEME}`);
    await page.getByTestId('budget-take-up').first().waitFor();
    expect(await page.getByTestId('budget-take-up-set').count()).toBe(0);
  }, 120_000);
});
