import { chinaDateOf, computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPii } from '../../server/src/crypto/pii.js';
import { flagOverdueVisits } from '../../server/src/special-families/index.js';
import { pickOption, screenshot, signIn, useBrowser, type Deployment } from './harness.js';

// Issue 16's "done when", through the console in a 白银 county (where 001 m21's special assistance
// pays monthly): a township worker proposes a 失独 file with two contacts, the county confirms it
// (the proposer cannot), the next month's cycle pays the mother from the register with a trace
// citing the file, and a visit that goes overdue is told to its contact.
const BAIYIN: Deployment = {
  county: '620402',
  township: '620402001',
  otherTownship: '620402002',
  village: '620402001001',
};
const f = useBrowser({ populationSize: 200, scope: BAIYIN });
const SCHEME_NAME = '计划生育家庭特别扶助金';
const PEOPLE = [
  { key: 'mother', name: '扶测母', sex: 'female', birth: '1962-04-03', seq: '822', death: null },
  { key: 'father', name: '扶测父', sex: 'male', birth: '1960-08-09', seq: '831', death: null },
  { key: 'child', name: '扶测子', sex: 'male', birth: '1990-02-01', seq: '851', death: '2024-05-01' },
] as const;
const ids = new Map<string, { id: number; idNumber: string }>();

beforeAll(async () => {
  const pii = createPii(f.server.keys);
  try {
    for (const p of PEOPLE) {
      const first17 = `${BAIYIN.county}${p.birth.replaceAll('-', '')}${p.seq}`;
      const idNumber = first17 + computeIdCheckCharacter(first17);
      const [row] = await f.server.database.query<{ id: number }>(
        `INSERT INTO persons (name, sex, birth_date, death_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
         VALUES ($1, $2, $3, $4, 'resident', $5, $6, $7, $8, $8, 'test', '') RETURNING id`,
        [
          p.name,
          p.sex,
          p.birth,
          p.death,
          pii.encryptIdNumber(idNumber),
          pii.idBlindIndex(idNumber),
          maskIdNumber(idNumber),
          BAIYIN.village,
        ],
      );
      ids.set(p.key, { id: Number(row!.id), idNumber });
    }
    await f.server.database.query(
      `INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', $1, $3, $4), ('father', $2, $3, $4)`,
      [ids.get('mother')!.id, ids.get('father')!.id, ids.get('child')!.id, BAIYIN.village],
    );
  } finally {
    await pii.close();
  }
});
afterAll(() => f.server.clock.set(new Date()));

async function typeDate(picker: Locator, date: string): Promise<void> {
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
}

/** The month after a YYYY-MM-DD day, as YYYY-MM. */
function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Screenshots the page in Chinese, then reloaded in English (`tab`: the tab to open again, by position). */
async function shootBoth(page: Page, name: string, tab?: number) {
  const ready = async () => {
    if (tab === undefined) return page.getByTestId('special-family-detail').waitFor();
    await page.getByRole('tab').nth(tab).click();
    await page.getByTestId('special-families-table').locator('tr.ant-table-row').first().waitFor();
  };
  await ready();
  await screenshot(page, `${name}-zh-CN`);
  await page.evaluate(() => localStorage.setItem('cradle.lang', 'en'));
  await page.reload();
  await ready();
  await screenshot(page, `${name}-en`);
  await page.evaluate(() => localStorage.setItem('cradle.lang', 'zh-CN'));
}

