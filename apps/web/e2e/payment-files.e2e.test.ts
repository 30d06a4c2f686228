import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../server/src/auth/totp.js';
import { createPii } from '../../server/src/crypto/pii.js';
import {
  demoUser,
  figure,
  freshTotp,
  modalOpened,
  pickOption,
  screenshot,
  signIn,
  useBrowser,
  VILLAGE,
} from './harness.js';

const f = useBrowser();

const SCHEME = 'yunnan.birthGrant';
const SCHEME_NAME = '云南省一次性生育补贴';
// Born in 2024 with hukou in the village: a second child gets 2,000 yuan, a third 5,000 (云南省一次性生育补贴).
const CHILDREN = [
  { name: '卡测二孩', birth: '2024-04-02', parity: 2, seq: 912, yuan: '2000.00' },
  { name: '卡测三孩', birth: '2024-09-30', parity: 3, seq: 913, yuan: '5000.00' },
];

type Child = (typeof CHILDREN)[number] & { id: number; idNumber: string };
const children: Child[] = [];
const state = { batchId: 0, dir: '' };

beforeAll(async () => {
  state.dir = await mkdtemp(path.join(tmpdir(), 'cradle-e2e-returns-'));
  const pii = createPii(f.server.keys);
  try {
    for (const c of CHILDREN) {
      const first17 = `533423${c.birth.replaceAll('-', '')}${c.seq}`;
      const idNumber = first17 + computeIdCheckCharacter(first17);
      const rows = await f.server.database.query<{ id: number }>(
        `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
         VALUES ($1, 'female', $2, 'resident', $3, $4, $5, $6, $6, $7, 'test', '') RETURNING id`,
        [
          c.name,
          c.birth,
          pii.encryptIdNumber(idNumber),
          pii.idBlindIndex(idNumber),
          maskIdNumber(idNumber),
          VILLAGE,
          c.parity,
        ],
      );
      children.push({ ...c, id: Number(rows[0]!.id), idNumber });
    }
  } finally {
    await pii.close();
  }
});
afterAll(async () => {
  if (state.dir) await rm(state.dir, { recursive: true, force: true });
});

/** A six-digit code that is none of finance's valid ones right now. */
function wrongCode(): string {
  const secret = demoUser(f.server, 'finance').totpSecret!;
  const now = Math.floor(Date.now() / 30_000);
  const valid = new Set([-1, 0, 1, 2].map((d) => totpAt(secret, (now + d) * 30_000)));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c))!;
}

async function payments() {
  return f.server.database.query<{ id: number; beneficiary_id: number; amount_fen: number; status: string }>(
    'SELECT id::int AS id, beneficiary_id::int AS beneficiary_id, amount_fen::int AS amount_fen, status FROM payments WHERE batch_id = $1 ORDER BY id',
    [state.batchId],
  );
}

async function enterCode(page: Page, code: string) {
  const otp = page.getByTestId('export-totp').locator('input').first();
  await otp.fill(code);
}

