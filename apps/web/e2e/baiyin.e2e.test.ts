import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chinaDateOf, computeIdCheckCharacter, maskIdNumber, periodOn } from '@cradle/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPii } from '../../server/src/crypto/pii.js';
import {
  figure,
  freshTotp,
  modalOpened,
  pickOption,
  screenshot,
  searchPersonsByName,
  signIn,
  useBrowser,
  type Deployment,
} from './harness.js';
import { approveAsCounty } from './four-eyes.js';

// Issue 3's path through the console, in a 白银 county as baiyin-path.test.ts walks it through
// the API: the county publishes its monthly amount, a village worker applies for two second
// children, both pass village → township → county review and the public notice, finance runs
// last month's cycle, exports the file, imports a bank return failing one, and this month's
// cycle pays that one again.
const BAIYIN: Deployment = {
  county: '620402', // 白银区
  township: '620402001', // 人民路街道
  otherTownship: '620402002', // 公园路街道
  village: '620402001001', // 中心街社区居民委员会
};
const f = useBrowser({ populationSize: 300, scope: BAIYIN });

const SCHEME = 'baiyin.childcareSubsidy';
const SCHEME_NAME = '白银市育儿补贴';
const DOCUMENT = '白银区人民政府 白区政发〔2024〕12号（浏览器测试）';

const thisMonth = periodOn('monthly', chinaDateOf(new Date()));
/** The month n months before a YYYY-MM month. */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}
const lastMonth = monthsBefore(thisMonth, 1);

// Second children with hukou in the village, born after 2024-01-01 and under 3 in both months
// paid (measure 13 pays them monthly until 3): born 14 and 10 months ago, so the test does not age.
const CHILDREN = [
  { name: '银测甲', birth: `${monthsBefore(thisMonth, 14)}-15`, seq: '931' },
  { name: '银测乙', birth: `${monthsBefore(thisMonth, 10)}-01`, seq: '932' },
];
const [PAID, FAILED] = CHILDREN.map((c) => c.name) as [string, string];

