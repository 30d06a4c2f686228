import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_SCOPE } from '../../server/src/test/db.js';
import { figure, modalOpened, pickOption, screenshot, signIn, useBrowser, VILLAGE } from './harness.js';

const f = useBrowser();

const SCHEME = 'national.childcareSubsidy';
const SCHEME_NAME = '国家育儿补贴';
// Two second children of the village worker's village, born 2024-05-01: under 3 for all of 2026,
// so the national subsidy pays each the full 3,600 yuan for 2026.
const PAID = '申测甲';
const REJECTED = '申测乙';
const REASON = '户口登记信息与出生医学证明不一致，请核实';

async function insertChild(name: string, blindIndex: string): Promise<number> {
  const rows = await f.server.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ($1, 'male', '2024-05-01', 'resident', '\\x00', $2, '533423********0031', $3, $3, 2, 'test', '') RETURNING id`,
    [name, Buffer.from(blindIndex, 'hex'), VILLAGE],
  );
  return Number(rows[0]!.id);
}

const ids = { paidChild: 0, rejectedChild: 0, paidApplication: 0, rejectedApplication: 0 };
beforeAll(async () => {
  ids.paidChild = await insertChild(PAID, 'e2e0a001');
  ids.rejectedChild = await insertChild(REJECTED, 'e2e0a002');
});

/** 申请补贴 on the person's page; returns the new application's number. */
async function applyOnPersonPage(page: Page, personId: number, applicant: string): Promise<number> {
  await page.goto(`${f.server.baseUrl}/persons/${personId}`);
  await page.getByTestId('apply-button').click();
  await modalOpened(page);
  const modal = page.getByTestId('apply-modal');
  await pickOption(page, modal.getByTestId('apply-scheme'), SCHEME_NAME);
  expect(await modal.textContent()).toContain('该项目无需申请人承诺事项');
  await modal.getByTestId('apply-applicant').fill(applicant);
  await page.getByTestId('apply-submit').click();
  const result = page.getByTestId('application-result');
  await result.waitFor();
  return Number(await result.getAttribute('data-id'));
}

async function approve(page: Page) {
  await page.getByTestId('application-approve').click();
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
}

async function openFromQueue(page: Page, name: string) {
  await page.getByTestId('nav-applications').click();
  const row = page.getByTestId('applications-table').locator('tr.ant-table-row', { hasText: name });
  await row.waitFor();
  await row.click();
  await page.getByTestId('application-detail').waitFor();
}

const status = (page: Page) =>
  page.getByTestId('application-detail').getByTestId('application-status').first().getAttribute('data-status');
const decisions = (page: Page) =>
  page
    .getByTestId('decision')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-action')}@${e.getAttribute('data-level')}`));

