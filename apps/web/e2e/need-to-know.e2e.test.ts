import { beforeAll, describe, expect, it } from 'vitest';
import { decryptField } from '../../server/src/crypto/pii.js';
import { asResident, residentSignIn } from '../../server/src/test/resident.js';
import { OTHER_TOWNSHIP, signIn, useBrowser, VILLAGE } from './harness.js';

// Issue 11, need to know, as users meet it: a department operator and a leader have no person
// search (menu item hidden, page refused with a message); a township worker handling a
// registration that names a person of another township sees only whether the record agrees.
const f = useBrowser();

let stranger: { name: string; idNumber: string };
let registrationId = 0;
beforeAll(async () => {
  const [m] = await f.server.database.query<{ name: string; id_cipher: Buffer }>(
    `SELECT m.name, m.id_cipher FROM persons m
      WHERE m.sex = 'female' AND m.residence_region_code LIKE $1 AND m.hukou_region_code LIKE $1
        AND m.birth_date BETWEEN '1985-01-01' AND '2000-12-31' ORDER BY m.id LIMIT 1`,
    [`${OTHER_TOWNSHIP}%`],
  );
  stranger = { name: m!.name, idNumber: decryptField(f.server.keys.piiEncryption, 'idNumber', m!.id_cipher) };
  const r = await residentSignIn(f.server, '13900000111');
  const res = await f.server.app.inject({
    method: 'POST',
    url: '/api/portal/childbirth-registrations',
    ...asResident(r),
    payload: {
      mother: { name: '冒名者', idNumber: stranger.idNumber },
      father: null,
      married: false,
      residenceRegionCode: VILLAGE,
      childStatus: 'pregnant',
      expectedBirthDate: '2027-05-20',
      commitment: { accepted: true, statement: '本人承诺以上生育情况属实。' },
    },
  });
  expect(res.statusCode).toBe(201);
  registrationId = res.json().id;
});

describe('need to know', () => {
  it('a department operator and a leader have no person search: no menu item, and the page says why', async () => {
    for (const username of ['hospital', 'leader']) {
      const page = await f.newPage();
      await signIn(page, f.server, username);
      await page.getByTestId('side-menu').waitFor();
      expect(await page.getByTestId('nav-dashboard').count(), username).toBe(1);
      expect(await page.getByTestId('nav-persons').count(), username).toBe(0);
      expect(await page.getByTestId('nav-import').count(), username).toBe(0);
      await page.goto(`${f.server.baseUrl}/persons`);
      await expect.poll(() => page.locator('.ant-result').innerText()).toContain('您没有访问此页面的权限');
    }
  });

  it('a township worker sees that the registry holds the declared ID number elsewhere, and nothing of its holder', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');
    await page.goto(`${server.baseUrl}/childbirth-registrations/${registrationId}`);
    const match = page.getByTestId('match-mother');
    await match.waitFor();
    expect(await match.getAttribute('data-in-jurisdiction')).toBe('false');
    expect(await match.innerText()).toContain('不在您的辖区内');
    expect(await page.getByTestId('conflicts-card').innerText()).toContain('姓名与全员人口库的登记不一致');
    expect(await page.locator('body').innerText()).not.toContain(stranger.name);
  });
});
