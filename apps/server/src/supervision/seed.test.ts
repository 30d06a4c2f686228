import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { ensureSupervisionSeed } from './seed.js';

// Issue 14 added 县应急管理局 and mapped 县消防救援大队 and 县市场监督管理局 to departments. A county
// whose directory was loaded before gets them at the next start, without losing what its office set.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(100);
});
afterAll(() => t.close());

const unitsByKey = async () =>
  Object.fromEntries(
    (
      await t.database.query<{ key: string; department: string | null }>(
        `SELECT key, department FROM supervision_units WHERE region_code = '533423'`,
      )
    ).map((u) => [u.key, u.department]),
  );

describe('the directory of a county loaded before a unit was added', () => {
  it('adds the missing unit and department, and keeps a department the office set', async () => {
    // As loaded before issue 14: no emergency unit, fire and market without departments; the
    // office has mapped the statistics bureau itself.
    await t.database.query(`DELETE FROM supervision_units WHERE key = 'county.emergencyManagement'`);
    await t.database.query(
      `UPDATE supervision_units SET department = NULL WHERE key IN ('county.fireRescue', 'county.marketRegulation')`,
    );
    await t.database.query(`UPDATE supervision_units SET department = 'finance' WHERE key = 'county.statistics'`);
    expect(await ensureSupervisionSeed(t.database, '533423')).toEqual({ tasks: 0 });
    const after = await unitsByKey();
    expect(after['county.emergencyManagement']).toBe('emergencyManagement');
    expect(after['county.fireRescue']).toBe('fireRescue');
    expect(after['county.marketRegulation']).toBe('marketRegulation');
    expect(after['county.statistics']).toBe('finance');
    const [emergency] = await t.database.query<{ name: string; aliases: string[] }>(
      `SELECT name, aliases FROM supervision_units WHERE key = 'county.emergencyManagement'`,
    );
    expect(emergency).toEqual({ name: '县应急管理局', aliases: ['县应急局'] });
  });
});