describe('applications', () => {
  it('a village worker applies for two children; the township approves both from its queue; the county approves one and rejects the other with a reason', async () => {
    const { page, server } = f;
    await signIn(page, server, 'village');

    // The application waits for the township (the scheme's first level), with today's eligibility and its trace.
    ids.paidApplication = await applyOnPersonPage(page, ids.paidChild, '申测母亲');
    const result = page.getByTestId('application-result');
    expect(await result.getByTestId('application-status').textContent()).toBe('审核中');
    expect(await result.getByTestId('application-level').textContent()).toBe('乡(镇)、街道审核');
    expect(await result.getByTestId('review-steps').getAttribute('data-current')).toBe('0');
    expect(
      await result.getByTestId('trace-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-check'))),
    ).toEqual(['alive', 'underAgeMonths', 'amount']);
    expect(await page.getByTestId('eligibility-card').count()).toBe(1);
    await screenshot(page, 'applications-applied');

    // The same child twice: the server refuses, and says why in Chinese.
    await page.getByTestId('apply-button').click();
    await modalOpened(page);
    const modal = page.getByTestId('apply-modal');
    await pickOption(page, modal.getByTestId('apply-scheme'), SCHEME_NAME);
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => modal.getByTestId('apply-error').textContent()).toContain('该人员已有一份未结的同项目申请');
    await page.keyboard.press('Escape');

    ids.rejectedApplication = await applyOnPersonPage(page, ids.rejectedChild, '申测父亲');

    // The township worker approves both from the queue: each passes to the county.
    const township = await f.newPage();
    await signIn(township, server, 'township');
    await township.getByTestId('nav-applications').click();
    const queue = township.getByTestId('applications-table');
    await queue.locator('tr.ant-table-row', { hasText: PAID }).waitFor();
    const row = (await queue.locator('tr.ant-table-row', { hasText: PAID }).textContent()) ?? '';
    expect(row).toContain(SCHEME_NAME);
    expect(row).toContain('533423********0031');
    expect(row).toContain('审核中');
    for (const name of [PAID, REJECTED]) {
      await openFromQueue(township, name);
      await approve(township);
      await expect.poll(() => township.getByTestId('application-level').textContent()).toBe('县(区)审批');
      expect(await township.getByTestId('application-waiting').textContent()).toContain('该申请正等待「县(区)审批」');
    }
    await township.getByTestId('nav-applications').click();
    await expect.poll(() => queue.textContent()).toContain('暂无待您审核的申请');
    expect(await queue.locator('tr.ant-table-row').count()).toBe(0);

    // The county administrator approves the first: no public notice for this scheme, so it is approved.
    const county = await f.newPage();
    await signIn(county, server, 'county');
    await openFromQueue(county, PAID);
    await approve(county);
    await expect.poll(() => status(county)).toBe('approved');
    expect(await county.getByTestId('review-steps').getAttribute('data-status')).toBe('finish');
    expect(await decisions(county)).toEqual(['submit@township', 'approve@township', 'approve@county']);
    expect(await county.getByTestId('application-eligibility').getByTestId('eligibility-result').count()).toBe(1);
    await screenshot(county, 'applications-approved');

    // …and rejects the second: the reason is required, then shown with the decision.
    await openFromQueue(county, REJECTED);
    await county.getByTestId('application-reject').click();
    await modalOpened(county);
    await county.getByTestId('reject-confirm').click();
    await expect
      .poll(() => county.locator('.ant-modal .ant-form-item-explain-error').allTextContents())
      .toContain('驳回须写明理由');
    await county.getByTestId('reject-reason').fill(REASON);
    await county.getByTestId('reject-confirm').click();
    await expect.poll(() => status(county)).toBe('rejected');
    expect(await county.getByTestId('application-rejection-reason').textContent()).toBe(REASON);
    expect(await county.getByTestId('decision-reason').textContent()).toContain(REASON);
    expect(await county.getByTestId('review-steps').getAttribute('data-status')).toBe('error');

    const stored = await server.database.query<{
      id: number;
      status: string;
      level: string;
      rejection_reason: string | null;
    }>('SELECT id::int AS id, status, level, rejection_reason FROM applications ORDER BY id');
    expect(stored).toEqual([
      { id: ids.paidApplication, status: 'approved', level: 'county', rejection_reason: null },
      { id: ids.rejectedApplication, status: 'rejected', level: 'county', rejection_reason: REASON },
    ]);
  }, 180_000);

  it('the village worker appeals the rejection; finance pays the approved child ¥3,600.00 for 2026; the county may not review its own rejection, and sees the budget', async () => {
    const { page, server } = f;

    // The rejected application has left every queue: the village worker opens it by its number and appeals.
    await signIn(page, server, 'village');
    await page.getByTestId('nav-applications').click();
    await expect.poll(() => page.getByTestId('applications-table').textContent()).toContain('暂无待您审核的申请');
    await page
      .locator('input[data-testid="application-id-input"], [data-testid="application-id-input"] input')
      .fill(String(ids.rejectedApplication));
    await page.getByTestId('application-id-open').click();
    await page.getByTestId('application-detail').waitFor();
    expect(await page.getByTestId('application-rejection-reason').textContent()).toBe(REASON);
    await page.getByTestId('application-appeal').click();
    await expect.poll(() => status(page)).toBe('inReview');
    expect(await page.getByTestId('application-appealed').textContent()).toBe('已申诉');
    // A county's rejection has no level above it: the county reviews the appeal again.
    expect(await page.getByTestId('application-level').textContent()).toBe('县(区)审批');
    expect(await page.getByTestId('application-appeal').count()).toBe(0);

    // In English, the console and the server's refusal both speak English.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await page.goto(`${server.baseUrl}/persons/${ids.paidChild}`);
    await page.getByTestId('apply-button').click();
    await modalOpened(page);
    const modal = page.getByTestId('apply-modal');
    await pickOption(page, modal.getByTestId('apply-scheme'), 'National childcare subsidy');
    expect(await modal.textContent()).toContain('The scheme asks for no declarations');
    await page.getByTestId('apply-submit').click();
    await expect
      .poll(() => modal.getByTestId('apply-error').textContent())
      .toContain('The person already has an open application for this scheme');

    // The finance operator runs the 2026 cycle: only the approved child is paid.
    const finance = await f.newPage();
    await signIn(finance, server, 'finance');
    await finance.getByTestId('nav-payment-cycles').click();
    await pickOption(finance, finance.getByTestId('cycle-scheme'), SCHEME_NAME);
    const period = finance.getByTestId('cycle-period');
    if ((await period.inputValue()) !== '2026') {
      await period.click();
      await finance.keyboard.press('ControlOrMeta+A');
      await finance.keyboard.type('2026');
      await finance.keyboard.press('Enter');
    }
    expect(await period.inputValue()).toBe('2026');
    await finance.getByTestId('cycle-start').click();
    const progress = finance.getByTestId('batch-progress');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(await finance.getByTestId('batch-total').locator('.ant-statistic-content').textContent()).toBe('¥3,600.00');
    expect(figure((await finance.getByTestId('batch-count').textContent()) ?? '')).toBe(1);
    const batchId = Number(new URL(finance.url()).searchParams.get('batch'));
    const paid = await server.database.query<{ beneficiary_id: number; amount_fen: number; period_key: string }>(
      'SELECT beneficiary_id::int AS beneficiary_id, amount_fen::int AS amount_fen, period_key FROM payments WHERE batch_id = $1',
      [batchId],
    );
    expect(paid).toEqual([{ beneficiary_id: ids.paidChild, amount_fen: 360000, period_key: '2026' }]);

    // The latest batches list it; a click on its row follows it, as ?batch= does.
    await finance.goto(`${server.baseUrl}/payment-cycles`);
    const batchRow = finance.getByTestId('batches-table').locator('tr.ant-table-row', { hasText: `#${batchId}` });
    await batchRow.waitFor();
    const rowText = (await batchRow.textContent()) ?? '';
    expect(rowText).toContain(SCHEME_NAME);
    expect(rowText).toContain('已完成');
    expect(rowText).toContain('¥3,600.00');
    await batchRow.click();
    await expect.poll(() => new URL(finance.url()).searchParams.get('batch')).toBe(String(batchId));
    await expect
      .poll(() => finance.getByTestId('batch-total').locator('.ant-statistic-content').textContent())
      .toBe('¥3,600.00');
    await screenshot(finance, 'applications-payment-cycle');

    // The county administrator finds the appeal in the queue, but may not review a rejection of their own.
    const county = await f.newPage();
    await signIn(county, server, 'county');
    await county.getByTestId('nav-applications').click();
    const appealed = county.getByTestId('applications-table').locator('tr.ant-table-row', { hasText: REJECTED });
    await appealed.waitFor();
    expect(await appealed.textContent()).toContain('已申诉');
    await appealed.click();
    expect(await county.getByTestId('application-own-rejection').textContent()).toContain(
      '申诉须由驳回人以外的人员复核',
    );
    expect(await county.getByTestId('application-approve').isDisabled()).toBe(true);
    expect(await county.getByTestId('application-reject').isDisabled()).toBe(true);

    // The scheme's budget: the batch's payment is committed until the bank confirms it; a draft
    // doubling the yearly amount from 2027 doubles the next 12 months' cost.
    await server.database.query(
      `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status)
       VALUES ($1, $2, 1, '2027-01-01', '{"yearlyAmount": 720000}', '{"document": "浏览器测试草案", "clause": "第一条"}', 'draft')`,
      [SCHEME, TEST_SCOPE],
    );
    await county.goto(`${server.baseUrl}/schemes/${SCHEME}`);
    const budget = county.getByTestId('budget-card');
    await budget.waitFor();
    await expect
      .poll(() => budget.getByTestId('budget-committed').locator('.ant-statistic-content').textContent())
      .toBe('¥3,600.00');
    expect(await budget.getByTestId('budget-paid').locator('.ant-statistic-content').textContent()).toBe('¥0.00');
    const next12 = async () =>
      figure((await budget.getByTestId('budget-next12').locator('.ant-statistic-content').textContent()) ?? '');
    const inForce = await next12();
    await pickOption(county, budget.getByTestId('budget-draft'), '第 1 版');
    await budget.getByTestId('budget-assuming').waitFor();
    expect(await budget.getByTestId('budget-assuming').textContent()).toContain('按第 1 版草案测算');
    await expect.poll(next12).toBe(inForce * 2);
    await screenshot(county, 'applications-budget');
  }, 180_000);
});
