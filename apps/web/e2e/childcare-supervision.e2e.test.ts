import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../server/src/exports/test-xlsx.js';
import { call, demoCentre, typeDate } from './childcare-fixtures.js';
import { modalOpened, screenshot, signIn, useBrowser } from './harness.js';
import { problemsIn, visibleText, type Lang } from './plain-words.js';

// Issue 14, supervision, through the console: the county records a failed fire inspection of the
// demo centre with a back-dated deadline (as other overdue tests back-date), its rectification
// shows overdue in red; the centre is rated; the county's emergency closure places the children
// and removes it from the public page. Screenshots in Chinese and English.

const f = useBrowser(200);
const USCC17 = '91533423MA6KJC001';

const daysAgo = (n: number) => chinaDateOf(new Date(Date.now() - n * 86_400_000));

/** No internal key, raw code or stray English word on the page in this language (as the plain-words walk checks). */
async function plainWords(page: Page, lang: Lang): Promise<string[]> {
  return problemsIn(
    await visibleText(page),
    lang,
    f.server.users.map((u) => u.username),
  );
}

describe('childcare supervision in the console', () => {
  it('a failed fire inspection turns overdue; a closure removes the centre from the public page', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const today = chinaDateOf(new Date());
    // The demo centre, filed by its own account and completed by the county (the filing path has its own test).
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

    // The county records the fire inspection: the exits fail, to be rectified by a day already past.
    await page.goto(`${server.baseUrl}/childcare/supervision/${filed.id}`);
    await page.getByTestId('ccs-title').waitFor();
    await page.getByTestId('ccs-inspect').click();
    await modalOpened(page);
    const modal = page.locator('.ant-modal').last();
    await typeDate(page, modal.locator('.ant-picker input').first(), daysAgo(14));
    await page.getByTestId('ccs-item-fire.exits').getByText('不合格').click();
    await page.getByTestId('ccs-note-fire.exits').fill('安全出口堆放杂物，限期清理');
    await typeDate(
      page,
      page
        .locator('[data-testid="ccs-due-input-fire.exits"] input, input[data-testid="ccs-due-input-fire.exits"]')
        .first(),
      daysAgo(7),
    );
    const recorded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/inspections');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await recorded).status()).toBe(200);
    const rect = page.getByTestId('ccs-detail-rectifications').locator('tbody tr', { hasText: '安全出口' });
    await rect.waitFor();
    await expect.poll(() => rect.textContent()).toContain('已逾期');
    expect(await rect.textContent()).toContain(daysAgo(7));
    await screenshot(page, 'childcare-supervision-overdue-zh');
    // Each table of the page downloads as XLSX: the rectifications, with the overdue item.
    const download = page.waitForEvent('download');
    await page.getByTestId('ccs-detail-rect-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^整改事项-\d+-\d{4}-\d\d-\d\d\.xlsx$/);
    const sheet = await readXlsx(await readFile(await file.path()));
    expect(sheet[1]).toEqual(expect.arrayContaining(['安全出口、疏散通道畅通', daysAgo(7), '是']));

    // The supervision list shows the overdue item in red, under 只看逾期.
    await page.goto(`${server.baseUrl}/childcare/supervision`);
    await page.getByRole('tab', { name: '整改事项' }).click();
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/childcare/rectifications' && r.url().includes('overdue=true'),
    );
    await page.getByTestId('ccs-only-overdue').click();
    await listed;
    const overdueRow = page.getByTestId('ccs-rectifications').locator('tbody tr', { hasText: '保和镇阳光托育中心' });
    await overdueRow.waitFor();
    expect(await overdueRow.locator('.ant-tag-red').count()).toBe(1);
    await screenshot(page, 'childcare-supervision-list-zh');

    // A rating shows on the public page.
    await call(page, 'POST', '/api/childcare/ratings', {
      institutionId: filed.id,
      year: Number(today.slice(0, 4)),
      grade: 'good',
    });
    await f.context.clearCookies();
    await page.goto(`${server.baseUrl}/m/childcare`);
    await page.getByTestId('cc-public-item').first().waitFor();
    expect(await page.getByTestId('cc-public-rating').textContent()).toContain('良好');

    // The emergency closure: the children go to the township's kindergarten; the centre leaves the public page.
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/childcare/supervision/${filed.id}`);
    await page.getByTestId('ccs-close').click();
    await modalOpened(page);
    await page.getByTestId('ccs-close-reason').fill('消防隐患逾期未整改，责令停业');
    await page.getByTestId('ccs-close-plan').fill('当日通知全部家长，由乡镇卫生院陪同转入');
    await page.getByTestId('ccs-place-name-0').fill('保和镇中心幼儿园托班');
    await page.getByTestId('ccs-place-children-0').fill('18');
    const closing = page.waitForResponse((r) => /\/emergency-closure$/.test(new URL(r.url()).pathname));
    await page.locator('.ant-modal').last().locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await closing).status()).toBe(200);
    await expect.poll(() => page.getByTestId('ccs-closure').textContent()).toContain('保和镇中心幼儿园托班：18 名');
    await screenshot(page, 'childcare-supervision-closed-zh');

    // In English too.
    await page.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('ccs-closure').textContent()).toContain('18 children');
    expect(await page.getByTestId('ccs-detail-rectifications').textContent()).toContain(
      'Exits and escape routes are clear',
    );
    await screenshot(page, 'childcare-supervision-closed-en');
    await page.goto(`${server.baseUrl}/childcare/supervision`);
    await page.getByTestId('ccs-institutions').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'childcare-supervision-list-en');
    await page.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));

    await f.context.clearCookies();
    await page.goto(`${server.baseUrl}/m/childcare`);
    await page.getByTestId('cc-public-title').waitFor();
    await expect.poll(() => page.getByTestId('cc-public-item').count()).toBe(0);
    expect(f.pageErrors).toEqual([]);
  });

  it('the fire operator records a failed fire inspection, offered the fire area only', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await f.context.clearCookies();
    // A second centre of the institution's account, filed and completed through the API.
    await signIn(page, server, 'institution');
    const uscc17 = '91533423MA6KJC002';
    const filed = await call<{ id: number; versions: { id: number }[] }>(page, 'POST', '/api/childcare/filings', {
      content: {
        name: '保和镇彩虹托育园',
        uscc: uscc17 + computeUsccCheckCharacter(uscc17),
        registrationAuthority: 'marketRegulation',
        type: 'community',
        operatorForm: 'private',
        regionCode: '533423101',
        address: '保和镇文化路12号',
        premisesArea: 240,
        establishedOn: '2026-03-01',
        slots: 20,
        affordableSlots: 10,
        monthlyFeeFen: 120000,
        affordableFeeFen: 80000,
        classes: [{ name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 }],
        staff: ['杨彩云', '和秀兰', '李春梅'].map((name, i) => ({
          name,
          post: 'carer',
          qualification: '保育师',
          healthCertificateNo: `JK9${i}`,
          healthCertificateIssuedOn: '2026-03-01',
          healthCertificateValidUntil: '2099-12-31',
        })),
      },
    });
    expect(filed.id, JSON.stringify(filed)).toBeGreaterThan(0);
    await f.context.clearCookies();
    await signIn(page, server, 'county');
    await call(page, 'POST', `/api/childcare/filings/${filed.versions[0]!.id}/complete`);
    await f.context.clearCookies();

    // 县消防救援大队's operator: 托育监管 in the side menu, its area named, the centre listed without staff.
    await signIn(page, server, 'fire');
    await page.getByTestId('nav-childcare-supervision').click();
    await expect.poll(() => page.getByTestId('ccs-own-areas').textContent()).toContain('消防安全');
    const row = page.getByTestId('ccs-institutions').locator('tbody tr', { hasText: '保和镇彩虹托育园' });
    await row.waitFor();
    expect(await row.textContent()).toContain('保和镇文化路12号');
    expect(await page.getByTestId('ccs-institutions').textContent()).not.toContain('最新评估');
    for (const name of ['杨彩云', '和秀兰', '李春梅'])
      expect(await page.locator('body').textContent()).not.toContain(name);
    await screenshot(page, 'childcare-supervision-fire-list-zh');
    expect(await plainWords(page, 'zh-CN')).toEqual([]);

    await row.getByRole('link').click();
    await page.getByTestId('ccs-inspect').click();
    await modalOpened(page);
    const modal = page.locator('.ant-modal').last();
    await modal.getByTestId('ccs-area').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(['消防安全']);
    await screenshot(page, 'childcare-supervision-fire-inspect-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('ccs-item-fire.extinguishers').getByText('不合格').click();
    await page.getByTestId('ccs-note-fire.extinguishers').fill('灭火器过期，限期更换');
    await typeDate(
      page,
      page
        .locator(
          '[data-testid="ccs-due-input-fire.extinguishers"] input, input[data-testid="ccs-due-input-fire.extinguishers"]',
        )
        .first(),
      daysAgo(-14),
    );
    const recorded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/inspections');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await recorded).status()).toBe(200);
    const rect = page.getByTestId('ccs-detail-rectifications').locator('tbody tr', { hasText: '灭火器' });
    await rect.waitFor();
    expect(await page.getByTestId('ccs-detail-inspections').textContent()).toContain('消防救援部门');
    await screenshot(page, 'childcare-supervision-fire-detail-zh');
    expect(await plainWords(page, 'zh-CN')).toEqual([]);

    await page.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('ccs-detail-inspections').textContent()).toContain('Fire and rescue');
    await screenshot(page, 'childcare-supervision-fire-detail-en');
    expect(await plainWords(page, 'en')).toEqual([]);
    await page.goto(`${server.baseUrl}/childcare/supervision`);
    await expect.poll(() => page.getByTestId('ccs-own-areas').textContent()).toContain('Fire safety');
    await page.getByTestId('ccs-institutions').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'childcare-supervision-fire-list-en');
    expect(await plainWords(page, 'en')).toEqual([]);
    await page.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));
    expect(f.pageErrors).toEqual([]);
  });
});