const idNumbers = new Map<string, string>();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cradle-e2e-baiyin-'));
  const pii = createPii(f.server.keys);
  try {
    for (const c of CHILDREN) {
      const first17 = `${BAIYIN.county}${c.birth.replaceAll('-', '')}${c.seq}`;
      const idNumber = first17 + computeIdCheckCharacter(first17);
      await f.server.database.query(
        `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
         VALUES ($1, 'female', $2, 'resident', $3, $4, $5, $6, $6, 2, 'test', '')`,
        [
          c.name,
          c.birth,
          pii.encryptIdNumber(idNumber),
          pii.idBlindIndex(idNumber),
          maskIdNumber(idNumber),
          BAIYIN.village,
        ],
      );
      idNumbers.set(c.name, idNumber);
    }
  } finally {
    await pii.close();
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const statistic = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.ant-statistic-content').textContent();
const status = (page: Page) =>
  page.getByTestId('application-detail').getByTestId('application-status').first().getAttribute('data-status');
const level = (page: Page) => page.getByTestId('application-detail').getByTestId('application-level').textContent();

/** Approves the open application and waits for the server's answer (a loaded machine may take seconds). */
async function approve(page: Page) {
  await page.getByTestId('application-approve').click();
  const decided = page.waitForResponse((r) => /\/api\/applications\/\d+\/approve$/.test(r.url()), { timeout: 30_000 });
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
  expect((await decided).status()).toBe(200);
}

async function openFromQueue(page: Page, name: string) {
  await page.getByTestId('nav-applications').click();
  const row = page.getByTestId('applications-table').locator('tr.ant-table-row', { hasText: name });
  await row.waitFor();
  await row.click();
  await expect.poll(() => page.getByTestId('application-detail').getByText(name).count()).toBeGreaterThan(0);
}

/** The village worker finds the child by name, applies on their page, and approves at the village level. */
async function applyAndPassVillage(page: Page, name: string): Promise<number> {
  const { rows } = await searchPersonsByName(page, name);
  await expect.poll(() => rows.count()).toBe(1);
  await rows.first().click();
  await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(name);
  await page.getByTestId('apply-button').click();
  await modalOpened(page);
  const modal = page.getByTestId('apply-modal');
  await pickOption(page, modal.getByTestId('apply-scheme'), SCHEME_NAME);
  await modal.getByTestId('apply-applicant').fill(`${name}之母`);
  await page.getByTestId('apply-submit').click();
  const result = page.getByTestId('application-result');
  await result.waitFor();
  expect(await result.getByTestId('application-status').textContent()).toBe('审核中');
  expect(await result.getByTestId('application-level').textContent()).toBe('村(居)委会初审');
  expect(await result.getByTestId('eligibility-result').getAttribute('data-eligible')).toBe('true');
  expect(await result.getByTestId('eligibility-amount').locator('.ant-statistic-content').textContent()).toBe(
    '¥300.00',
  );
  const id = Number(await result.getAttribute('data-id'));

  await result.getByTestId('application-open').click();
  await expect.poll(() => level(page)).toBe('村(居)委会初审');
  await approve(page);
  await expect.poll(() => level(page)).toBe('乡(镇)、街道审核');
  return id;
}

/** Picks the scheme and a month on the cycles page (in the picker's month panel), starts the cycle and waits for its batch to complete. */
async function runCycle(page: Page, month: string): Promise<number> {
  await pickOption(page, page.getByTestId('cycle-scheme'), SCHEME_NAME);
  const period = page.getByTestId('cycle-period');
  // Clicked, not typed: Enter in the picker would submit the form and start the cycle by itself.
  const shown = await period.inputValue();
  if (shown !== month) {
    await period.click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    // The panel opens on the shown month's year: December is last month in January.
    if (shown.slice(0, 4) !== month.slice(0, 4)) await panel.locator('.ant-picker-header-super-prev-btn').click();
    await panel.locator(`td[title="${month}"]`).click();
  }
  await expect.poll(() => period.inputValue()).toBe(month);
  const before = new URL(page.url()).searchParams.get('batch');
  await page.getByTestId('cycle-start').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('batch')).not.toBe(before);
  const id = Number(new URL(page.url()).searchParams.get('batch'));
  // The previous batch's card (complete too) stays on screen until the page has rendered the new one.
  const card = page
    .getByTestId('batch-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`#${id}$`) }) });
  await expect
    .poll(() => card.getByTestId('batch-progress').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('complete');
  return id;
}

/** Exports the followed batch as CSV with a fresh authenticator code; returns the file's data rows (no header, no control row). */
async function exportCsv(page: Page, totalText: string): Promise<string[][]> {
  await page.getByTestId('export-open').click();
  await modalOpened(page);
  expect(await page.getByTestId('export-format').locator('.ant-radio-button-wrapper-checked').textContent()).toBe(
    'CSV',
  );
  await page
    .getByTestId('export-totp')
    .locator('input')
    .first()
    .fill(await freshTotp(f.server, 'finance'));
  const download = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const body = await readFile(await (await download).path(), 'utf8');
  await page.getByTestId('export-result').waitFor();
  expect(await page.getByTestId('export-total').textContent()).toBe(totalText);
  const rows = body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));
  expect(rows[0]).toEqual([
    '序号',
    '支付参考号',
    '项目',
    '期间',
    '姓名',
    '公民身份号码',
    '户籍地区划代码',
    '金额（元）',
  ]);
  const data = rows.slice(1, -1);
  expect(rows.at(-1)?.[0]).toBe('合计');
  expect(figure((await page.getByTestId('export-rows').textContent()) ?? '')).toBe(data.length);
  await page.getByTestId('export-close').click();
  return data;
}

/** The payment-status tags of the followed batch, as the console shows them ("已支付 1"). */
const paymentTags = (page: Page) => page.getByTestId('batch-payment-statuses').locator('.ant-tag').allTextContents();

