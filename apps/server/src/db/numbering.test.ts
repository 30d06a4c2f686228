import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { numberFromSequence } from './numbering.js';
import { createTestDatabase } from '../test/db.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
  await database.query('CREATE SEQUENCE test_no_seq');
  await database.query('CREATE TABLE numbered (no text PRIMARY KEY)');
});
afterAll(() => cleanup());

// Run as registrations and bundles run it: in an INSERT's VALUES, the prefix as $1.
const next = async (prefix: string) =>
  (
    await database.query<{ no: string }>(
      `INSERT INTO numbered (no) VALUES (${numberFromSequence('test_no_seq')}) RETURNING no`,
      [prefix],
    )
  )[0]!.no;

describe('numbers from a sequence', () => {
  it('pads the sequence to six digits after the prefix', async () => {
    await database.query("SELECT setval('test_no_seq', 41)");
    expect(await next('SY5334232026')).toBe('SY5334232026000042');
  });

  it('keeps a seventh digit instead of cutting it', async () => {
    await database.query("SELECT setval('test_no_seq', 999999)");
    expect(await next('SY5334232026')).toBe('SY53342320261000000');
    expect(await next('CS5334232026')).toBe('CS53342320261000001');
  });

  it('gives every insert a number of its own', async () => {
    await database.query("SELECT setval('test_no_seq', 999997)");
    const numbers = await Promise.all(Array.from({ length: 5 }, () => next('CS5334232027')));
    expect(new Set(numbers).size).toBe(5);
    expect([...numbers].sort()).toEqual(
      [
        'CS5334232027999998',
        'CS5334232027999999',
        'CS53342320271000000',
        'CS53342320271000001',
        'CS53342320271000002',
      ].sort(),
    );
  });
});
