import { describe, expect, it } from 'vitest';
import { freshTotp, modalOpened, signIn, useBrowser } from './harness.js';

const f = useBrowser(300);

describe('用户管理 (issue 12)', () => {
  it('the county administrator resets a township worker’s password; the one-time password signs in', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    await page.getByTestId('nav-users').click();
    const row = page.getByTestId('user-row-township2');
    await row.waitFor();
    // No reset offered on an administrator's own row, nor on the system administrator's.
    expect(await page.getByTestId('user-row-county').getByTestId('reset-password').count()).toBe(0);
    expect(await page.getByTestId('user-row-admin').getByTestId('reset-password').count()).toBe(0);

    await row.getByTestId('reset-password').click();
    await modalOpened(page);
    // A wrong code of one's own is refused in plain words and changes nothing.
    await page.getByTestId('reset-totp').fill('000000');
    await page.getByTestId('reset-confirm').click();
    await expect.poll(() => page.locator('.ant-modal').last().textContent()).toContain('动态码错误');
    await page.getByTestId('reset-totp').fill(await freshTotp(server, 'county'));
    await page.getByTestId('reset-confirm').click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = ((await shown.textContent()) ?? '').trim();
    expect(temporary).toMatch(/^\S{16}$/);
    expect(await page.locator('.ant-modal').last().textContent()).toContain('仅显示这一次');
    await page.getByTestId('reset-done').click();

    const signIn2 = (password: string) =>
      page.request.post(`${server.baseUrl}/api/auth/login`, { data: { username: 'township2', password } });
    expect((await signIn2(temporary)).status()).toBe(200);
  });
});
