import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './harness.js';

const f = useBrowser(500);

/**
 * Every Content-Security-Policy violation the page reports from its first script on, across
 * navigations: the securitypolicyviolation events and Chromium's console errors about the policy.
 */
async function watchPolicy(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeBinding('cradleReportViolation', (_source, text: string) => void seen.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { cradleReportViolation: (t: string) => void }).cradleReportViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.effectiveDirective} blocked ${e.blockedURI} ${e.sample}`),
    );
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

describe('the console under its security headers', () => {
  it('serves the page with a policy and a fresh nonce, and Ant Design renders under it', async () => {
    const { page, server } = f;
    const violations = await watchPolicy(page);
    const first = await page.goto(`${server.baseUrl}/login`);
    const headers = first!.headers();
    const policy = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(policy).toContain(directive);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    // Ant Design's run-time styles carry the page's nonce, and they apply.
    await page.getByTestId('login-submit').waitFor();
    const styleNonces = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce));
    expect(styleNonces.length).toBeGreaterThan(0);
    expect(new Set(styleNonces)).toEqual(new Set([nonce]));
    expect(await page.getByTestId('login-submit').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      'rgb(22, 119, 255)',
    );

    // Another load, another nonce.
    const second = await page.goto(`${server.baseUrl}/login`);
    expect(nonceOf(second!.headers()['content-security-policy'] ?? '')).not.toBe(nonce);

    // The staff console's pages (the dashboard's charts, a person, a modal with a text area),
    // the resident portal and the receipt check: nothing refused.
    await signIn(page, server, 'county');
    await page.getByTestId('chart-births').locator('canvas').first().waitFor();
    const [person] = await server.database.query<{ id: number }>('SELECT id FROM persons ORDER BY id LIMIT 1');
    await page.goto(`${server.baseUrl}/persons/${person!.id}`);
    await page.getByTestId('reveal-button').click();
    await page.getByTestId('reveal-reason').fill('核对');
    await page.goto(`${server.baseUrl}/m`);
    await page.getByTestId('portal-phone').waitFor();
    await page.goto(`${server.baseUrl}/verify/not-a-token`);
    await page.locator('.ant-result').waitFor();
    expect(violations).toEqual([]);
  });

  it('refuses a style element that arrives in markup, and reports it', async () => {
    const { page, server } = f;
    const violations = await watchPolicy(page);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    // What injected HTML would bring: a parsed <style>, which no script of the page made.
    const background = await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<style>body { background: rgb(1, 2, 3) !important; }</style>');
      return getComputedStyle(document.body).backgroundColor;
    });
    expect(background).not.toBe('rgb(1, 2, 3)');
    await expect.poll(() => violations.some((v) => v.includes('style-src-elem'))).toBe(true);
  });

  it('marks API answers not to be stored', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');
    const res = await page.request.get(`${server.baseUrl}/api/persons?name=和`);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-store');
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('shows the API documentation under its own policy', async () => {
    const { page, server } = f;
    const violations = await watchPolicy(page);
    const res = await page.goto(`${server.baseUrl}/api/docs/`);
    expect(res!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
  });
});
