import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { insertTestFamily } from './test-family.js';

// 001 m23's "三个全覆盖" as monitoring indicators (issue 16): the share of confirmed files with both
// 双岗 contacts, a green channel and a family doctor contract, read from the register.

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp(100);
  for (const u of ['county', 'township', 'leader']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload === undefined ? {} : { payload }), ...as(s[who]!) });
const CONTACTS = [
  { role: 'worker', name: '熊梅', username: 'village' },
  { role: 'doctor', name: '王医生', phone: '13800001111' },
];

async function confirmedFile(tag: string): Promise<number> {
  const fam = await insertTestFamily(t, tag, [{ birthDate: '1995-01-02', deathDate: '2024-03-04' }]);
  const res = await call('township', 'POST', '/api/special-families', {
    childIdNumber: fam.children[0]!.idNumber,
    kind: 'bereaved',
    eventDate: '2024-03-04',
    contacts: CONTACTS,
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json<{ id: number }>().id;
  expect((await call('county', 'POST', `/api/special-families/${id}/confirm`, {})).statusCode).toBe(200);
  return id;
}

describe('the three full coverages (001 m23)', () => {
  it('counts confirmed files and those with contacts, a green channel and a family doctor, to the county and its leader', async () => {
    const year = Number(chinaDateOf(new Date()).slice(0, 4));
    const series = async (code: string, who = 'county') => {
      const res = await call(who, 'GET', `/api/monitoring/indicators/${code}?periodType=year&from=${year}&to=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ points: { value: number | null; numerator: number; denominator: number }[] }>().points[0]!;
    };
    expect(await series('specialFamilyContactCoverage')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    const a = await confirmedFile('覆盖甲');
    await confirmedFile('覆盖乙');
    // A proposal not yet confirmed is not counted.
    const fam = await insertTestFamily(t, '覆盖丙', [{ birthDate: '1995-01-02', deathDate: '2024-03-04' }]);
    await call('township', 'POST', '/api/special-families', {
      childIdNumber: fam.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2024-03-04',
      contacts: CONTACTS,
    });
    const today = chinaDateOf(new Date());
    for (const kind of ['greenChannel', 'familyDoctorContract'])
      expect(
        (await call('township', 'POST', `/api/special-families/${a}/services`, { kind, serviceDate: today }))
          .statusCode,
      ).toBe(200);
    expect(await series('specialFamilyContactCoverage')).toMatchObject({ numerator: 2, denominator: 2, value: 100 });
    expect(await series('specialFamilyGreenChannelCoverage')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(await series('specialFamilyDoctorCoverage', 'leader')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
  });
});
