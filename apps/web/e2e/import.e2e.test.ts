import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeIdCheckCharacter } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTexts, figure, screenshot, searchPersonsByName, signIn, useBrowser, VILLAGE } from './harness.js';

const f = useBrowser();

const HEADER = '姓名,公民身份号码,性别,出生日期,民族,户籍地代码,居住地代码,户号,与户主关系,联系电话';
/** A valid ID number of someone registered in the county (533423), born on `birth` (YYYYMMDD). */
const idNumber = (birth: string, seq: string) =>
  `533423${birth}${seq}${computeIdCheckCharacter(`533423${birth}${seq}`)}`;

let dir: string;
let csvPath: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cradle-e2e-import-'));
  csvPath = path.join(dir, '南路社区人口登记.csv');
  const lines = [
    HEADER,
    // Row 2 and 3: a couple in one household of the village.
    `浏测甲,${idNumber('19860312', '731')},男,1986-03-12,傈僳族,${VILLAGE},${VILLAGE},E2E-HH-001,户主,13800000001`,
    `浏测乙,${idNumber('19880705', '742')},女,1988-07-05,纳西族,${VILLAGE},${VILLAGE},E2E-HH-001,配偶,`,
    // Row 4: the 17th digit (3, odd) says male, the sex column says female.
    `浏测丙,${idNumber('20100101', '753')},女,2010-01-01,傈僳族,${VILLAGE},${VILLAGE},E2E-HH-001,子女,`,
  ];
  await writeFile(csvPath, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('import', () => {
  it('uploading a CSV with a bad row imports the good rows and shows the bad one with the reason', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');
    await page.getByTestId('nav-import').click();
    const fileInput = page.getByTestId('import-upload').locator('input[type=file]');
    await fileInput.setInputFiles(csvPath);

    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await page.locator('.ant-card', { has: summary }).textContent()).toContain('南路社区人口登记.csv');

    const count = async (name: string) =>
      figure((await summary.getByTestId(`import-count-${name}`).locator('.ant-statistic-content').textContent()) ?? '');
    await expect.poll(() => count('valid')).toBe(2);
    expect(await count('invalid')).toBe(1);
    expect(await count('inserted')).toBe(2);

    const errors = page.getByTestId('import-errors').locator('tr.ant-table-row');
    await expect.poll(() => errors.count()).toBe(1);
    const table = page.getByTestId('import-errors');
    expect(await columnTexts(table, '行号')).toEqual(['4']);
    expect(await columnTexts(table, '字段')).toEqual(['性别']);
    expect((await columnTexts(table, '错误说明'))[0]).toMatch(/性别.*身份号码/);

    await page.waitForTimeout(500);
    await screenshot(page, 'import');

    // The two good rows are now in the registry.
    const { results } = await searchPersonsByName(page, '浏测');
    expect((await columnTexts(results, '姓名')).sort()).toEqual(['浏测乙', '浏测甲'].sort());
  });
});
