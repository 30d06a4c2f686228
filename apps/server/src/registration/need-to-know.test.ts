import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptField } from '../crypto/pii.js';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { residentSignIn } from '../test/resident.js';
import { declaredForm, submit, villageOf } from './test-helpers.js';

// Issue 11, need to know: "Anyone with a phone can submit a childbirth registration naming any ID
// number; the township worker's view then shows that stranger's name, age, regions and children,
// although the same worker is refused the person directly." The stranger lives in 叶枝镇; the
// registration is made in 保和镇, whose worker may see only whether the record agrees.

let t: TestApp;
let township: Session;
let county: Session;
const stranger = { id: 0, name: '', idNumber: '', children: [] as string[] };

beforeAll(async () => {
  t = await createTestApp(1500);
  township = await login(t, 'township');
  county = await login(t, 'county');
  // A mother of 叶枝镇 whose children are all of 叶枝镇 too: nothing of hers is 保和镇's.
  const [m] = await t.database.query<{ id: number; name: string; id_cipher: Buffer }>(
    `SELECT m.id, m.name, m.id_cipher FROM persons m
      WHERE m.residence_region_code LIKE '533423102%' AND m.hukou_region_code LIKE '533423102%'
        AND EXISTS (SELECT 1 FROM relationships r WHERE r.kind = 'mother' AND r.from_person_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM relationships r JOIN persons c ON c.id = r.to_person_id
                         WHERE r.kind = 'mother' AND r.from_person_id = m.id
                           AND (c.residence_region_code NOT LIKE '533423102%' OR c.hukou_region_code NOT LIKE '533423102%'))
      ORDER BY m.id LIMIT 1`,
  );
  stranger.id = Number(m!.id);
  stranger.name = m!.name;
  stranger.idNumber = decryptField(t.keys.piiEncryption, 'idNumber', m!.id_cipher);
  stranger.children = (
    await t.database.query<{ name: string }>(
      "SELECT c.name FROM relationships r JOIN persons c ON c.id = r.to_person_id WHERE r.kind = 'mother' AND r.from_person_id = $1",
      [stranger.id],
    )
  ).map((c) => c.name);
});
afterAll(async () => t?.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, ...as(s) });

/** A resident of 保和镇 declares the stranger's ID number under another name. */
async function strangersRegistration(phone: string): Promise<number> {
  const village = await villageOf(t, '533423101');
  const res = await submit(
    t,
    await residentSignIn(t, phone),
    declaredForm(village, { mother: { name: '冒名者', idNumber: stranger.idNumber } }),
  );
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe('a registration naming a person outside the worker’s jurisdiction', () => {
  it('shows the township worker only that the record exists and does not match: no name, age, regions or children', async () => {
    const id = await strangersRegistration('13600000101');
    expect(stranger.children.length).toBeGreaterThan(0);
    // The worker may not look the stranger up directly …
    expect((await get(`/api/persons/${stranger.id}`, township)).statusCode).toBe(404);
    // … nor through the registration.
    const res = await get(`/api/childbirth-registrations/${id}`, township);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.registryMatches.mother).toEqual({
      known: true,
      inJurisdiction: false,
      matchesDeclared: false,
      childrenOutside: stranger.children.length,
      personId: null,
      name: null,
      sex: null,
      age: null,
      idMasked: null,
      hukouRegion: null,
      residenceRegion: null,
      children: [],
    });
    for (const secret of [stranger.name, ...stranger.children, '叶枝']) expect(res.body).not.toContain(secret);
    // The conflicts still say what disagrees, without quoting the record.
    expect(body.conflicts.map((c: { code: string }) => c.code)).toContain('parentNameDiffers');
    for (const c of body.conflicts as { seen: { registry: string | null }; subject: string; code: string }[])
      if (c.code !== 'parentUnknownIdNumber') expect(c.seen.registry, c.code).toBeNull();

    // The same holds for the answer to an action, and in English.
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/childbirth-registrations/${id}/request-info`,
      ...as(township, { 'accept-language': 'en' }),
      payload: { message: '请提供身份证明' },
    });
    expect(asked.statusCode).toBe(200);
    for (const secret of [stranger.name, ...stranger.children, '叶枝']) expect(asked.body).not.toContain(secret);
    expect(asked.json().registryMatches.mother.inJurisdiction).toBe(false);
  });

  it('shows the county administrator, whose jurisdiction holds the record, all of it', async () => {
    const id = await strangersRegistration('13600000102');
    const body = (await get(`/api/childbirth-registrations/${id}`, county)).json();
    expect(body.registryMatches.mother).toMatchObject({
      known: true,
      inJurisdiction: true,
      matchesDeclared: false,
      childrenOutside: 0,
      personId: stranger.id,
      name: stranger.name,
    });
    expect(body.registryMatches.mother.children.map((c: { name: string }) => c.name).sort()).toEqual(
      [...stranger.children].sort(),
    );
    expect(JSON.stringify(body.conflicts)).toContain(stranger.name);
  });
});
