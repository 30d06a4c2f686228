import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modalOpened, screenshot, signIn, useBrowser } from './harness.js';

// Issue 15 (plan supervision), through the console: the education bureau's liaison signs in,
// sees its unit's tasks (lead, support, joint-meeting member), reports #18 with a photo; the
// office (county) accepts it and the task shows done; a joint meeting's decision becomes a task
// in the owner's queue.

const f = useBrowser(200);
// A 1×1 PNG: the photo of a new kindergarten class.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('plan supervision in the console', () => {
  it('a liaison reports #18 with a photo, the office accepts it; a decision becomes a task', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const photo = path.join(tmpdir(), '新建幼儿园.png');
    await writeFile(photo, PNG);

    await signIn(page, server, 'liaison');
    await page.getByTestId('nav-supervision-mine').click();
    const table = page.getByTestId('kt-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('kt-my-units').textContent()).toContain('县教育体育局');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(17);
    await screenshot(page, 'supervision-liaison-tasks');

    await page.getByTestId('kt-open-18').click();
    await page.getByTestId('kt-report-form').waitFor();
    expect(await page.getByTestId('kt-text').textContent()).toContain('扩大学前教育资源供给');
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/supervision/evidence');
    await page.locator('[data-testid="kt-report-form"] input[type="file"]').setInputFiles(photo);
    expect((await uploaded).status()).toBe(200);
    await expect.poll(() => page.getByTestId('kt-report-evidence').textContent()).toContain('新建幼儿园.png');
    await page.getByTestId('kt-report-period').fill('2025');
    await page.getByTestId('kt-report-text').fill('新增普惠性幼儿园 2 所,公办园全部提供延时托管服务。');
    await page.getByTestId('kt-report-completes').check();
    const sent = page.waitForResponse((r) =>
      /\/api\/supervision\/tasks\/\d+\/reports$/.test(new URL(r.url()).pathname),
    );
    await page.getByTestId('kt-report-submit').click();
    expect((await sent).status()).toBe(200);
    await expect.poll(() => page.getByTestId('kt-report-state').first().textContent()).toBe('待审核');
    await screenshot(page, 'supervision-liaison-reported');

    await f.context.clearCookies();
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/supervision/tasks`);
    const all = page.getByTestId('kt-table');
    await all.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('kt-open-18').click();
    const accept = page.locator('[data-testid^="kt-accept-"]');
    await accept.waitFor();
    const accepted = page.waitForResponse((r) => /\/accept$/.test(new URL(r.url()).pathname));
    await accept.click();
    expect((await accepted).status()).toBe(200);
    await expect.poll(() => page.getByTestId('kt-report-state').first().textContent()).toBe('已采纳');
    await expect.poll(() => page.getByTestId('kt-title').textContent()).toContain('已完成');
    await screenshot(page, 'supervision-office-accepted');
    // The office opens the photo the liaison attached: the same bytes, an audited download.
    const download = page.waitForEvent('download');
    await page.locator('[data-testid^="kt-evidence-"]').first().click();
    const opened = await download;
    expect(opened.suggestedFilename()).toBe('新建幼儿园.png');
    expect((await readFile(await opened.path())).equals(PNG)).toBe(true);

    // A plenary meeting with one decision for 县教育体育局.
    await page.goto(`${server.baseUrl}/supervision/meetings`);
    await page.getByTestId('meeting-record').click();
    await modalOpened(page);
    await page.getByTestId('meeting-title').fill('2026年全体会议');
    const held = page.locator('[data-testid="meeting-held-on"] input, input[data-testid="meeting-held-on"]').first();
    await held.click();
    await held.fill('2026-12-01');
    await held.press('Enter');
    await expect.poll(() => held.inputValue()).toBe('2026-12-01');
    await page.getByTestId('meeting-chair').fill('副县长');
    await page.getByTestId('meeting-signed-by').fill('副县长');
    await page.getByTestId('meeting-minutes').fill('会议听取各成员单位工作汇报,研究部署下一步工作。');
    await page.getByTestId('meeting-add-decision').click();
    await page.getByTestId('meeting-decision-text-0').fill('制定三孩教育补贴实施细则');
    await page.getByTestId('meeting-decision-owners-0').click();
    await page.keyboard.type('县教育体育局');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '县教育体育局',
      })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('meeting-decision-owners-0').textContent()).toContain('县教育体育局');
    const due = page
      .locator('[data-testid="meeting-decision-due-0"] input, input[data-testid="meeting-decision-due-0"]')
      .first();
    await due.click();
    await due.fill('2027-03-31');
    await due.press('Enter');
    await expect.poll(() => due.inputValue()).toBe('2027-03-31');
    const recorded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/supervision/meetings' && r.request().method() === 'POST',
    );
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    const res = await recorded;
    expect(res.status(), await res.text()).toBe(200);
    const meeting = (await res.json()) as { decisionTaskIds: number[] };
    expect(meeting.decisionTaskIds).toHaveLength(1);
    await screenshot(page, 'supervision-meetings');

    await f.context.clearCookies();
    await signIn(page, server, 'liaison');
    await page.goto(`${server.baseUrl}/supervision/mine`);
    await expect.poll(() => page.getByTestId('kt-table').locator('tbody tr.ant-table-row').count()).toBe(18);
    expect(await page.getByTestId('kt-table').textContent()).toContain('制定三孩教育补贴实施细则');
  });
});
