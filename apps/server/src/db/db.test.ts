import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { createTestDatabase } from '../test/db.js';
import { withScope } from './scope.js';
import { appendAudit, verifyAuditChain } from '../audit/service.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ database, cleanup } = await createTestDatabase()));
afterAll(() => cleanup());

describe('database foundation', () => {
  it('loads the 维西 region tree: 10 townships and their villages', async () => {
    const rows = await database.query<{ level: number; n: number }>(
      "SELECT level, count(*)::int AS n FROM regions WHERE code LIKE '533423%' GROUP BY level ORDER BY level",
    );
    expect(rows.map((r) => [Number(r.level), Number(r.n)])).toEqual([[3, 1], [4, 10], [5, 83]]);
  });

  it('limits a scoped transaction to its jurisdiction subtree', async () => {
    await database.query(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
       VALUES ('甲', 'male', '1990-01-01', 'resident', '\\x00', '\\x01', 'm', '533423101001', '533423101001', 'test', 'h'),
              ('乙', 'female', '1990-01-01', 'resident', '\\x00', '\\x02', 'm', '533423102001', '533423102001', 'test', 'h')`,
    );
    const names = await withScope(database, { jurisdictionCode: '533423101' }, (tx) => tx.query<{ name: string }>('SELECT name FROM persons'));
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
      await appendAudit(database, { userId: 1, username: 'u', jurisdictionCode: '533423', action, outcome: 'success', clientIp: '127.0.0.1', details: { n: 1 } });
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
      await appendAudit(tx, { userId: 7, username: tricky, jurisdictionCode: '533423101', action: 'test.deferred', targetType: 'person', targetId: tricky, outcome: 'success', clientIp: null, details: { note: tricky } });
      // Not yet written: it goes with the COMMIT.
      expect(await tx.query("SELECT 1 FROM audit_log WHERE action = 'test.deferred'")).toEqual([]);
    });
    await expect(withScope(database, { jurisdictionCode: '533423101' }, async (tx) => {
      await appendAudit(tx, { userId: 7, username: 'x', jurisdictionCode: '533423101', action: 'test.rolledBack', outcome: 'success', clientIp: null });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const rows = await database.query<{ username: string; target_id: string; details: { note: string } }>("SELECT username, target_id, details FROM audit_log WHERE action IN ('test.deferred', 'test.rolledBack')");
    expect(rows).toEqual([{ username: tricky, target_id: tricky, details: { note: tricky } }]);
  });
});
