import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { loadDemoPopulation } from '../demo/index.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { withScope } from '../db/scope.js';

// The counts kept by the triggers of migration add-monitoring-counts must equal the counts built
// from scratch (cradle_counts_rebuild) after any mix of writes (monitoring/counts-README.md).
const TABLES = {
  birth_counts: 'region_code, month, sex, parity, mother_age',
  death_counts: 'region_code, month, age_band, maternal',
  population_counts: 'region_code, basis, sex, birth_month, death_month',
  living_counts: 'region_code, sex, birth_date, reported_in_time, has_issues',
  counted_persons:
    'person_id, sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, mother_birth, maternal',
} as const;

async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, keys] of Object.entries(TABLES)) {
    const rows = await db.query<{ line: string }>(
      table === 'counted_persons'
        ? `SELECT concat_ws('|', ${keys}) AS line FROM ${table} ORDER BY ${keys}`
        : `SELECT concat_ws('|', ${keys}, n) AS line FROM ${table} WHERE n <> 0 ORDER BY ${keys}`,
    );
    out[table] = rows.map((r) => r.line);
  }
  return out;
}

async function rebuilt(db: Database) {
  await db.query('SELECT cradle_counts_rebuild()');
  return snapshot(db);
}

describe('monitoring counts kept by the database', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database: db, cleanup } = await createTestDatabase());
    await loadDemoPopulation(
      db,
      createPii(deriveKeys(randomBytes(32))),
      '533423',
      2000,
      new Date('2026-11-24T00:00:00Z'),
    );
  }, 120_000);
  afterAll(() => cleanup());

  it('counts the demo load as a rebuild does, at the village and every region above it', async () => {
    const kept = await snapshot(db);
    expect(kept.birth_counts!.length).toBeGreaterThan(0);
    const persons = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
    const county = await db.query<{ n: number }>(
      "SELECT sum(n)::int AS n FROM population_counts WHERE region_code = '533423' AND basis = 'resident'",
    );
    expect(county[0]!.n).toBe(persons[0]!.n);
    // The load deferred its counts and flushed them once at its end (migration 0031): none pending.
    expect(await db.query('SELECT person_id FROM counts_pending')).toEqual([]);
    expect(await rebuilt(db)).toEqual(kept);
  });

  it('notes an import batch’s persons while deferred, counts them at the flush, and forgets a rolled-back batch', async () => {
    const [p] = await db.query<{ id: number }>('SELECT id FROM persons WHERE death_date IS NULL ORDER BY id LIMIT 1');
    const before = await snapshot(db);
    await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('cradle.counts_deferred', 'on', true)");
      await tx.query("UPDATE persons SET death_date = '2026-11-01' WHERE id = $1", [p!.id]);
    });
    // Noted, not yet counted.
    expect(
      (await db.query<{ person_id: number }>('SELECT person_id FROM counts_pending')).map((r) => Number(r.person_id)),
    ).toEqual([Number(p!.id)]);
    expect(await snapshot(db)).toEqual(before);
    // A batch that rolls back leaves nothing to count.
    await db
      .transaction(async (tx) => {
        await tx.query("SELECT set_config('cradle.counts_deferred', 'on', true)");
        await tx.query("UPDATE persons SET death_date = '2026-11-02' WHERE id <> $1 AND death_date IS NULL", [p!.id]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await db.query('SELECT person_id FROM counts_pending')).toHaveLength(1);
    const [flushed] = await db.query<{ n: number }>('SELECT cradle_counts_flush(1000) AS n');
    expect(Number(flushed!.n)).toBe(1);
    const kept = await snapshot(db);
    expect(kept).not.toEqual(before);
    expect(await rebuilt(db)).toEqual(kept);
    await db.query('UPDATE persons SET death_date = NULL WHERE id = $1', [p!.id]);
  });

  it('keeps the counts equal to a rebuild after a mixed series of writes', async () => {
    const ids = (await db.query<{ id: number }>('SELECT id FROM persons ORDER BY id')).map((r) => Number(r.id));
    const mothers = await db.query<{ mother: number; child: number }>(
      "SELECT from_person_id AS mother, to_person_id AS child FROM relationships WHERE kind = 'mother' ORDER BY 2 LIMIT 20",
    );
    const m0 = mothers[0]!;
    // A death with a maternal event, a death recorded only by a death date, a death event for a living person.
    await db.query("UPDATE persons SET death_date = '2025-03-10' WHERE id = $1", [m0.mother]);
    await db.query(
      `INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       SELECT 'death', id, residence_region_code, '2025-03-10', true, 'form', 'hospital', 'ref-1', 'test' FROM persons WHERE id = $1`,
      [m0.mother],
    );
    await db.query('UPDATE persons SET death_date = birth_date + 10 WHERE id = $1', [mothers[1]!.child]);
    await db.query(
      `INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       SELECT 'death', id, residence_region_code, '2026-01-02', false, 'import', 'publicSecurity', 'ref-2', 'test' FROM persons WHERE id = $1`,
      [ids[5]],
    );
    // A correction: a later event says the first death was not maternal.
    await db.query(
      `INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       SELECT 'death', id, residence_region_code, '2025-03-10', false, 'form', 'hospital', 'ref-3', 'test' FROM persons WHERE id = $1`,
      [m0.mother],
    );
    // Moves, a hukou change, a birth date corrected for a mother (her children's mother age), parity.
    await db.query("UPDATE persons SET residence_region_code = '533423102001' WHERE id = ANY($1)", [ids.slice(10, 40)]);
    await db.query("UPDATE persons SET hukou_region_code = '533423101002' WHERE id = ANY($1)", [ids.slice(30, 50)]);
    await db.query('UPDATE persons SET birth_date = birth_date - 3650 WHERE id = $1', [mothers[2]!.mother]);
    await db.query('UPDATE persons SET parity = NULL WHERE id = ANY($1)', [mothers.slice(3, 8).map((m) => m.child)]);
    await db.query('SELECT cradle_recompute_parity($1::bigint[])', [mothers.slice(3, 8).map((m) => m.mother)]);
    // A mother link removed and another added; a link changed to a father.
    await db.query("DELETE FROM relationships WHERE kind = 'mother' AND to_person_id = $1", [mothers[8]!.child]);
    await db.query(
      "INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', $1, $2, '533423')",
      [
        mothers[9]!.mother,
        mothers.find((m) => m.mother !== mothers[9]!.mother && m.child !== mothers[8]!.child)!.child,
      ],
    );
    await db.query("UPDATE relationships SET kind = 'father' WHERE kind = 'mother' AND to_person_id = $1", [
      mothers[11]!.child,
    ]);
    // A new person and her newborn in one statement each, linked afterwards; then a mother deleted.
    const born = await db.query<{ id: number }>(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code,
         residence_region_code, source, row_hash, reported_at)
       VALUES ('甲', 'female', '1995-05-05', 'resident', '\\x01', '\\x01', 'x', '533423101001', '533423101001', 'test', 'h', now()),
              ('乙', 'male', '2026-02-01', 'resident', '\\x02', '\\x02', 'x', '533423101001', '533423101001', 'test', 'h', '2026-02-03')
       RETURNING id`,
    );
    await db.query(
      "INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', $1, $2, '533423101001')",
      [born[0]!.id, born[1]!.id],
    );
    await db.query('DELETE FROM persons WHERE id = $1', [mothers[12]!.mother]);
    await db.query('DELETE FROM life_events WHERE sender_reference = $1', ['ref-2']);
    // A death date and its maternal event in one statement: both tables' triggers see both changes.
    await db.query(
      `WITH died AS (UPDATE persons SET death_date = '2024-08-08' WHERE id = $1 RETURNING id, residence_region_code)
       INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       SELECT 'death', id, residence_region_code, '2024-08-08', true, 'api', 'hospital', 'ref-4', 'test' FROM died`,
      [mothers[13]!.mother],
    );
    // Quality flags recomputed for everyone, as after a bulk load.
    await db.query('UPDATE persons SET household_id = NULL WHERE id = ANY($1)', [ids.slice(60, 70)]);
    await db.query('SELECT cradle_refresh_quality(NULL)');
    // A scoped write, as a request makes it: the counts above the user's jurisdiction follow too.
    await withScope(db, { jurisdictionCode: '533423101' }, (tx) =>
      tx.query(
        "UPDATE persons SET death_date = '2026-06-30' WHERE residence_region_code LIKE '533423101%' AND id = ANY($1)",
        [ids.slice(100, 110)],
      ),
    );

    const kept = await snapshot(db);
    const deaths = await db.query<{ maternal: boolean; n: number }>(
      "SELECT maternal, sum(n)::int AS n FROM death_counts WHERE region_code = '533423' GROUP BY 1 ORDER BY 1",
    );
    expect(deaths.reduce((s, d) => s + d.n, 0)).toBeGreaterThanOrEqual(2);
    expect(await rebuilt(db)).toEqual(kept);
  }, 60_000);

  it('lets a user read only the counts of their jurisdiction, and write none', async () => {
    const rows = await withScope(db, { jurisdictionCode: '533423101' }, (tx) =>
      tx.query<{ code: string }>('SELECT DISTINCT region_code AS code FROM population_counts'),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.code.startsWith('533423101'))).toBe(true);
    await expect(
      withScope(db, { jurisdictionCode: '533423101' }, (tx) => tx.query('UPDATE population_counts SET n = 0')),
    ).rejects.toThrow();
  });

  it('rebuilds the counts when a source table is truncated', async () => {
    await db.query('TRUNCATE life_events');
    expect(await snapshot(db)).toEqual(await rebuilt(db));
  });
});