/** The CSV as the bank would write it: UTF-8, a header row, CRLF. */
async function writeReturn(name: string, rows: string[][]): Promise<string> {
  const file = path.join(state.dir, name);
  const lines = [['支付参考号', '处理结果', '原因', '银行流水号', '金额（元）'], ...rows].map((r) => r.join(','));
  await writeFile(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

async function uploadReturn(page: Page, file: string) {
  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/payment-batches/${state.batchId}/bank-return`));
  await page.getByTestId('bank-return-upload').locator('input[type=file]').setInputFiles(file);
  await answered;
}

const stage = (page: Page) => page.getByTestId('batch-stage').getAttribute('data-stage');

describe('payments under four eyes', () => {
  it('finance runs the birth grant and sees a draft roster, masked and searchable, that it cannot export; it publishes the notice', async () => {
    const { page, server } = f;
    await signIn(page, server, 'finance');
    await page.getByTestId('nav-payment-cycles').click();
    await pickOption(page, page.getByTestId('cycle-scheme'), SCHEME_NAME);
    await page.getByTestId('cycle-start').click();
    const progress = page.getByTestId('batch-progress');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    state.batchId = Number(new URL(page.url()).searchParams.get('batch'));
    const paid = await payments();
    for (const c of children)
      expect(paid.find((p) => p.beneficiary_id === c.id)?.amount_fen).toBe(Number(c.yuan.replace('.', '')));
    expect(paid.every((p) => p.status === 'pending')).toBe(true);

    // A draft: no export, a roster to check.
    await expect.poll(() => stage(page)).toBe('draft');
    expect(await page.getByTestId('batch-draft-hint').textContent()).toContain('须公示 7 个自然日');
    await page.getByTestId('export-locked').waitFor();
    expect(await page.getByTestId('export-open').count()).toBe(0);
    const roster = page.getByTestId('roster-table');
    await page.getByTestId('roster-name').fill('卡测');
    await page.getByTestId('roster-search').click();
    await expect.poll(() => roster.locator('tr.ant-table-row').count()).toBe(2);
    const text = (await roster.textContent()) ?? '';
    for (const c of children) {
      expect(text).toContain(c.name);
      expect(text).toContain(maskIdNumber(c.idNumber));
      expect(text).not.toContain(c.idNumber);
    }
    // A row opens onto its eligibility trace.
    await roster.locator('tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => roster.getByTestId('trace-step').count()).toBeGreaterThan(0);
    await screenshot(page, 'four-eyes-draft-roster');

    await page.getByTestId('batch-publish-notice').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => stage(page)).toBe('noticed');
    const [notice] = await server.database.query<{ from: string; until: string }>(
      'SELECT notice_from::text AS from, notice_until::text AS until FROM payment_batches WHERE id = $1',
      [state.batchId],
    );
    expect(await page.getByTestId('batch-notice-range').textContent()).toBe(`${notice!.from} 至 ${notice!.until}`);
    // Still nothing to export.
    expect(await page.getByTestId('export-open').count()).toBe(0);
  }, 120_000);

  it('the county administrator prints the notice, is refused before it ends, approves after; the audit log names each step', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/payment-cycles?batch=${state.batchId}`);
    await page.getByTestId('batch-review').waitFor();

    // The printable notice: names masked as families expect (卡测二孩 → 卡**孩), village, yuan.
    await page.getByTestId('batch-print-notice').click();
    const notice = page.getByTestId('notice-roster');
    await notice.waitFor();
    const rows = await notice.getByTestId('notice-row').allTextContents();
    expect(rows.some((r) => r.includes('卡**孩') && r.includes('2000.00'))).toBe(true);
    expect((await notice.textContent()) ?? '').not.toContain('卡测二孩');
    await screenshot(page, 'four-eyes-notice-print');
    await page.getByRole('button', { name: /返回发放批次/ }).click();

    // The same day: refused, with the date the notice ends.
    const [{ until } = { until: '' }] = await server.database.query<{ until: string }>(
      'SELECT notice_until::text AS until FROM payment_batches WHERE id = $1',
      [state.batchId],
    );
    await page.getByTestId('batch-approve').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expect
      .poll(() => page.getByTestId('batch-review').locator('.ant-alert-error').textContent())
      .toContain(`公示期至 ${until} 结束`);
    expect(await stage(page)).toBe('noticed');

    // The day after it ends: approved.
    server.clock.set(`${until}T16:30:00Z`);
    await page.reload();
    await page.getByTestId('batch-approve').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => stage(page)).toBe('approved');
    expect(await page.getByTestId('batch-approved-by').textContent()).toContain('县卫健委 李主任');
    await screenshot(page, 'four-eyes-approved');

    // The audit log: this batch's steps, by name.
    await page.getByTestId('nav-audit').click();
    await pickOption(page, page.getByTestId('audit-filter-target-type'), '发放批次');
    await page.getByTestId('audit-filter-target-id').fill(String(state.batchId));
    await page.getByTestId('audit-search').click();
    const table = page.getByTestId('audit-table');
    // Until the filtered page replaces the unfiltered one (which holds sign-ins, by user number).
    await expect
      .poll(async () => {
        const t = (await table.textContent()) ?? '';
        return t.includes('审批发放批次') && !t.includes('登录');
      })
      .toBe(true);
    const text = (await table.textContent()) ?? '';
    for (const step of ['开始发放批次', '发布发放名单公示', '审批发放批次']) expect(text, step).toContain(step);
    expect(text).toContain('县财政局 经办人');
    expect(text).toContain('县卫健委 李主任');
    expect(text).not.toMatch(/用户 #\d/);
    await screenshot(page, 'four-eyes-audit');
  }, 120_000);

  it('finance exports the approved batch: refused a wrong code, then the CSV whose checksum and amounts match', async () => {
    const { page, server } = f;
    await signIn(page, server, 'finance');
    await page.goto(`${server.baseUrl}/payment-cycles?batch=${state.batchId}`);
    await page.getByTestId('payment-files').waitFor();
    const paid = await payments();

    // A wrong code: refused in Chinese, nothing exported.
    await page.getByTestId('export-open').click();
    await modalOpened(page);
    const modal = page.getByTestId('export-modal');
    expect(await modal.textContent()).toContain('完整公民身份号码');
    await enterCode(page, wrongCode());
    await page.getByTestId('export-submit').click();
    await expect.poll(() => page.getByTestId('export-error').textContent()).toContain('动态码错误、已过期或已使用过');
    expect(new Set((await payments()).map((p) => p.status))).toEqual(new Set(['pending']));

    // The right code: the browser downloads the file; the dialog shows its rows, total and SHA-256.
    await enterCode(page, await freshTotp(server, 'finance'));
    const download = page.waitForEvent('download');
    await page.getByTestId('export-submit').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`cradle-${SCHEME}-once-batch${state.batchId}.csv`);
    const body = await readFile(await file.path());
    const result = page.getByTestId('export-result');
    await result.waitFor();
    const shown = ((await page.getByTestId('export-sha256').textContent()) ?? '').trim();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(body).digest('hex')).toBe(shown);
    const totalFen = paid.reduce((s, p) => s + p.amount_fen, 0);
    expect(figure((await page.getByTestId('export-rows').textContent()) ?? '')).toBe(paid.length);
    expect(await page.getByTestId('export-total').textContent()).toBe(
      `¥${(totalFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );

    // Every payment once, with its amount; the control row sums them.
    const rows = body
      .toString('utf8')
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
    expect(data.map((r) => [Number(r[1]), r[7]]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      paid.map((p) => [p.id, (p.amount_fen / 100).toFixed(2)]),
    );
    for (const c of children)
      expect(data.find((r) => r[5] === c.idNumber)).toEqual([
        expect.any(String),
        expect.any(String),
        SCHEME_NAME,
        '一次性',
        c.name,
        c.idNumber,
        VILLAGE,
        c.yuan,
      ]);
    expect(rows.at(-1)).toEqual(['合计', String(paid.length), '', '', '', '', '', (totalFen / 100).toFixed(2)]);
    expect(new Set((await payments()).map((p) => p.status))).toEqual(new Set(['exported']));
    await screenshot(page, 'payment-files-exported');

    // The .sha256 file, for sha256sum -c.
    const checksum = page.waitForEvent('download');
    await page.getByTestId('export-checksum').click();
    expect(await readFile(await (await checksum).path(), 'utf8')).toBe(
      `${shown}  cradle-${SCHEME}-once-batch${state.batchId}.csv\n`,
    );
    expect(await stage(page)).toBe('exported');
  }, 180_000);

  it('finance imports the bank return with one failure, then a return with a bad reference is refused row by row and changes nothing', async () => {
    const { page, server } = f;
    await signIn(page, server, 'finance');
    await page.goto(`${server.baseUrl}/payment-cycles?batch=${state.batchId}`);
    await page.getByTestId('payment-files').waitFor();

    const before = await payments();
    const failed = before.find((p) => p.beneficiary_id === children[0]!.id)!;
    const ok = before.find((p) => p.beneficiary_id === children[1]!.id)!;
    const rows = before.map((p) =>
      p.id === failed.id
        ? [String(p.id), '失败', '账户已销户', '', (p.amount_fen / 100).toFixed(2)]
        : [String(p.id), '成功', '', `B${p.id}`, (p.amount_fen / 100).toFixed(2)],
    );
    await uploadReturn(page, await writeReturn('return-1.csv', rows));
    const summary = page.getByTestId('bank-return-summary');
    await summary.waitFor();
    const count = async (c: string) => Number(await summary.getByTestId(`bank-return-${c}`).getAttribute('data-value'));
    expect(await count('paid')).toBe(before.length - 1);
    expect(await count('failed')).toBe(1);
    expect(await count('returned')).toBe(0);
    expect(await count('unchanged')).toBe(0);
    const settled = await payments();
    expect(settled.find((p) => p.id === failed.id)?.status).toBe('failed');
    expect(settled.filter((p) => p.status === 'paid')).toHaveLength(before.length - 1);
    await screenshot(page, 'payment-files-bank-return');

    // A paid payment again (unchanged) and a reference that is no payment id: the file is refused.
    await uploadReturn(
      page,
      await writeReturn('return-2.csv', [
        [String(ok.id), '成功', '', '', ''],
        ['ZF-0001', '退回', '户名不符', '', ''],
      ]),
    );
    const error = page.getByTestId('bank-return-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('回盘文件有错误行，本次未做任何更改');
    expect(await error.textContent()).toContain('本次未更改任何发放记录的状态');
    const errorRows = await page.getByTestId('bank-return-errors').locator('tr.ant-table-row').allTextContents();
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]).toContain('3');
    expect(errorRows[0]).toContain('支付参考号');
    expect(errorRows[0]).toContain('支付参考号“ZF-0001”格式不正确');
    expect(await page.getByTestId('bank-return-summary').count()).toBe(0);
    expect(await payments()).toEqual(settled);
    await screenshot(page, 'payment-files-bank-return-refused');
  }, 120_000);
});
