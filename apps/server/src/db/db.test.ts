import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, PREPARED_PER_CONNECTION, type Conn, type Database } from './client.js';
import { createTestDatabase } from '../test/db.js';
import { withScope } from './scope.js';
import { appendAudit, verifyAuditChain } from '../audit/service.js';

let database: Database;
let cleanup: () => Promise<void>;
let url: string | undefined;
beforeAll(async () => ({ database, cleanup, url } = await createTestDatabase()));
afterAll(() => cleanup());

describe('database foundation', () => {
  it('loads the 维西 region tree: 10 townships and their villages', async () => {
    const rows = await database.query<{ level: number; n: number }>(
      "SELECT level, count(*)::int AS n FROM regions WHERE code LIKE '533423%' GROUP BY level ORDER BY level",
    );
    expect(rows.map((r) => [Number(r.level), Number(r.n)])).toEqual([
      [3, 1],
      [4, 10],
      [5, 83],
    ]);
  });

  it('limits a scoped transaction to its jurisdiction subtree', async () => {
    await database.query(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
       VALUES ('甲', 'male', '1990-01-01', 'resident', '\\x00', '\\x01', 'm', '533423101001', '533423101001', 'test', 'h'),
              ('乙', 'female', '1990-01-01', 'resident', '\\x00', '\\x02', 'm', '533423102001', '533423102001', 'test', 'h')`,
    );
    const names = await withScope(database, { jurisdictionCode: '533423101' }, (tx) =>
      tx.query<{ name: string }>('SELECT name FROM persons'),
    );
    expect(names.map((r) => r.name)).toEqual(['甲']);
    const all = await withScope(database, { jurisdictionCode: '533423' }, (tx) => tx.query('SELECT name FROM persons'));
    expect(all).toHaveLength(2);
  });

  it('refuses to write a person outside the jurisdiction', async () => {
    await expect(
      withScope(database, { jurisdictionCode: '533423101' }, (tx) =>
        tx.query(`UPDATE persons SET residence_region_code = '533423102001' WHERE name = '甲'`),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('chains audit entries and names the first broken one', async () => {
    for (const action of ['a', 'b', 'c']) {
      await appendAudit(database, {
        userId: 1,
        username: 'u',
        jurisdictionCode: '533423',
        action,
        outcome: 'success',
        clientIp: '127.0.0.1',
        details: { n: 1 },
      });
    }
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, checked: 3 });
    await expect(database.query("UPDATE audit_log SET action = 'x' WHERE action = 'b'")).rejects.toThrow(/append-only/);
    await expect(database.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // Tampering needs the trigger out of the way, which only an owner can do; the chain still tells.
    await database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await database.query("UPDATE audit_log SET action = 'x' WHERE action = 'b'");
    await database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const check = await verifyAuditChain(database);
    expect(check.ok).toBe(false);
    expect(check.firstBroken?.reason).toMatch(/hash/);
    const seqB = await database.query<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'x'");
    expect(check.firstBroken?.seq).toBe(Number(seqB[0]!.seq));
  });

  // Last: it adds entries to the chain the test above counts.
  it("writes a transaction's audit entries with its COMMIT, text exactly as given, and none on rollback", async () => {
    const tricky = `O'Brien \\ 和丽 ''; DROP TABLE persons; -- \\'`;
    await withScope(database, { jurisdictionCode: '533423101' }, async (tx) => {
      await appendAudit(tx, {
        userId: 7,
        username: tricky,
        jurisdictionCode: '533423101',
        action: 'test.deferred',
        targetType: 'person',
        targetId: tricky,
        outcome: 'success',
        clientIp: null,
        details: { note: tricky },
      });
      // Not yet written: it goes with the COMMIT.
      expect(await tx.query("SELECT 1 FROM audit_log WHERE action = 'test.deferred'")).toEqual([]);
    });
    await expect(
      withScope(database, { jurisdictionCode: '533423101' }, async (tx) => {
        await appendAudit(tx, {
          userId: 7,
          username: 'x',
          jurisdictionCode: '533423101',
          action: 'test.rolledBack',
          outcome: 'success',
          clientIp: null,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await database.query<{ username: string; target_id: string; details: { note: string } }>(
      "SELECT username, target_id, details FROM audit_log WHERE action IN ('test.deferred', 'test.rolledBack')",
    );
    expect(rows).toEqual([{ username: tricky, target_id: tricky, details: { note: tricky } }]);
  });
});

// Only node-postgres names statements; PGlite runs each query as given.
describe.runIf(process.env.TEST_DATABASE_URL)('prepared statements on PostgreSQL', () => {
  /** The name client.ts gives a text: its digest, so one text has one name on every connection. */
  const nameOf = (text: string) => `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  // No parameters, so not prepared itself: pg_prepared_statements shows this connection's only.
  const prepared = (tx: Conn) =>
    tx.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');

  it('prepares a parameterised text under its digest and reuses it with new values, on the pool and in transactions', async () => {
    // Alike but for one character: each needs a name of its own.
    const double = 'SELECT $1::int * 2 AS n';
    const triple = 'SELECT $1::int * 3 AS n';
    const onPool = await Promise.all(
      Array.from({ length: 40 }, (_, i) => database.query<{ n: number }>(i % 2 ? triple : double, [i])),
    );
    expect(onPool.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 40 }, (_, i) => i * (i % 2 ? 3 : 2)));
    for (let round = 1; round <= 3; round++) {
      await database.transaction(async (tx) => {
        for (let i = 1; i <= 10; i++) {
          expect(await tx.query(double, [i * round])).toEqual([{ n: 2 * i * round }]);
          expect(await tx.query(triple, [-i * round])).toEqual([{ n: -3 * i * round }]);
        }
        const mine = await prepared(tx);
        expect(mine).toContainEqual({ name: nameOf(double), statement: double });
        expect(mine).toContainEqual({ name: nameOf(triple), statement: triple });
      });
    }
  });

  it(`prepares at most ${PREPARED_PER_CONNECTION} texts on a connection and runs the rest unnamed`, async () => {
    // A pool of its own: its connection has prepared nothing before this test.
    const fresh = await openPostgres(url!);
    const text = (i: number) => `SELECT $1::int + ${i} AS n`;
    const total = PREPARED_PER_CONNECTION + 50;
    try {
      await fresh.transaction(async (tx) => {
        expect(await prepared(tx)).toEqual([]);
        for (let i = 0; i < total; i++) expect(await tx.query(text(i), [i])).toEqual([{ n: 2 * i }]);
        expect(await prepared(tx)).toHaveLength(PREPARED_PER_CONNECTION);
        // Run again with new values: a named one and an unnamed one.
        expect(await tx.query(text(0), [7])).toEqual([{ n: 7 }]);
        expect(await tx.query(text(total - 1), [1])).toEqual([{ n: total }]);
        expect(await prepared(tx)).toHaveLength(PREPARED_PER_CONNECTION);
      });
      // Outside the transaction, on the pool's one connection.
      expect(await fresh.query(text(1), [2])).toEqual([{ n: 3 }]);
      expect(await fresh.query(text(total - 2), [0])).toEqual([{ n: total - 2 }]);
    } finally {
      await fresh.close();
    }
  });

  it('leaves a connection usable after a statement fails, and the failed text fails the same way again', async () => {
    const misspelt = 'SELEC $1::int AS n';
    const divide = 'SELECT 10 / $1::int AS n';
    const good = 'SELECT $1::int + 1 AS n';
    // Twice each: the second run must not take the first's failure for a prepared statement.
    const rounds = async (run: (text: string, params: unknown[]) => Promise<unknown>) => {
      for (let round = 0; round < 2; round++) {
        await expect(run(misspelt, [1])).rejects.toMatchObject({ code: '42601' }); // syntax_error
        expect(await run(good, [round])).toEqual([{ n: round + 1 }]);
        await expect(run(divide, [0])).rejects.toMatchObject({ code: '22012' }); // division_by_zero
        expect(await run(divide, [5])).toEqual([{ n: 2 }]);
      }
    };
    // One connection for sure: each failure undone to a savepoint, as a caller that goes on would.
    await database.transaction(async (tx) => {
      await rounds(async (text, params) => {
        await tx.query('SAVEPOINT attempt');
        try {
          return await tx.query(text, params);
        } catch (e) {
          await tx.query('ROLLBACK TO SAVEPOINT attempt');
          throw e;
        }
      });
    });
    await rounds((text, params) => database.query(text, params));
  });

  it('keeps a prepared text usable after a value that cannot be sent (an object holding a BigInt)', async () => {
    const text = 'SELECT $1::jsonb AS j';
    await database.transaction(async (tx) => {
      expect(await tx.query(text, ['{"a":1}'])).toEqual([{ j: { a: 1 } }]);
      // node-postgres fails to serialise it before sending; the prepared statement must survive.
      await expect(tx.query(text, [{ a: 1n }])).rejects.toThrow(/BigInt/);
      expect(await tx.query(text, ['{"a":2}'])).toEqual([{ j: { a: 2 } }]);
      expect(await tx.query(text, [{ a: 3 }])).toEqual([{ j: { a: 3 } }]);
    });
  });
});
