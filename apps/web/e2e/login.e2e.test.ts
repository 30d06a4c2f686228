import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, figure, freshTotp, useBrowser } from './harness.js';

const f = useBrowser();

async function dashboardPopulation(): Promise<number> {
  const res = await f.page.request.get(`${f.server.baseUrl}/api/dashboard`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { population: { total: number } }).population.total;
}

describe('signing in', () => {
  it('a township worker signs in with a password and sees the dashboard of their township with its population', async () => {
    const { page, server } = f;
    await page.goto(`${server.baseUrl}/`);
    // Not signed in: the console sends the visitor to the login page.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByTestId('login-username').fill('township');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    const population = page.getByTestId('stat-population');
    await population.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('dashboard').locator('h3').first().textContent()).toBe('保和镇');
    await expect.poll(() => page.getByTestId('region-breadcrumb').textContent()).toContain('保和镇');
    expect(await population.textContent()).toContain('总人口');
    const shown = figure((await population.locator('.ant-statistic-content').textContent()) ?? '');
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(await dashboardPopulation());
    expect(await page.getByTestId('user-menu').textContent()).toContain('和丽');
  });

  it('the county administrator is asked for the TOTP code and gets in with it', async () => {
    const { page, server } = f;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('county');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    const otp = page.getByTestId('login-totp');
    await otp.waitFor();
    expect(await page.locator('form').textContent()).toContain('动态验证码');
    expect(new URL(page.url()).pathname).toBe('/login');
    await otp
      .locator('input')
      .first()
      .fill(await freshTotp(server, 'county'));
    // Each digit lands in its own box.
    await expect
      .poll(() =>
        otp.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join('')),
      )
      .toMatch(/^\d{6}$/);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('stat-population').waitFor();
    await expect.poll(() => page.getByTestId('dashboard').locator('h3').first().textContent()).toBe('维西傈僳族自治县');
    expect(await page.getByTestId('user-menu').textContent()).toContain('李主任');
  });

  it('a wrong password is refused with the reason in Chinese', async () => {
    const { page, server } = f;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('township2');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();

    const error = page.getByTestId('login-error');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain('登录失败');
    expect(text).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('stat-population').count()).toBe(0);
  });

  it('the language switch turns the console into English, and it stays English after signing in', async () => {
    const { page, server } = f;
    await page.goto(`${server.baseUrl}/login`);
    const submit = page.getByTestId('login-submit');
    expect(await submit.textContent()).toMatch(/登\s*录/);

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await expect.poll(() => submit.textContent()).toBe('Sign in');
    expect(await page.getByTestId('lang-switch').textContent()).toContain('English');
    expect(await page.locator('form').textContent()).toContain('Username');

    await page.getByTestId('login-username').fill('township');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await submit.click();
    const population = page.getByTestId('stat-population');
    await population.waitFor();
    expect(await population.textContent()).toContain('Population');
    expect(await page.getByTestId('nav-persons').textContent()).toBe('Person search');
    const body = (await page.locator('body').innerText()) ?? '';
    expect(body).toContain('Population pyramid by age and sex');
    expect(body).not.toContain('人口年龄性别金字塔');
  });
});
