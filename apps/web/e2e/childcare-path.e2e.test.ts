import type { Page } from 'playwright-core';
import { chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { typeDate } from './childcare-fixtures.js';
import { approveAsCounty } from './four-eyes.js';
import { modalOpened, screenshot, signIn, useBrowser, type E2EServer } from './harness.js';

// Issue 14, "Done when", in one run through the console, as the users would go: an institution
// files a 30-slot centre (20 affordable) in 保和镇 with a class over its size limit and is refused
// with the rule; it corrects the class and files; the county completes the filing within its
// deadline and the centre appears on the public page, reached from the portal; the scorecard shows
// 维西 against 004 annex 3's 442/266 and against 004 (二)'s 4.5/2.7 per 1,000 by township; the
// fire-rescue brigade's failed fire inspection leaves a rectification that turns overdue; the
// county records the province's confirmation, finance pays the 2,000 yuan per affordable slot
// (004 (十二)) through a payment cycle with its trace; the county's emergency closure removes the
// centre's slots; every step is in the audit log.
//
// The story spans 2023–2025, the plan's years: the server's clock (what the server takes as
// today) is set to each day; the browser and the sessions keep real time.

const f = useBrowser(200);
const NAME = '保和镇阳光托育中心';
const USCC = '91533423MA6KP4T01' + computeUsccCheckCharacter('91533423MA6KP4T01');
/** China 10:00 on a day. */
const at = (day: string) => `${day}T02:00:00Z`;

async function fillClass(page: Page, i: number, name: string, group: string, capacity: number, carers: number) {
  const row = page.getByTestId(`cc-class-${i}`);
  await row.locator('input').nth(0).fill(name);
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

/** The text of a league cell: the row of `region`, the column whose header starts with `indicator`. */
async function leagueCell(page: Page, region: string, indicator: string): Promise<string> {
  const table = page.getByTestId('league-table');
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.findIndex((h) => h.startsWith(`${indicator}（`));
  expect(column, `no league column ${indicator} in ${JSON.stringify(headers)}`).toBeGreaterThan(0);
  const row = table.locator('tbody tr.ant-table-row').filter({ has: page.getByText(region, { exact: true }) });
  return (await row.locator('td').nth(column).textContent()) ?? '';
}

const scorecardRow = (page: Page, name: string) =>
  page
    .getByTestId('scorecard-table')
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.getByTestId('indicator-link').getByText(name, { exact: true }) });

