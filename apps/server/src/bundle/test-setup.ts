import { computeIdCheckCharacter } from '@cradle/domain';
import { blindIndex } from '../crypto/pii.js';
import { as, type Session, type TestApp } from '../test/app.js';
import { pickTestMother, type TestMother } from '../test/family.js';
import { asResident, residentSignIn, type ResidentSession } from '../test/resident.js';

// Shared by this folder's tests: a bound family, fresh newborn ID numbers, the form, and waiting
// for what the server does after a commit (the SMS dispatcher, 免申即享).

export const ALL_SERVICES = [
  'birthCertificate',
  'vaccinationRecord',
  'hukouRegistration',
  'medicalInsuranceEnrollment',
  'socialSecurityCard',
];
/** Inside the Yunnan birth grant's cohort (born 2023–2025, seed 004 (十四)), so a second child is granted 2,000 yuan. */
export const BIRTH_DATE = '2025-12-20';

export interface Family {
  r: ResidentSession;
  mother: TestMother;
  spouseId: number;
}

/**
 * A mother with one child born well before BIRTH_DATE (so the newborn is her second), bound to a
 * resident account signed in with her phone; her husband from the registry.
 */
export async function boundFamily(t: TestApp, phone: string, from = 0): Promise<Family> {
  for (let offset = from; offset < from + 200; offset++) {
    const mother = await pickTestMother(t, phone, offset);
    const [child] = await t.database.query<{ birth_date: string }>(
      "SELECT c.birth_date::text AS birth_date FROM relationships r JOIN persons c ON c.id = r.to_person_id WHERE r.kind = 'mother' AND r.from_person_id = $1",
      [mother.personId],
    );
    if (!child || child.birth_date >= '2025-01-01' || !mother.residenceRegionCode.startsWith('533423')) {
      await t.database.query('UPDATE persons SET phone_cipher = NULL WHERE id = $1', [mother.personId]);
      continue;
    }
    const r = await residentSignIn(t, phone);
    const bound = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    if (bound.statusCode !== 200) throw new Error(`binding failed: ${bound.body}`);
    return { r, mother, spouseId: bound.json().family.spouse.personId };
  }
  throw new Error('no mother with an older child in the test population');
}

const issued = new Set<string>();

/** A valid ID number of the given birth date and sex in a county, held by nobody in the registry. */
export async function freshIdNumber(
  t: TestApp,
  birthDate: string,
  sex: 'male' | 'female',
  county = '533423',
): Promise<string> {
  for (let seq = sex === 'male' ? 999 : 998; seq > 0; seq -= 2) {
    const first17 = `${county}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    const id = first17 + computeIdCheckCharacter(first17);
    if (issued.has(id)) continue;
    const taken = await t.database.query('SELECT 1 FROM persons WHERE id_blind_index = $1', [
      blindIndex(t.keys.blindIndex, 'idNumber', id),
    ]);
    if (taken.length > 0) continue;
    issued.add(id);
    return id;
  }
  throw new Error('no free ID number');
}

export function bundleForm(f: Family, extra: Record<string, unknown> = {}) {
  return {
    newborn: {
      name: '和小禾',
      sex: 'female',
      birthDate: BIRTH_DATE,
      birthTime: '08:30',
      birthPlace: '云南省迪庆州维西县',
      hospitalName: '维西傈僳族自治县人民医院',
    },
    mother: { personId: f.mother.personId, phone: f.mother.phone },
    father: { personId: f.spouseId },
    hukouRegionCode: f.mother.residenceRegionCode,
    services: ALL_SERVICES,
    ...extra,
  };
}

export async function submit(t: TestApp, r: ResidentSession, payload: object, lang = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/newborn-bundles',
    ...asResident(r, { 'accept-language': lang }),
    payload,
  });
}

export const staff = (t: TestApp) => ({
  get: (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) }),
  post: (s: Session, url: string, payload?: object, lang = 'zh-CN') =>
    t.app.inject({ method: 'POST', url, payload, ...as(s, { 'accept-language': lang }) }),
});

/** The bundle's task id for a service, from the family's view. */
export function taskId(bundle: { tasks: { service: string; id: number }[] }, service: string): number {
  return bundle.tasks.find((x) => x.service === service)!.id;
}

/** Waits for something the server does after a commit; fails after a few seconds. */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
