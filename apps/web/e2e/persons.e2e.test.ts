import { maskIdNumber, parseIdNumber } from '@cradle/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnTexts, searchPersonsByName, signIn, useBrowser } from './harness.js';

const f = useBrowser();

const MASKED = /^\d{6}\*{8}[\dX]{4}$/;
const FULL_ID = /\d{17}[\dX]/;

// Someone with a two-character given name that a few others share (so the search by that
// fragment of the name lists several people, all on the first page).
let person: { id: number; name: string; fragment: string };
beforeAll(async () => {
  const rows = await f.server.database.query<{ id: number; name: string }>(
    `SELECT p.id, p.name FROM persons p
      WHERE char_length(p.name) = 3
        AND (SELECT count(*) FROM persons q WHERE strpos(q.name, substr(p.name, 2)) > 0) BETWEEN 2 AND 20
      ORDER BY p.id LIMIT 1`,
  );
  expect(rows, 'a person with a shared given name').toHaveLength(1);
  const p = rows[0]!;
  person = { id: Number(p.id), name: p.name, fragment: p.name.slice(1) };
});

describe('person search, detail and ID reveal', () => {
  it('searching by part of a name lists the matches with masked ID numbers only', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    const { results } = await searchPersonsByName(page, person.fragment);

    const names = await columnTexts(results, '姓名');
    expect(names).toContain(person.name);
    for (const n of names) expect(n).toContain(person.fragment);
    const ids = await columnTexts(results, '公民身份号码');
    expect(ids.length).toBe(names.length);
    for (const id of ids) expect(id).toMatch(MASKED);
    expect(await page.locator('body').innerText()).not.toMatch(FULL_ID);
  });

  it('a person’s detail opens from the results, still masked', async () => {
    const { page, server } = f;
    await signIn(page, server, 'county');
    const { rows } = await searchPersonsByName(page, person.fragment);
    await rows.filter({ hasText: person.name }).first().click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/persons\/\d+$/);
    const detail = page.getByTestId('person-detail');
    await page.getByTestId('person-name').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toBe(person.name);
    expect(((await page.getByTestId('masked-id').textContent()) ?? '').trim()).toMatch(MASKED);
    await page.getByTestId('household-card').waitFor();
    await page.getByTestId('relationships-card').waitFor();
    expect(await detail.innerText()).not.toMatch(FULL_ID);
  });

  it('revealing the ID number with a reason shows the full, valid number and is written to the audit log', async () => {
    const { page, server } = f;
    const reason = '核对户籍信息（浏览器测试）';
    await signIn(page, server, 'county');
    await page.goto(`${server.baseUrl}/persons/${person.id}`);
    const masked = ((await page.getByTestId('masked-id').textContent()) ?? '').trim();
    expect(masked).toMatch(MASKED);

    await page.getByTestId('reveal-button').click();
    // No reason, no number.
    await page.getByTestId('reveal-confirm').click();
    await expect.poll(() => page.locator('.ant-modal').innerText()).toContain('请');
    expect(await page.getByTestId('revealed-id').count()).toBe(0);

    await page.getByTestId('reveal-reason').fill(reason);
    await page.getByTestId('reveal-confirm').click();
    const revealed = page.getByTestId('revealed-id');
    await revealed.waitFor();
    const full = ((await revealed.textContent()) ?? '').trim();
    expect(full).toMatch(/^\d{17}[\dX]$/);
    expect(parseIdNumber(full).ok).toBe(true);
    expect(maskIdNumber(full)).toBe(masked);

    // The audit log page (county administrators only) lists the reveal, with the reason.
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-audit').click();
    const entry = page.getByTestId('audit-table').locator('tr.ant-table-row', { hasText: '查看完整身份号码' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`#${person.id}`);
    expect(await entry.textContent()).toContain('county');
    await entry.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByTestId('audit-table').innerText()).toContain(reason);

    const audit = await server.database.query<{ username: string; details: unknown }>(
      `SELECT username, details FROM audit_log WHERE action = 'registry.revealIdNumber' AND target_id = $1`,
      [String(person.id)],
    );
    expect(audit).toEqual([{ username: 'county', details: { reason } }]);
  });
});