async function openScorecard(page: Page, server: E2EServer, year: number): Promise<void> {
  const loaded = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/monitoring/scorecard'));
  await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=${year}`);
  await loaded;
  await page.getByTestId('scorecard-table').waitFor();
}

async function fileTheCentre(page: Page): Promise<void> {
  await page.getByTestId('cc-new').click();
  await page.getByTestId('cc-name').fill(NAME);
  await page.getByTestId('cc-uscc').fill(USCC);
  await page.getByTestId('cc-region').locator('.ant-select').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '保和镇' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('cc-address').fill('保和镇新华街8号');
  await page.getByTestId('cc-area').fill('400');
  await typeDate(
    page,
    page.locator('[data-testid="cc-established"] input, input[data-testid="cc-established"]').first(),
    '2023-03-01',
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
    await inputs.nth(2).fill(`JK2023${i}`);
    const dates = row.locator('.ant-picker input');
    await typeDate(page, dates.nth(0), '2023-03-01');
    await typeDate(page, dates.nth(1), '2099-12-31');
  }
}

describe('childcare, the whole path of issue 14', () => {
  it('files, discloses, counts against the targets, inspects, pays the award and closes', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });

    // 1. 2023-05-04: the institution files; the class over its size is refused with the rule.
    server.clock.set(at('2023-05-04'));
    await signIn(page, server, 'institution');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/childcare/mine');
    await fileTheCentre(page);
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/filings');
    await page.getByTestId('cc-submit').click();
    expect((await refused).status()).toBe(400);
    const breaches = page.getByTestId('cc-breaches');
    await expect.poll(() => breaches.textContent()).toContain('超过上限20人');
    expect(await breaches.textContent()).toContain('托育机构设置标准(试行)');
    await screenshot(page, 'childcare-refused');
    expect(await server.database.query('SELECT 1 FROM childcare_institutions')).toEqual([]);
    await fillClass(page, 1, '托大班', '托大班', 20, 3);
    const filed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/filings');
    await page.getByTestId('cc-submit').click();
    expect((await filed).status()).toBe(200);
    await expect.poll(() => page.getByTestId('cc-own-latest').first().textContent()).toContain('待审核');

    // 2. The county completes it within its 5 working days; the centre is on the public page.
    const county = await f.newPage();
    await county.setViewportSize({ width: 1366, height: 900 });
    await signIn(county, server, 'county');
    await county.goto(`${server.baseUrl}/childcare/filings`);
    const queued = county.getByTestId('cc-queue').locator('tbody tr', { hasText: NAME });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('未到期');
    await queued.locator('button.ant-btn-primary').click();
    await modalOpened(county);
    const done = county.waitForResponse((r) => /\/complete$/.test(new URL(r.url()).pathname));
    await county.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    const completed = await done;
    expect(completed.status()).toBe(200);
    const version = ((await completed.json()) as { versions: { decidedOn: string; reviewDeadline: string }[] })
      .versions[0]!;
    expect(version.decidedOn).toBe('2023-05-04');
    expect(version.decidedOn <= version.reviewDeadline).toBe(true);
    const [institution] = await server.database.query<{ id: number }>(
      'SELECT id FROM childcare_institutions WHERE uscc = $1',
      [USCC],
    );
    const institutionId = institution!.id;

    const family = await f.newPage();
    await family.setViewportSize({ width: 1366, height: 900 });
    await family.goto(`${server.baseUrl}/m`);
    await family.getByTestId('portal-childcare-link').click();
    const item = family.getByTestId('cc-public-item');
    await item.first().waitFor();
    const shown = (await item.filter({ hasText: NAME }).textContent()) ?? '';
    expect(shown).toContain('普惠');
    expect(shown).not.toContain('和春梅');
    await screenshot(family, 'childcare-path-public');

    // 3. 2025-06-02: the fire-rescue brigade inspects; the exits fail, to be cleared by 06-13.
    server.clock.set(at('2025-06-02'));
    const fire = await f.newPage();
    await fire.setViewportSize({ width: 1366, height: 900 });
    await signIn(fire, server, INSPECTOR);
    await fire.goto(`${server.baseUrl}/childcare/supervision/${institutionId}`);
    await fire.getByTestId('ccs-title').waitFor();
    await fire.getByTestId('ccs-inspect').click();
    await modalOpened(fire);
    const modal = fire.locator('.ant-modal').last();
    await typeDate(fire, modal.locator('.ant-picker input').first(), '2025-06-02');
    await fire.getByTestId('ccs-item-fire.exits').getByText('不合格').click();
    await fire.getByTestId('ccs-note-fire.exits').fill('安全出口堆放杂物，限期清理');
    await typeDate(
      fire,
      fire
        .locator('[data-testid="ccs-due-input-fire.exits"] input, input[data-testid="ccs-due-input-fire.exits"]')
        .first(),
      '2025-06-13',
    );
    const recorded = fire.waitForResponse((r) => new URL(r.url()).pathname === '/api/childcare/inspections');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await recorded).status()).toBe(200);
    const rect = fire.getByTestId('ccs-detail-rectifications').locator('tbody tr', { hasText: '安全出口' });
    await rect.waitFor();
    expect(await rect.textContent()).not.toContain('已逾期');

    // 2025-06-20: not cleared by its day, it shows overdue.
    server.clock.set(at('2025-06-20'));
    await fire.reload();
    await expect.poll(() => rect.textContent()).toContain('已逾期');
    await screenshot(fire, 'childcare-path-overdue');

    // 4. The scorecard: 2023 against 442/266; 2025 by township against 4.5/2.7 per 1,000.
    await openScorecard(county, server, 2023);
    await expect.poll(() => scorecardRow(county, '托位数').count()).toBe(1);
    expect(await scorecardRow(county, '托位数').textContent()).toContain('442');
    expect(await scorecardRow(county, '托位数').getByTestId('target-value').textContent()).toContain('30');
    expect(await scorecardRow(county, '普惠托位数').textContent()).toContain('266');
    expect(await scorecardRow(county, '普惠托位数').getByTestId('target-value').textContent()).toContain('20');
    await screenshot(county, 'childcare-path-scorecard-2023');
    await openScorecard(county, server, 2025);
    await expect.poll(() => scorecardRow(county, '千人口托位数').count()).toBe(1);
    expect(await scorecardRow(county, '千人口托位数').textContent()).toContain('4.5');
    expect(await scorecardRow(county, '千人口普惠性托位数').textContent()).toContain('2.7');
    await expect.poll(() => county.getByTestId('league-region').count()).toBeGreaterThan(1);
    const before = await leagueCell(county, '保和镇', '千人口托位数');
    expect(before).toMatch(/^[1-9][\d.]*/);
    expect(await leagueCell(county, '叶枝镇', '千人口托位数')).toMatch(/^0(\.0+)?\b/);
    // Beside the targets, the demand: children under 3 projected, against the 30 slots filed by 2025.
    const demand = county.getByTestId('slot-demand');
    await expect.poll(() => demand.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(4);
    expect(await demand.locator('tbody tr.ant-table-row').first().textContent()).toContain('30');
    await screenshot(county, 'childcare-path-scorecard-2025');

    // 5. The county records the province's confirmation (a version under four eyes) ...
    await county.goto(`${server.baseUrl}/schemes/weixi.childcareSlotAward`);
    const form = county.getByTestId('version-draft');
    await form.getByTestId('draft-effective-from').click();
    await county.keyboard.type('2025-06-01');
    await county.keyboard.press('Enter');
    await form.getByTestId('draft-document').fill('迪庆州卫生健康委确认函');
    await form.getByTestId('draft-clause').fill('一');
    await form.getByTestId('draft-value-provincialTargetMetOn').click();
    await county.keyboard.type('2025-06-18');
    await county.keyboard.press('Enter');
    await form.getByTestId('draft-save').click();
    const draft = county
      .getByTestId('versions-table')
      .locator('tr.ant-table-row', { hasText: '迪庆州卫生健康委确认函' });
    await draft.waitFor();
    await draft.getByTestId('version-submit').click();
    await expect.poll(() => draft.getByTestId('version-status').textContent()).toBe('待审核');
    const admin = await f.newPage();
    await signIn(admin, server, 'admin');
    await admin.goto(`${server.baseUrl}/schemes/weixi.childcareSlotAward`);
    const review = admin
      .getByTestId('versions-table')
      .locator('tr.ant-table-row', { hasText: '迪庆州卫生健康委确认函' });
    await review.waitFor();
    await review.getByTestId('version-publish').click();
    await expect.poll(() => review.getByTestId('version-status').textContent()).toBe('已发布');

    // ... and finance pays 20 affordable slots × 2,000 yuan through a cycle, with the trace.
    const finance = await f.newPage();
    await finance.setViewportSize({ width: 1366, height: 900 });
    await signIn(finance, server, 'finance');
    await finance.goto(`${server.baseUrl}/childcare/awards`);
    const preview = finance.getByTestId('award-preview');
    const centre = preview.locator('tbody tr.ant-table-row', { hasText: NAME });
    await centre.waitFor();
    expect(await centre.textContent()).toContain('¥40,000.00');
    const started = finance.waitForResponse((r) => new URL(r.url()).pathname === '/api/payment-cycles');
    await finance.getByTestId('award-start-cycle').click();
    const cycle = await started;
    expect(cycle.status()).toBe(202);
    const paid = finance.getByTestId('award-paid');
    for (let i = 0; i < 20 && !(await paid.isVisible()); i++) {
      await finance.waitForTimeout(500);
      const refresh = finance.getByRole('button', { name: '刷新' });
      if (await refresh.isVisible()) await refresh.click();
    }
    const paidRow = paid.locator('tbody tr.ant-table-row', { hasText: NAME });
    await paidRow.waitFor();
    await paidRow.locator('.ant-table-row-expand-icon').click();
    const trace = paid.getByTestId('eligibility-trace').first();
    await trace.waitFor();
    const steps = await trace
      .getByTestId('trace-step')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-check'), e.getAttribute('data-pass')]));
    expect(steps).toEqual([
      ['institutionFiled', 'true'],
      ['dateReached', 'true'],
      ['amount', 'true'],
    ]);
    expect(await trace.textContent()).toContain('维发〔2023〕15号 (十二)');
    await screenshot(finance, 'childcare-awards');
    await finance.getByTestId('lang-switch').click();
    await finance.getByTestId('lang-option-en').click();
    await expect.poll(() => finance.getByTestId('childcare-awards-page').textContent()).toContain('Payments');
    await finance.keyboard.press('Escape');
    await screenshot(finance, 'childcare-awards-en');
    const [batch] = await server.database.query<{ id: number }>(
      `SELECT b.id FROM payment_batches b JOIN payments p ON p.batch_id = b.id
        WHERE p.scheme_code = 'weixi.childcareSlotAward' ORDER BY b.id DESC LIMIT 1`,
    );
    await approveAsCounty(server, county, batch!.id);
    const awarded = await server.database.query<{ amount_fen: number }>(
      `SELECT amount_fen FROM payments WHERE scheme_code = 'weixi.childcareSlotAward'`,
    );
    expect(awarded.map((p) => Number(p.amount_fen))).toEqual([4_000_000]);
    // The batch's roster names the payee as an institution, by its credit code, with the kept trace.
    await finance.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));
    await finance.goto(`${server.baseUrl}/payment-cycles?batch=${batch!.id}`);
    const roster = finance.getByTestId('roster-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => roster.count()).toBe(1);
    expect(await roster.locator('[data-kind="institution"]').count()).toBe(1);
    expect(await roster.first().textContent()).toContain(USCC);
    await roster.first().locator('.ant-table-row-expand-icon').click();
    const kept = finance.getByTestId('batch-roster').getByTestId('eligibility-trace').first();
    await expect.poll(() => kept.getByTestId('trace-step').count()).toBe(3);
    await screenshot(finance, 'childcare-awards-roster');

    // 6. The county's emergency closure: the children placed, the centre off the public page, its slots gone.
    await county.goto(`${server.baseUrl}/childcare/supervision/${institutionId}`);
    await county.getByTestId('ccs-close').click();
    await modalOpened(county);
    // The browser offers its own today; the closing day is the server's (the story's) today.
    const closedOn = chinaDateOf(server.clock.now());
    await typeDate(county, county.locator('.ant-modal').last().locator('.ant-picker input').first(), closedOn);
    await county.getByTestId('ccs-close-reason').fill('消防隐患逾期未整改，责令停业');
    await county.getByTestId('ccs-close-plan').fill('当日通知全部家长，由乡镇卫生院陪同转入');
    await county.getByTestId('ccs-place-name-0').fill('保和镇中心幼儿园托班');
    await county.getByTestId('ccs-place-children-0').fill('18');
    const closing = county.waitForResponse((r) => /\/emergency-closure$/.test(new URL(r.url()).pathname));
    await county.locator('.ant-modal').last().locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await closing).status()).toBe(200);
    await expect.poll(() => county.getByTestId('ccs-closure').textContent()).toContain('保和镇中心幼儿园托班：18 名');
    await family.reload();
    await family.getByTestId('cc-public-title').waitFor();
    await expect.poll(() => family.getByTestId('cc-public-item').filter({ hasText: NAME }).count()).toBe(0);
    await openScorecard(county, server, 2025);
    await expect.poll(() => county.getByTestId('league-region').count()).toBeGreaterThan(1);
    expect(await leagueCell(county, '保和镇', '千人口托位数')).toMatch(/^0(\.0+)?\b/);

    // Every step is in the audit log, by the user who took it.
    const audited = await server.database.query<{ action: string; username: string }>(
      `SELECT action, username FROM audit_log WHERE action = ANY($1) ORDER BY seq`,
      [
        [
          'childcare.file',
          'childcare.complete',
          'childcare.inspect',
          'benefits.versionDraft',
          'benefits.versionSubmit',
          'benefits.versionPublish',
          'benefits.cycleStart',
          'benefits.batchApprove',
          'childcare.emergencyClose',
        ],
      ],
    );
    expect(audited.map((a) => `${a.action} ${a.username}`)).toEqual([
      'childcare.file institution',
      'childcare.complete county',
      `childcare.inspect ${INSPECTOR}`,
      'benefits.versionDraft county',
      'benefits.versionSubmit county',
      'benefits.versionPublish admin',
      'benefits.cycleStart finance',
      'benefits.batchApprove county',
      'childcare.emergencyClose county',
    ]);
  }, 300_000);
});

/** The fire-rescue brigade's operator: fire safety is its area (area-owners.ts). */
const INSPECTOR = 'fire';
