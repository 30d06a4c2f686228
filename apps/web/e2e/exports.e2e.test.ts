import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../server/src/exports/test-xlsx.js';
import { columnTexts, searchPersonsByName, signIn, useBrowser } from './harness.js';

const f = useBrowser();

describe('exporting a list to Excel', () => {
  it('downloads the person search with its filter: the matches, masked, audited', async () => {
    const { page, server } = f;
    const picked = await server.database.query<{ fragment: string }>(
      `SELECT substr(p.name, 2) AS fragment FROM persons p
        WHERE char_length(p.name) = 3 AND p.residence_region_code LIKE '533423101%'
        AND (SELECT count(*) FROM persons q WHERE strpos(q.name, substr(p.name, 2)) > 0) BETWEEN 2 AND 20
        ORDER BY p.id LIMIT 1`,
    );
    const fragment = picked[0]!.fragment;
    await signIn(page, server, 'township');
    const { results } = await searchPersonsByName(page, fragment);
    const shown = await columnTexts(results, '姓名');

    const download = page.waitForEvent('download');
    await page.getByTestId('persons-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^人员查询-\d{4}-\d\d-\d\d\.xlsx$/);
    const rows = await readXlsx(await readFile(await file.path()));

    expect(rows[0]).toEqual(['姓名', '性别', '年龄', '公民身份号码', '证件类型', '户籍地', '居住地']);
    // The same persons the page lists (all on its first page here), masked.
    expect(shown.length).toBeGreaterThan(0);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...shown].sort());
    for (const r of rows.slice(1)) expect(r[3]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const audit = await server.database.query<{ username: string; details: unknown }>(
      "SELECT username, details FROM audit_log WHERE action = 'registry.exportPersons' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit).toEqual([
      {
        username: 'township',
        details: { filter: { name: fragment, region: null, byIdNumber: false }, rows: rows.length - 1 },
      },
    ]);
  });
});

describe('importing a file the import cannot take', () => {
  it('tells what to do with an .xls, and a failed import shows its failure, not “counting rows”', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');
    await page.goto(`${server.baseUrl}/import`);
    const input = page.getByTestId('import-upload').locator('input[type=file]');
    await input.setInputFiles({ name: '人员.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.alloc(512) });
    const told = page.locator('.import-wrong-type');
    await told.waitFor();
    expect(await told.textContent()).toMatch(/Excel 97-2003.*另存为.*Excel 工作簿（\*\.xlsx）.*CSV UTF-8/);

    // A workbook that is no workbook: the job fails before it could count the rows.
    await input.setInputFiles({
      name: '人员.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a zip'),
    });
    const failure = page.getByTestId('import-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/Excel|xlsx/);
    const progress = page.getByTestId('import-progress');
    expect(await progress.getAttribute('data-state')).toBe('failed');
    expect(await progress.textContent()).not.toContain('正在统计');
  });
});
