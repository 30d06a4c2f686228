import { beforeAll, describe, expect, it } from 'vitest';
import { columnTexts, OTHER_TOWNSHIP, searchPersonsByName, signIn, TOWNSHIP, useBrowser } from './harness.js';

const f = useBrowser();

// Someone who lives and is registered in 叶枝镇, with a name nobody in 保和镇 has (so an
// empty result can only mean the row was withheld, not that the name is unknown).
let outsider: { id: number; name: string };
beforeAll(async () => {
  const rows = await f.server.database.query<{ id: number; name: string }>(
    `SELECT p.id, p.name FROM persons p
      WHERE p.residence_region_code LIKE $1 AND p.hukou_region_code LIKE $1
        AND NOT EXISTS (SELECT 1 FROM persons q WHERE strpos(q.name, p.name) > 0
                         AND (q.residence_region_code LIKE $2 OR q.hukou_region_code LIKE $2))
      ORDER BY p.id LIMIT 1`,
    [`${OTHER_TOWNSHIP}%`, `${TOWNSHIP}%`],
  );
  expect(rows, 'a person living only in the other township').toHaveLength(1);
  outsider = { id: Number(rows[0]!.id), name: rows[0]!.name };
});

describe('jurisdiction', () => {
  it('a township worker does not see a person of another township: the search finds nobody', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');
    const { results, rows } = await searchPersonsByName(page, outsider.name);
    await expect.poll(() => results.innerText()).toContain('没有符合条件的人员');
    expect(await rows.count()).toBe(0);
    expect(await results.innerText()).not.toContain(outsider.name);

    // Nor by opening the person's page directly.
    await page.goto(`${server.baseUrl}/persons/${outsider.id}`);
    await expect.poll(() => page.locator('.ant-result').innerText()).toContain('未找到该人员，或该人员不在您的辖区内');
    expect(await page.locator('body').innerText()).not.toContain(outsider.name);

    // The same search by the worker of 叶枝镇 finds them, so the empty result above is the jurisdiction at work.
    const other = await f.newPage();
    await signIn(other, server, 'township2');
    const theirs = await searchPersonsByName(other, outsider.name);
    expect(await columnTexts(theirs.results, '姓名')).toContain(outsider.name);
  });
});
