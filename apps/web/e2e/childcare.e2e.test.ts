import type { Locator, Page } from 'playwright-core';
import { chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { modalOpened, signIn, useBrowser } from './harness.js';

// Issue 14, a closure filed by the institution itself (the county's emergency closure and the
// whole filing path are in childcare-path.e2e): the institution files its closure in the
// console, the county completes it, and the centre leaves the public page.

const f = useBrowser(200);
const USCC17 = '91533423MA6KE2E01';

async function typeDate(page: Page, picker: Locator, date: string): Promise<void> {
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
  await page.keyboard.press('Escape');
}

/** A call through the signed-in session, with its CSRF token. */
async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: {
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as T;
    },
    { method, url, body },
  );
}

describe('childcare closure filed by the institution', () => {
  it('files its closure; once the county completes it the centre leaves the public page', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const today = chinaDateOf(new Date());
    // The centre, filed through the API (the console's filing form has its own test).
    await signIn(page, server, 'institution');
    const staff = ['和春梅', '李秀英', '王丽华', '余晓红', '杨金花', '和建英'].map((name, i) => ({
      name,
      post: 'carer',
      qualification: '保育师',
      healthCertificateNo: `JK${i}`,
      healthCertificateIssuedOn: '2026-03-01',
      healthCertificateValidUntil: '2099-12-31',
    }));
    const filed = await call<{ id: number; versions: { id: number }[] }>(page, 'POST', '/api/childcare/filings', {
      content: {
        name: '保和镇阳光托育中心',
        uscc: USCC17 + computeUsccCheckCharacter(USCC17),
        registrationAuthority: 'marketRegulation',
        type: 'community',
        operatorForm: 'private',
        regionCode: '533423101',
        address: '保和镇新华街8号',
        premisesArea: 300,
        establishedOn: '2026-03-01',
        slots: 30,
        affordableSlots: 20,
        monthlyFeeFen: 120000,
        affordableFeeFen: 80000,
        classes: [
          { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
          { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
        ],
        staff,
      },
    });
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
