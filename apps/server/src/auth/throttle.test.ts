import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { clearFailures, countFailure, delaySeconds, findWait, STAFF_DELAYS, type DelayPolicy } from './throttle.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ database, cleanup } = await createTestDatabase()));
afterAll(() => cleanup());

describe('growing delays', () => {
  it.each([
    [4, 0],
    [5, 2],
    [6, 4],
    [8, 16],
    [12, 256],
    [13, 300],
    [40, 300],
  ])('waits, after %i failures from one address, %i seconds', (failures, seconds) => {
    expect(delaySeconds(STAFF_DELAYS, failures)).toBe(seconds);
  });

  it('computes in SQL the wait the policy states, and forgets a count past its window', async () => {
    const policy: DelayPolicy = { free: 2, capSeconds: 20, windowHours: 1 };
    const waits: number[] = [];
    for (let i = 1; i <= 7; i++) waits.push((await countFailure(database, policy, 'user:probe', '198.51.100.1')).wait);
    expect(waits).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => delaySeconds(policy, n)));
    expect(await findWait(database, policy, 'user:probe', '198.51.100.1')).toBe(20);
    expect(await findWait(database, policy, 'user:probe', '198.51.100.2')).toBe(0);
    await database.query("UPDATE sign_in_failures SET last_failed_at = now() - interval '2 hours'");
    expect(await findWait(database, policy, 'user:probe', '198.51.100.1')).toBe(0);
    expect((await countFailure(database, policy, 'user:probe', '198.51.100.1')).failures).toBe(1);
    await clearFailures(database, 'user:probe');
    expect(await database.query('SELECT 1 FROM sign_in_failures')).toHaveLength(0);
  });
});