describe('白银: from a county amount to a repaid failure, through the console', () => {
  it('the county publishes 300 yuan a month; two children pass three levels of review and the public notice; finance pays, exports, imports a return with one failure, and next month pays it again', async () => {
    const { server } = f;

    // 1. The county administrator drafts 300 yuan a month from 2024-01-01 and submits it.
    const county = f.page;
    await signIn(county, server, 'county');
    await county.getByTestId('nav-schemes').click();
    const schemeRow = county.getByTestId('schemes-table').locator('tr.ant-table-row', { hasText: SCHEME_NAME });
    await schemeRow.getByRole('link', { name: SCHEME_NAME }).click();
    await expect.poll(() => new URL(county.url()).pathname).toBe(`/schemes/${SCHEME}`);
    expect(await county.getByTestId('parameters-card').textContent()).toContain('待县(区)级设定');
    const form = county.getByTestId('version-draft');
    await form.getByTestId('draft-effective-from').click();
    await county.keyboard.type('2024-01-01');
    await county.keyboard.press('Enter');
    await form.getByTestId('draft-document').fill(DOCUMENT);
    await form.getByTestId('draft-clause').fill('第三条');
    await form.getByTestId('draft-value-monthlyAmount').fill('300');
    await form.getByTestId('draft-save').click();
    const draft = county.getByTestId('versions-table').locator('tr.ant-table-row', { hasText: DOCUMENT });
    await draft.waitFor();
    expect(await draft.getByTestId('version-status').textContent()).toBe('草稿');
    expect(await draft.textContent()).toContain('每月补贴标准：¥300.00');
    await draft.getByTestId('version-submit').click();
    await expect.poll(() => draft.getByTestId('version-status').textContent()).toBe('待审核');
    expect(await draft.getByTestId('version-publish').isDisabled()).toBe(true);

    // 2. The system administrator publishes it; the scheme now pays 300 yuan a month in 白银区.
    const admin = await f.newPage();
    await signIn(admin, server, 'admin');
    await admin.getByTestId('nav-schemes').click();
    await admin
      .getByTestId('schemes-table')
      .locator('tr.ant-table-row', { hasText: SCHEME_NAME })
      .getByRole('link', { name: SCHEME_NAME })
      .click();
    const review = admin.getByTestId('versions-table').locator('tr.ant-table-row', { hasText: DOCUMENT });
    await review.getByTestId('version-publish').click();
    await expect.poll(() => review.getByTestId('version-status').textContent()).toBe('已发布');
    await expect.poll(() => admin.getByTestId('parameter-value-monthlyAmount').textContent()).toBe('¥300.00');
    await admin.close();
    const [version] = await server.database.query<{ jurisdiction_code: string; values: unknown; status: string }>(
      `SELECT jurisdiction_code, values, status FROM scheme_versions WHERE scheme_code = $1 AND legal_basis->>'document' = $2`,
      [SCHEME, DOCUMENT],
    );
    expect(version).toEqual({
      jurisdiction_code: BAIYIN.county,
      values: { monthlyAmount: 30000 },
      status: 'published',
    });

    // 3. The village worker applies for both children and passes each on from the village level.
    const village = await f.newPage();
    await signIn(village, server, 'village');
    const applicationIds: number[] = [];
    for (const c of CHILDREN) applicationIds.push(await applyAndPassVillage(village, c.name));
    await screenshot(village, 'baiyin-village-approved');
    await village.close();

    // 4. The township worker approves both from the queue: they go to the county.
    const township = await f.newPage();
    await signIn(township, server, 'township');
    for (const c of CHILDREN) {
      await openFromQueue(township, c.name);
      expect(await level(township)).toBe('乡(镇)、街道审核');
      await approve(township);
      await expect.poll(() => level(township)).toBe('县(区)审批');
    }
    await township.close();

    // 5. The county approves both: each goes on public notice for seven days, which the county may not end early.
    for (const c of CHILDREN) {
      await openFromQueue(county, c.name);
      await approve(county);
      await expect.poll(() => status(county)).toBe('publicNotice');
      expect(await county.getByTestId('application-status').first().textContent()).toBe('公示中');
      expect(await county.getByTestId('application-close-notice').isDisabled()).toBe(true);
    }
    const noticed = await server.database.query<{ id: number; status: string; days: number }>(
      `SELECT id::int AS id, status, (notice_until - (now() AT TIME ZONE 'Asia/Shanghai')::date) AS days FROM applications ORDER BY id`,
    );
    expect(noticed).toEqual(applicationIds.map((id) => ({ id, status: 'publicNotice', days: 7 })));

    // Seven days pass (as baiyin-path.test.ts has them pass); the county confirms each notice from its queue.
    await server.database.query('UPDATE applications SET notice_until = current_date - 1 WHERE id = ANY($1)', [
      applicationIds,
    ]);
    for (const c of CHILDREN) {
      await openFromQueue(county, c.name);
      const close = county.getByTestId('application-close-notice');
      await expect.poll(() => close.isDisabled()).toBe(false);
      await close.click();
      await expect.poll(() => status(county)).toBe('approved');
      // Every step done: the three levels, the notice and the approval.
      await expect.poll(() => county.getByTestId('review-steps').locator('.ant-steps-item-finish').count()).toBe(5);
    }
    await screenshot(county, 'baiyin-county-notice-closed');
    const decided = await server.database.query<{ status: string }>('SELECT status FROM applications ORDER BY id');
    expect(decided).toEqual([{ status: 'approved' }, { status: 'approved' }]);

    // 6. Finance runs last month's cycle: both children, 300 yuan each.
    const finance = await f.newPage();
    await signIn(finance, server, 'finance');
    await finance.getByTestId('nav-payment-cycles').click();
    const first = await runCycle(finance, lastMonth);
    expect(await statistic(finance, 'batch-total')).toBe('¥600.00');
    expect(figure((await statistic(finance, 'batch-count')) ?? '')).toBe(2);
    await expect.poll(() => paymentTags(finance)).toEqual(['待导出 2']);
    // A second pair of eyes: the county publishes the notice and approves once it has run.
    await approveAsCounty(server, county, first);
    await finance.reload();

    // 7. …exports the CSV (a fresh authenticator code): one row per child, last month, 300.00 each.
    const exported = await exportCsv(finance, '¥600.00');
    // The batch card follows the export at once.
    await expect.poll(() => paymentTags(finance)).toEqual(['已导出待回盘 2']);
    const byName = new Map(exported.map((r) => [r[4]!, r]));
    for (const c of CHILDREN) {
      expect(byName.get(c.name)?.slice(2)).toEqual([
        SCHEME_NAME,
        lastMonth,
        c.name,
        idNumbers.get(c.name),
        BAIYIN.village,
        '300.00',
      ]);
    }
    const paidRef = byName.get(PAID)![1]!;
    const failedRef = byName.get(FAILED)![1]!;

    // 8. …and imports the bank's return, written from the file's rows: one paid, one failed.
    const returnFile = path.join(dir, 'bank-return.csv');
    const lines = [
      ['支付参考号', '处理结果', '原因'],
      ...exported.map((r) => (r[1] === failedRef ? [failedRef, '失败', '账户已冻结'] : [r[1]!, '成功', ''])),
    ];
    await writeFile(returnFile, `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
    const answered = finance.waitForResponse((r) => r.url().endsWith(`/api/payment-batches/${first}/bank-return`));
    await finance.getByTestId('bank-return-upload').locator('input[type=file]').setInputFiles(returnFile);
    expect((await answered).status()).toBe(200);
    const summary = finance.getByTestId('bank-return-summary');
    await summary.waitFor();
    const count = async (c: string) => Number(await summary.getByTestId(`bank-return-${c}`).getAttribute('data-value'));
    expect([await count('paid'), await count('failed'), await count('returned'), await count('unchanged')]).toEqual([
      1, 1, 0, 0,
    ]);
    await screenshot(finance, 'baiyin-bank-return');
    // The batch card asks for the batch again after the return: no reload needed.
    await expect.poll(() => paymentTags(finance)).toEqual(['已支付 1', '支付失败 1']);

    // 9. This month's cycle pays both children for this month and the failed one again for last month.
    const second = await runCycle(finance, thisMonth);
    expect(second).not.toBe(first);
    expect(await statistic(finance, 'batch-total')).toBe('¥900.00');
    expect(figure((await statistic(finance, 'batch-count')) ?? '')).toBe(3);
    await expect.poll(() => paymentTags(finance)).toEqual(['待导出 3']);
    await approveAsCounty(server, county, second);
    await finance.reload();
    // Its file carries the failed payment under the same reference, still for last month.
    const again = await exportCsv(finance, '¥900.00');
    expect(again).toHaveLength(3);
    expect(again.filter((r) => r[3] === lastMonth).map((r) => [r[1], r[4], r[7]])).toEqual([
      [failedRef, FAILED, '300.00'],
    ]);
    expect(
      again
        .filter((r) => r[3] === thisMonth)
        .map((r) => [r[4], r[7]])
        .sort(),
    ).toEqual(CHILDREN.map((c) => [c.name, '300.00']).sort());
    expect(again.map((r) => r[1])).not.toContain(paidRef);
    await screenshot(finance, 'baiyin-second-cycle');

    // The first batch keeps only the paid payment: the failed one has moved on.
    const firstRow = finance.getByTestId('batches-table').locator('tr.ant-table-row', { hasText: `#${first}` });
    expect(await firstRow.textContent()).toContain(lastMonth);
    await firstRow.click();
    await expect.poll(() => new URL(finance.url()).searchParams.get('batch')).toBe(String(first));
    await expect.poll(() => paymentTags(finance)).toEqual(['已支付 1']);

    const stored = await server.database.query<{
      id: string;
      batch_id: number;
      period_key: string;
      status: string;
      attempts: number;
      amount_fen: number;
    }>(
      'SELECT id::text AS id, batch_id::int AS batch_id, period_key, status, attempts, amount_fen::int AS amount_fen FROM payments WHERE id = ANY($1) ORDER BY id',
      [[paidRef, failedRef].map(Number)],
    );
    expect(stored.find((p) => p.id === failedRef)).toEqual({
      id: failedRef,
      batch_id: second,
      period_key: lastMonth,
      status: 'exported',
      attempts: 2,
      amount_fen: 30000,
    });
    expect(stored.find((p) => p.id === paidRef)).toEqual({
      id: paidRef,
      batch_id: first,
      period_key: lastMonth,
      status: 'paid',
      attempts: 1,
      amount_fen: 30000,
    });
  }, 180_000);
});
