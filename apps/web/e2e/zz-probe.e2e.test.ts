import { it } from 'vitest';
import { DEMO_PASSWORD, useBrowser } from './harness.js';
const f = useBrowser();
it('probe', async () => {
  const { page, server } = f;
  const t0 = Date.now();
  const lap = (s: string) => console.log(s, Date.now() - t0);
  page.on('response', (r) => { if (r.url().includes('/api/')) console.log('resp', r.url(), r.status(), Date.now() - t0); });
  await page.goto(`${server.baseUrl}/login`); lap('goto');
  await page.getByTestId('login-username').fill('township'); lap('fill');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click(); lap('click');
  await page.getByTestId('stat-population').waitFor(); lap('stat');
});