describe('a special family from proposal to payment and visits (issue 16)', () => {
  let fileId = 0;

  it('a township worker proposes a 失独 file with two contacts; the county, not the proposer, confirms it', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'township');
    await page.goto(`${server.baseUrl}/special-families`);
    await page.getByRole('tab', { name: '建档' }).click();
    const form = page.getByTestId('special-family-form');
    await form.waitFor();
    await screenshot(page, 'special-family-propose-zh-CN');
    // Bad input first: an ID number whose check character is wrong is refused with a clear message.
    const child = ids.get('child')!.idNumber;
    await page.getByTestId('sf-child-id').fill(`${child.slice(0, 17)}${child.endsWith('0') ? '1' : '0'}`);
    await typeDate(form.locator('.ant-picker input').first(), '2024-05-01');
    await page.getByTestId('sf-contact-name-0').fill('李村干');
    await form.locator('input[placeholder*="账号"]').first().fill('village');
    await page.getByTestId('sf-contact-name-1').fill('王医生');
    await form.locator('input[placeholder*="电话"]').nth(1).fill('13912345678');
    await page.getByTestId('sf-submit').click();
    await expect.poll(() => page.locator('.special-family-error').textContent()).toContain('公民身份号码');
    expect((await server.database.query('SELECT 1 FROM special_family_files')).length).toBe(0);

    await page.getByTestId('sf-child-id').fill(child);
    await page.getByTestId('sf-submit').click();
    await page.waitForURL(/\/special-families\/\d+$/);
    fileId = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = page.getByTestId('special-family-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('待县级确认');
    // The proposer (a township worker) is offered no decision.
    expect(await page.getByTestId('sf-confirm').count()).toBe(0);
    await shootBoth(page, 'special-family-proposed');

    const county = await f.newPage();
    await county.setViewportSize({ width: 1366, height: 900 });
    await signIn(county, server, 'county');
    await county.goto(`${server.baseUrl}/special-families/${fileId}`);
    await county.getByTestId('sf-confirm').click();
    await expect.poll(() => county.getByTestId('special-family-detail').textContent()).toContain('已确认');
    await shootBoth(county, 'special-family-confirmed');
    await county.goto(`${server.baseUrl}/special-families`);
    await county.getByRole('tab', { name: '档案列表' }).click();
    await county.getByTestId('special-families-table').locator('tr.ant-table-row').first().waitFor();
    await shootBoth(county, 'special-families-list', 1);
  });

  it('the next month’s cycle pays the couple from the register, the trace citing the file', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const [change] = await server.database.query<{ effective_from: string }>(
      "SELECT effective_from::text FROM special_family_status_changes WHERE file_id = $1 AND status = 'confirmed'",
      [fileId],
    );
    const month = nextMonth(chinaDateOf(new Date()));
    expect(change!.effective_from).toBe(`${month}-01`);
    // Time passes to the 3rd of next month (server clock), when its cycle may run.
    server.clock.set(`${month}-03T02:00:00Z`);
    await signIn(page, server, 'finance');
    await page.goto(`${server.baseUrl}/payment-cycles`);
    await pickOption(page, page.getByTestId('cycle-scheme'), SCHEME_NAME);
    const period = page.getByTestId('cycle-period');
    await period.click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    if (!(await panel.locator(`td[title="${month}"]`).isVisible()))
      await panel.locator('.ant-picker-header-super-next-btn').click();
    await panel.locator(`td[title="${month}"]`).click();
    await page.getByTestId('cycle-start').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('batch')).not.toBeNull();
    await expect
      .poll(() => page.getByTestId('batch-progress').first().getAttribute('data-state'), { timeout: 30_000 })
      .toBe('complete');
    const rows = page.getByTestId('roster-table').locator('tr.ant-table-row');
    // 001 m21 pays each of the couple ("夫妻每人每月…1000元").
    await expect.poll(() => rows.count()).toBe(2);
    for (const r of await rows.all()) expect(await r.textContent()).toContain('1,000.00');
    await rows.first().locator('.ant-table-row-expand-icon').click();
    const saw = page.getByTestId('trace-saw');
    await expect
      .poll(() => saw.allTextContents())
      .toContainEqual(`独生子女死亡（失独）（特殊家庭档案 ${fileId} 第 2 版，自 ${month}-01 起）`);
    await screenshot(page, 'special-family-paid-zh-CN');
  });

  it('a visit that goes overdue is told to its contact', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    const [visit] = await server.database.query<{ due: string }>(
      'SELECT due_date::text AS due FROM special_family_visits WHERE file_id = $1 AND visit_date IS NULL',
      [fileId],
    );
    // The day after the planned visit was due, the daily job runs.
    const [y, m, d] = visit!.due.split('-').map(Number) as [number, number, number];
    const after = new Date(Date.UTC(y, m - 1, d + 1, 2));
    server.clock.set(after);
    expect(await flagOverdueVisits(server.database, chinaDateOf(after))).toBe(1);
    await signIn(page, server, 'village');
    await page.getByTestId('notification-bell').click();
    await expect
      .poll(() => page.getByTestId('notifications').textContent())
      .toContain(`特殊家庭档案 ${fileId} 的走访已逾期`);
    await page.getByTestId('notification-bell').click();
    await page.goto(`${server.baseUrl}/special-families/${fileId}`);
    await expect.poll(() => page.getByTestId('special-family-detail').textContent()).toContain('逾期');
    await shootBoth(page, 'special-family-overdue');
  });

  it('the township changes the needs and adds a contact; both show on the file and in the audit', async () => {
    const { page, server } = f;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, server, 'township');
    await page.goto(`${server.baseUrl}/special-families/${fileId}`);
    const editor = page.getByTestId('sf-needs-editor');
    await editor.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '独居' }).click();
    await page.keyboard.press('Escape');
    await editor.getByRole('button').click();
    await expect.poll(() => page.getByTestId('special-family-detail').textContent()).toContain('独居');
    const add = page.getByTestId('sf-add-contact');
    await add.locator('input[placeholder="姓名"]').fill('赵社工');
    await add.locator('input[placeholder="电话"]').fill('13700001111');
    await pickOption(page, add.locator('.ant-select').first(), '其他联系人');
    await add.getByRole('button').click();
    await expect.poll(() => page.getByTestId('sf-contacts').textContent()).toContain('赵社工');
    const actions = await server.database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('specialFamily.needs', 'specialFamily.contactAdd') ORDER BY seq",
      [String(fileId)],
    );
    expect(actions.map((a) => a.action)).toEqual(['specialFamily.needs', 'specialFamily.contactAdd']);
    await shootBoth(page, 'special-family-edited');
  });
});
