import type { Locator, Page } from 'playwright-core';
import { chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { modalOpened, screenshot, signIn, useBrowser } from './harness.js';

// Issue 14, "Done when" (first slice), through the console: an institution files a 30-slot centre
// (20 affordable) in 保和镇 with a class over its size limit and is refused with the rule; it
// corrects the class and files; the county completes the filing within its deadline; the centre
// appears on the public page; a filed closure removes it.

const f = useBrowser(200);
const USCC = '91533423MA6KE2E01' + computeUsccCheckCharacter('91533423MA6KE2E01');

async function typeDate(page: Page, picker: Locator, date: string): Promise<void> {
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
  await page.keyboard.press('Escape');
}

async function fillClass(page: Page, i: number, name: string, group: string, capacity: number, carers: number) {
  const row = page.getByTestId(`cc-class-${i}`);
  await row.locator('input').nth(0).fill(name);
  // The last row's list may still be closing (it keeps its options until hidden): one list at a time.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
  await row.locator('.ant-select').first().click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: group })
    .click();
  const numbers = row.locator('.ant-input-number input');
  await numbers.nth(0).fill(String(capacity));
  await numbers.nth(1).fill(String(Math.floor(capacity / 2)));
  await numbers.nth(2).fill(String(carers));
}

describe('childcare filing in the console', () => {
  it('files, is refused with the rule, corrects, is filed, appears publicly, and closes', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const today = chinaDateOf(new Date());
    await signIn(page, server, 'institution');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/childcare/mine');
    await page.getByTestId('cc-new').click();
    await page.getByTestId('cc-name').fill('保和镇阳光托育中心');
    await page.getByTestId('cc-uscc').fill(USCC);
    await page.getByTestId('cc-region').locator('.ant-select').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '保和镇' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('cc-address').fill('保和镇新华街8号');
    await page.getByTestId('cc-area').fill('400');
    await typeDate(
      page,
      page.locator('[data-testid="cc-established"] input, input[data-testid="cc-established"]').first(),
      '2026-03-01',
    );
    await page.getByTestId('cc-slots').fill('30');
    await page.getByTestId('cc-affordable').fill('20');
    await page.getByTestId('cc-fee').fill('1200');
    await page.getByTestId('cc-affordable-fee').fill('800');
    await page.getByTestId('cc-add-class').click();
    await page.getByTestId('cc-add-class').click();
    await fillClass(page, 0, '托小班', '托小班', 10, 2);
    // 22 is over 托大班's 20 (托育机构设置标准(试行) 2019).
    await fillClass(page, 1, '托大班', '托大班', 22, 4);
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('cc-add-staff').click();
      const row = page.getByTestId(`cc-staff-${i}`);
      const inputs = row.locator('input.ant-input');
      await inputs.nth(0).fill(['和春梅', '李秀英', '王丽华', '余晓红', '杨金花', '和建英'][i]!);
      await inputs.nth(2).fill(`JK2026${i}`);
      const dates = row.locator('.ant-picker input');
      await typeDate(page, dates.nth(0), '2026-03-01');
      await typeDate(page, dates.nth(1), '2099-12-31');
    }
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/filings');
    await page.getByTestId('cc-submit').click();
    expect((await refused).status()).toBe(400);
    const breaches = page.getByTestId('cc-breaches');
    await expect.poll(() => breaches.textContent()).toContain('超过上限20人');
    expect(await breaches.textContent()).toContain('托育机构设置标准(试行)');
    await screenshot(page, 'childcare-refused');

    await fillClass(page, 1, '托大班', '托大班', 20, 3);
    const filed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/filings');
    await page.getByTestId('cc-submit').click();
    expect((await filed).status()).toBe(200);
    await expect.poll(() => page.getByTestId('cc-own-latest').first().textContent()).toContain('待审核');

    await f.context.clearCookies();
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/childcare/filings`);
    const row = page.getByTestId('cc-queue').locator('tbody tr', { hasText: '保和镇阳光托育中心' });
    await row.waitFor();
    expect(await row.textContent()).toContain('未到期');
    await row.locator('button.ant-btn-primary').click();
    await modalOpened(page);
    const done = page.waitForResponse((r) => /\/complete$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    const completed = await done;
    expect(completed.status()).toBe(200);
    expect(
      ((await completed.json()) as { versions: { decidedOn: string; reviewDeadline: string }[] }).versions[0]!
        .decidedOn <= today,
    ).toBe(true);

    await f.context.clearCookies();
    await page.goto(`${server.baseUrl}/m/childcare`);
    const item = page.getByTestId('cc-public-item');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    const shown = (await item.textContent()) ?? '';
    expect(shown).toContain('保和镇阳光托育中心');
    expect(shown).toContain('普惠');
    expect(shown).not.toContain('和春梅');
    await screenshot(page, 'childcare-public');

    await signIn(page, server, 'institution');
    await page.getByTestId('cc-close').click();
    await modalOpened(page);
    const modal = page.locator('.ant-modal').last();
    await typeDate(page, modal.locator('.ant-picker input'), today);
    await modal.locator('input.ant-input').first().fill('租约到期');
    await modal.locator('textarea').fill('在托幼儿转入保和镇中心幼儿园托班');
    const closing = page.waitForResponse((r) => /\/closure$/.test(new URL(r.url()).pathname));
    await modal.locator('.ant-btn-primary').click();
    expect((await closing).status()).toBe(200);

    await f.context.clearCookies();
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/childcare/filings`);
    const closure = page.getByTestId('cc-queue').locator('tbody tr', { hasText: '保和镇阳光托育中心' });
    await closure.waitFor();
    await closure.locator('button.ant-btn-primary').click();
    await modalOpened(page);
    const closed = page.waitForResponse((r) => /\/complete$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    expect((await closed).status()).toBe(200);
    await f.context.clearCookies();
    await page.goto(`${server.baseUrl}/m/childcare`);
    await page.getByTestId('cc-public-title').waitFor();
    await expect.poll(() => page.getByTestId('cc-public-item').count()).toBe(0);
  });
});
