import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPii } from '../crypto/pii.js';
import { createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { pickTestMother, type TestMother } from '../test/family.js';
import { asResident, residentSignIn, type ResidentSession } from '../test/resident.js';
import {
  BIRTH_DATE,
  boundFamily,
  bundleForm,
  freshIdNumber,
  staff,
  submit,
  taskId,
  type Family,
} from './test-setup.js';

// What a bundle tells the family of the registry (review of issue 4): a name and an ID number
// are known to too many people (ADR 006), so a declared person's registry match is never shown
// to whoever typed them.

let t: TestApp;
let f: Family;
const s: Record<string, Session> = {};

interface RegistryPerson {
  personId: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  hukouRegionCode: string;
}

/** A registry mother and her child born in 2025, as a stranger who knows their papers would type them. */
async function motherAndBaby(): Promise<{ mother: RegistryPerson; baby: RegistryPerson }> {
  const pii = createPii(t.keys);
  const rows = await t.database.query(
    `SELECT m.id AS m_id, m.name AS m_name, m.id_cipher AS m_cipher, m.sex AS m_sex, m.birth_date::text AS m_birth, m.hukou_region_code AS m_hukou,
            c.id AS c_id, c.name AS c_name, c.id_cipher AS c_cipher, c.sex AS c_sex, c.birth_date::text AS c_birth, c.hukou_region_code AS c_hukou
       FROM persons m JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother' JOIN persons c ON c.id = r.to_person_id
      WHERE c.birth_date BETWEEN '2025-01-01' AND '2025-11-30' AND length(c.hukou_region_code) = 12 AND m.death_date IS NULL AND c.death_date IS NULL
      ORDER BY c.id LIMIT 50`,
  );
  const person = (r: Record<string, unknown>, p: 'm' | 'c'): RegistryPerson => ({
    personId: Number(r[`${p}_id`]),
    name: String(r[`${p}_name`]),
    idNumber: pii.decryptIdNumber(Buffer.from(r[`${p}_cipher`] as Uint8Array)),
    sex: r[`${p}_sex`] as 'male' | 'female',
    birthDate: String(r[`${p}_birth`]),
    hukouRegionCode: String(r[`${p}_hukou`]),
  });
  const found = rows
    .map((r) => ({ mother: person(r, 'm'), baby: person(r, 'c') }))
    .find((x) => x.baby.idNumber.startsWith(x.baby.hukouRegionCode.slice(0, 6)));
  if (!found) throw new Error('no registry baby born in 2025');
  return found;
}

beforeAll(async () => {
  t = await createTestApp(1500);
  for (const u of ['hospital', 'police']) s[u] = await login(t, u);
  f = await boundFamily(t, '13900005001');
});
afterAll(async () => t?.close());

describe('a stranger who types a registry family’s names and ID numbers', () => {
  it('learns nothing of the registry: no person id for a declared parent, and the newborn is not set from a typed ID number', async () => {
    const { mother, baby } = await motherAndBaby();
    const stranger = await residentSignIn(t, '13900005002');
    const res = await submit(t, stranger, {
      newborn: {
        name: baby.name,
        sex: baby.sex,
        birthDate: baby.birthDate,
        birthTime: '08:00',
        birthPlace: '维西县人民医院',
        hospitalName: '维西傈僳族自治县人民医院',
      },
      mother: { name: mother.name, idNumber: mother.idNumber },
      father: null,
      hukouRegionCode: baby.hukouRegionCode,
      services: ['medicalInsuranceEnrollment'],
      existingNewbornIdNumber: baby.idNumber,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mother.personId).toBeNull();
    expect(res.json().newborn.personId).toBeNull();
    expect(JSON.stringify(res.json())).not.toMatch(new RegExp(`"personId":(${mother.personId}|${baby.personId})\\b`));
    const [row] = await t.database.query<{ mother_person_id: number | null; newborn_person_id: number | null }>(
      'SELECT mother_person_id, newborn_person_id FROM newborn_bundles WHERE id = $1',
      [res.json().id],
    );
    expect(row).toEqual({ mother_person_id: null, newborn_person_id: null });
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/portal/newborn-bundles/${res.json().id}`,
        ...asResident(stranger),
      })
    ).json();
    expect([view.mother.personId, view.newborn.personId, view.entitlements]).toEqual([null, null, []]);
  });

  it('is held to a few submissions an hour per resident (429)', async () => {
    const r = await residentSignIn(t, '13900005003');
    const codes = [];
    for (let i = 0; i < 11; i++)
      codes.push((await submit(t, r, { ...bundleForm(f), mother: { name: '', idNumber: '' } })).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(400), 429]);
    // Another resident is not held back by the first.
    expect(
      (
        await submit(t, await residentSignIn(t, '13900005004'), {
          ...bundleForm(f),
          mother: { name: '', idNumber: '' },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('the family’s own records', () => {
  it('are still shown when a bound mother types her own name and ID number instead of choosing herself', async () => {
    const res = await submit(
      t,
      f.r,
      bundleForm(f, { mother: { name: f.mother.name, idNumber: f.mother.idNumber, phone: f.mother.phone } }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().mother).toMatchObject({ name: f.mother.name, personId: f.mother.personId });
    expect(res.json().father.personId).toBe(f.spouseId);
  });
});

describe('public security and the parents a family declared', () => {
  let mother: TestMother;
  let father: { personId: number; name: string; idNumber: string };
  let family: ResidentSession;
  const api = () => staff(t);

  beforeAll(async () => {
    // A registry couple; the family applies unbound (by commitment), typing both parents.
    mother = await pickTestMother(t, '13900005010', 12);
    expect(mother.personId).not.toBe(f.mother.personId);
    const [row] = await t.database.query<{ id: number; name: string; id_cipher: Uint8Array }>(
      "SELECT p.id, p.name, p.id_cipher FROM relationships r JOIN persons p ON p.id = r.from_person_id WHERE r.kind = 'spouse' AND r.to_person_id = $1",
      [mother.personId],
    );
    father = {
      personId: Number(row!.id),
      name: row!.name,
      idNumber: createPii(t.keys).decryptIdNumber(Buffer.from(row!.id_cipher)),
    };
    family = await residentSignIn(t, '13900005011');
  });

  /** A bundle with both parents declared, its certificate done: the hukou task is with public security. */
  async function declaredBundle(name: string) {
    const res = await submit(t, family, {
      newborn: {
        name,
        sex: 'female',
        birthDate: BIRTH_DATE,
        birthTime: '10:10',
        birthPlace: '维西县人民医院',
        hospitalName: '维西傈僳族自治县人民医院',
      },
      mother: { name: mother.name, idNumber: mother.idNumber, phone: '13900005011' },
      father: { name: father.name, idNumber: father.idNumber },
      hukouRegionCode: mother.residenceRegionCode,
      services: ['birthCertificate', 'hukouRegistration'],
    });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect([b.mother.personId, b.father.personId]).toEqual([null, null]);
    expect(
      (
        await api().post(s.hospital!, `/api/bundle-tasks/${taskId(b, 'birthCertificate')}/complete`, {
          certificateNo: 'Q530055501',
        })
      ).statusCode,
    ).toBe(200);
    return b as { id: number; tasks: { service: string; id: number }[] };
  }
  const linksOf = async (personId: number) =>
    (
      await t.database.query<{ kind: string; from_person_id: number }>(
        'SELECT kind, from_person_id FROM relationships WHERE to_person_id = $1 ORDER BY kind',
        [personId],
      )
    ).map((l) => [l.kind, Number(l.from_person_id)]);

  it('shows the officer who the declared parents match in the registry: name, age, residence, number of children', async () => {
    const b = await declaredBundle('和小雨');
    const detail = (await api().get(s.police!, `/api/bundle-tasks/${taskId(b, 'hukouRegistration')}`)).json();
    expect(detail.declaredParents).toHaveLength(2);
    const m = detail.declaredParents.find((p: { role: string }) => p.role === 'mother');
    expect(m.declared).toEqual({ name: mother.name, idMasked: expect.stringMatching(/\*{8}/) });
    expect(m.registry).toMatchObject({
      name: mother.name,
      sex: 'female',
      children: mother.childCount,
      residenceRegion: { code: mother.residenceRegionCode, name: expect.any(String) },
    });
    expect(m.registry.age).toBeGreaterThan(15);
    expect(detail.declaredParents.find((p: { role: string }) => p.role === 'father').registry.name).toBe(father.name);
    // The family's own view of the same bundle shows none of it.
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${b.id}`, ...asResident(family) })
    ).json();
    expect(JSON.stringify(mine)).not.toContain('registry');
  });

  it('without the officer’s confirmation registers the newborn unlinked, and says so in the result', async () => {
    const b = await declaredBundle('和小雪');
    const done = await api().post(s.police!, `/api/bundle-tasks/${taskId(b, 'hukouRegistration')}/complete`, {
      idNumber: await freshIdNumber(t, BIRTH_DATE, 'female'),
    });
    expect(done.statusCode).toBe(200);
    const result = done.json().task.result;
    expect(await linksOf(result.newbornPersonId)).toEqual([]);
    const [p] = await t.database.query<{ household_id: number | null; parity: number | null }>(
      'SELECT household_id, parity FROM persons WHERE id = $1',
      [result.newbornPersonId],
    );
    expect(p).toEqual({ household_id: null, parity: null });
    expect(result.parentsNotLinked.map((x: { role: string }) => x.role)).toEqual(['mother', 'father']);
    expect(result.parentsNotLinked[0].message.zh).toContain('未确认');
    expect(result.parentsNotLinked[0].message.en).toContain('not linked');
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/portal/newborn-bundles/${b.id}`, ...asResident(family) })
    ).json();
    expect(
      mine.tasks.find((x: { service: string }) => x.service === 'hukouRegistration').result.parentsNotLinked,
    ).toBeUndefined();
  });

  it('with it links the newborn to both, into the mother’s household, with parity from her children', async () => {
    const b = await declaredBundle('和小霜');
    const done = await api().post(s.police!, `/api/bundle-tasks/${taskId(b, 'hukouRegistration')}/complete`, {
      idNumber: await freshIdNumber(t, BIRTH_DATE, 'female'),
      confirmDeclaredParents: true,
    });
    expect(done.statusCode).toBe(200);
    const result = done.json().task.result;
    expect(result.parentsNotLinked).toBeUndefined();
    expect(await linksOf(result.newbornPersonId)).toEqual([
      ['father', father.personId],
      ['mother', mother.personId],
    ]);
    const [p] = await t.database.query<{ household_id: number | null }>(
      'SELECT household_id FROM persons WHERE id = $1',
      [result.newbornPersonId],
    );
    expect(p!.household_id).not.toBeNull();
  });
});
