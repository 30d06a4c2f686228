import { chinaDateOf } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { call, demoCentre, typeDate } from './childcare-fixtures.js';
import { modalOpened, signIn, useBrowser } from './harness.js';

// Issue 14, a closure filed by the institution itself (the county's emergency closure and the
// whole filing path are in childcare-path.e2e): the institution files its closure in the
// console, the county completes it, and the centre leaves the public page.

const f = useBrowser(200);
const USCC17 = '91533423MA6KE2E01';

describe('childcare closure filed by the institution', () => {
  it('files its closure; once the county completes it the centre leaves the public page', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const today = chinaDateOf(new Date());
    // The centre, filed through the API (the console's filing form has its own test).
    await signIn(page, server, 'institution');
    const filed = await call<{ id: number; versions: { id: number }[] }>(
      page,
      'POST',
      '/api/childcare/filings',
      demoCentre(USCC17),
    );
    expect(filed.id).toBeGreaterThan(0);
    await f.context.clearCookies();
    await signIn(page, server, 'county');
    const completed = await call<{ status: string }>(
      page,
      'POST',
      `/api/childcare/filings/${filed.versions[0]!.id}/complete`,
    );
    expect(completed, JSON.stringify(completed)).toMatchObject({ status: 'filed' });
    await f.context.clearCookies();
    await page.goto(`${server.baseUrl}/m/childcare`);
    await expect.poll(() => page.getByTestId('cc-public-item').count()).toBe(1);

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
