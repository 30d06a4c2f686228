import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { loadDemoPopulation } from './load.js';
import { addDemoDeaths } from './deaths.js';

let db: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database: db, cleanup } = await createTestDatabase());
  await loadDemoPopulation(
    db,
    createPii(deriveKeys(randomBytes(32))),
    '533423',
    6000,
    new Date('2026-11-24T00:00:00Z'),
  );
}, 120_000);
afterAll(() => cleanup());

describe('the demo county’s synthetic deaths', () => {
  it('records infant, old-age and one maternal death a year, once, each with a death event', async () => {
    const today = new Date('2026-11-24T00:00:00Z');
    const n = await addDemoDeaths(db, '533423', today);
    expect(n).toBeGreaterThan(5);
    expect(await addDemoDeaths(db, '533423', today)).toBe(0);
    const maternal = await db.query<{ y: number }>(
      "SELECT date_part('year', event_date)::int AS y FROM life_events WHERE sender = 'demo' AND maternal ORDER BY 1",
    );
    expect(maternal.map((m) => m.y)).toEqual([2022, 2023, 2024, 2025, 2026]);
    const counted = await db.query<{ n: number }>(
      "SELECT sum(n)::int AS n FROM death_counts WHERE region_code = '533423' AND maternal",
    );
    expect(counted[0]!.n).toBe(5);
    const unmatched = await db.query(
      'SELECT 1 FROM persons p WHERE p.death_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM life_events e WHERE e.person_id = p.id)',
    );
    expect(unmatched).toEqual([]);
  });
});
