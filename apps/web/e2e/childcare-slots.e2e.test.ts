import type { Page } from 'playwright-core';
import { computeUsccCheckCharacter } from '@cradle/domain';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useBrowser, type E2EServer } from './harness.js';

// Issue 14, "Done when" (slots and awards): the scorecard shows 维西's filed slots against 004 annex
// 3's 442/266 and against 4.5/2.7 per 1,000 by township; the 2,000 yuan per affordable slot is paid
// to the filed centre through a payment cycle, with its trace.

const f = useBrowser(300);

async function seed(server: E2EServer) {
  const db = server.database;
  const [owner] = await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'institution'");
  const file = async (n: number, name: string, region: string, decidedOn: string, slots: number, aff: number) => {
    const first17 = `91533423MA6KE3E0${n}`;
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status, filing_no, filed_version)
       VALUES ($1, $2, $3, $4, 'filed', $5, 1) RETURNING id`,
      [first17 + computeUsccCheckCharacter(first17), region, owner!.id, name, `TY53342300090${n}`],
    );
    await db.query(
      `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on,
         review_deadline, decided_on, decided_by, submitted_by, submitted_by_name)
       VALUES ($1, 1, 'filing', 'filed', $2, $3, $4, $4, $4, $5, $5, 'e2e')`,
      [row!.id, region, JSON.stringify({ name, slots, affordableSlots: aff }), decidedOn, owner!.id],
    );
  };
  await file(1, '保和镇阳光托育中心', '533423101', '2023-05-04', 30, 20);
  await file(2, '叶枝镇社区托育点', '533423102', '2025-03-03', 50, 30);
  // The county records the province's confirmation that its slot target is met (a published version).
  await db.query(
    `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, published_at)
     VALUES ('weixi.childcareSlotAward', '533423', 1, '2026-01-01', '{"provincialTargetMetOn": "2026-11-30"}',
             '{"document": "州卫生健康委确认函", "clause": "一"}', 'published', now())`,
  );
}

const slotRow = (page: Page, name: string) =>
  page
    .getByTestId('scorecard-table')
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.getByTestId('indicator-link').getByText(name, { exact: true }) });

describe('childcare slots and awards', () => {
  it('shows 维西 against 442/266 and 4.5/2.7 by township, and pays the award with its trace', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await seed(server);
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=2023`);
    await page.getByTestId('scorecard-table').waitFor();
    await expect.poll(() => slotRow(page, '托位数').count()).toBe(1);
    expect(await slotRow(page, '托位数').textContent()).toContain('442');
    expect(await slotRow(page, '托位数').getByTestId('target-value').textContent()).toContain('30');
    expect(await slotRow(page, '普惠托位数').textContent()).toContain('266');
    expect(await slotRow(page, '普惠托位数').getByTestId('target-value').textContent()).toContain('20');
    await screenshot(page, 'childcare-slots-2023');

    await page.goto(`${server.baseUrl}/monitoring?plan=weixi.2023&year=2025`);
    await expect.poll(() => slotRow(page, '千人口托位数').count()).toBe(1);
    expect(await slotRow(page, '千人口托位数').textContent()).toContain('4.5');
    expect(await slotRow(page, '千人口普惠性托位数').textContent()).toContain('2.7');
    const league = page.getByTestId('league-table');
    await expect.poll(() => league.getByTestId('league-region').count()).toBeGreaterThan(1);
    expect(await league.textContent()).toContain('千人口普惠性托位数');
    expect(await league.textContent()).toContain('叶枝镇');
    // The demand beside the targets: children under 3 projected, against the 80 slots filed by 2025.
    const demand = page.getByTestId('slot-demand');
    await expect.poll(() => demand.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(4);
    expect(await demand.textContent()).toContain('80');
    await screenshot(page, 'childcare-slots-demand');
    await screenshot(page, 'childcare-slots-league');

    const finance = await f.newPage();
    await finance.setViewportSize({ width: 1366, height: 900 });
    await signIn(finance, server, 'finance');
    await finance.goto(`${server.baseUrl}/childcare/awards`);
    const preview = finance.getByTestId('award-preview');
    await expect.poll(() => preview.locator('tbody tr.ant-table-row').count()).toBe(2);
    const centre = preview.locator('tbody tr.ant-table-row', { hasText: '保和镇阳光托育中心' });
    expect(await centre.textContent()).toContain('¥40,000.00');
    const started = finance.waitForResponse((r) => new URL(r.url()).pathname === '/api/payment-cycles');
    await finance.getByTestId('award-start-cycle').click();
    const startedRes = await started;
    expect(startedRes.status()).toBe(202);
    const batchId = ((await startedRes.json()) as { id: number }).id;
    const paid = finance.getByTestId('award-paid');
    for (let i = 0; i < 20 && !(await paid.isVisible()); i++) {
      await finance.waitForTimeout(500);
      const refresh = finance.getByRole('button', { name: '刷新' });
      if (await refresh.isVisible()) await refresh.click();
    }
    const paidRows = paid.locator('tbody tr.ant-table-row');
    await expect.poll(() => paidRows.count()).toBe(2);
    await paidRows.first().locator('.ant-table-row-expand-icon').click();
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

    // The batch's roster names each payee as an institution, with its credit code and the trace
    // its cycle kept (issue 14: the roster says the kind, nothing guesses it).
    await finance.getByTestId('lang-switch').click();
    await finance.getByTestId('lang-option-zh-CN').click();
    await finance.goto(`${server.baseUrl}/payment-cycles?batch=${batchId}`);
    const roster = finance.getByTestId('roster-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => roster.count()).toBe(2);
    expect(await roster.locator('[data-kind="institution"]').count()).toBe(2);
    expect(await roster.first().textContent()).toMatch(/托育机构.*[0-9A-Z]{18}/);
    await roster.first().locator('.ant-table-row-expand-icon').click();
    const kept = finance.getByTestId('batch-roster').getByTestId('eligibility-trace').first();
    await expect.poll(() => kept.getByTestId('trace-step').count()).toBe(3);
    await screenshot(finance, 'childcare-awards-roster');
  });
});
