import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(200);
});
afterAll(async () => t?.close());

async function addRegistration(region: string, deadline: string, status = 'submitted') {
  await t.database.query(
    `INSERT INTO childbirth_registrations (registration_no, region_code, channel, married, child_status, mother_name, mother_id_cipher,
       mother_id_blind_index, mother_id_masked, parity, commitment_text, status, deadline)
     VALUES ('T' || nextval('childbirth_registration_no_seq'), $1, 'portal', true, 'pregnant', '测试', '\\x00', '\\x00', '533423********0000', 2, '承诺', $2, $3)`,
    [region, status, deadline],
  );
}

async function addTask(region: string, service: string, deadline: string, status = 'pending') {
  const [b] = await t.database.query<{ id: number }>(
    `INSERT INTO newborn_bundles (bundle_no, region_code, newborn_name, newborn_sex, birth_date, birth_time, birth_place, hospital_name,
       mother_name, mother_id_cipher, mother_id_masked, services, status)
     VALUES ('T' || nextval('newborn_bundle_no_seq'), $1, '宝宝', 'female', '2026-11-01', '08:00', '维西', '维西县人民医院', '测试', '\\x00', '533423********0000', ARRAY[$2], 'inProgress') RETURNING id`,
    [region, service],
  );
  await t.database.query(
    `INSERT INTO bundle_tasks (bundle_id, service, department, region_code, status, deadline) VALUES ($1, $2, 'hospital', $3, $4, $5)`,
    [b!.id, service, region, status, deadline],
  );
}

describe('dashboard: family services', () => {
  it('counts open and overdue work of the jurisdiction, by China date, and nothing of other townships for a township', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await addRegistration('533423101001', '2020-01-02'); // overdue
    await addRegistration('533423101001', today); // due today
    await addRegistration('533423101001', '2020-01-02', 'completed'); // done: not counted
    await addRegistration('533423101001', '2020-01-02', 'infoRequested'); // open, clock stopped: not overdue
    await addRegistration('533423102001', '2020-01-02'); // the other township
    await addTask('533423101', 'birthCertificate', '2020-01-02');
    await addTask('533423101', 'birthCertificate', '2099-01-01', 'done');

    const county = (
      await t.app.inject({ method: 'GET', url: '/api/dashboard', ...as(await login(t, 'leader')) })
    ).json();
    expect(county.familyServices.childbirthRegistrations).toEqual({ open: 4, dueToday: 1, overdue: 2 });
    expect(county.familyServices.bundleTasks.map((x: { service: string }) => x.service)).toEqual([
      'birthCertificate',
      'vaccinationRecord',
      'hukouRegistration',
      'medicalInsuranceEnrollment',
      'socialSecurityCard',
    ]);
    expect(county.familyServices.bundleTasks[0]).toEqual({
      service: 'birthCertificate',
      open: 1,
      dueToday: 0,
      overdue: 1,
    });

    const township = (
      await t.app.inject({ method: 'GET', url: '/api/dashboard', ...as(await login(t, 'township')) })
    ).json();
    expect(township.familyServices.childbirthRegistrations).toEqual({ open: 3, dueToday: 1, overdue: 1 });
  });
});
