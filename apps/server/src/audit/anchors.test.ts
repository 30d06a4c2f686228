import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import type { AnchorStore } from './anchors.js';
import { sealAuditLog, startAuditSealer } from './sealer.js';
import { appendAudit, verifyAuditChain, verifyAuditLog } from './service.js';

let database: Database;
let cleanup: () => Promise<void>;
let dir: string;
let store: AnchorStore;

beforeEach(async () => {
  ({ database, cleanup } = await createTestDatabase());
  dir = await mkdtemp(path.join(tmpdir(), 'cradle-anchors-'));
  store = { key: randomBytes(32), file: path.join(dir, 'audit-anchors.jsonl') };
});
afterEach(async () => {
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Appends n entries and returns their seqs. */
async function append(n: number): Promise<number[]> {
  for (let i = 0; i < n; i++)
    await appendAudit(
      database,
      { userId: null, username: 'u', jurisdictionCode: '533423', action: `a${i}`, outcome: 'success', clientIp: null },
      'now',
    );
  const rows = await database.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT $1', [n]);
  return rows.map((r) => Number(r.seq)).reverse();
}

/** What an attacker with the owner's rights (not the key file) can do: the triggers out of the way. */
async function asOwnerWithoutTriggers(...statements: string[]): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    for (const sql of statements) await tx.query(sql);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

/** Recomputes every entry from `seq` on with the database's own hash function, as the chain would have it. */
const rechainFrom = (seq: number) => `
  DO $$ DECLARE r record; v_prev text; BEGIN
    SELECT hash INTO v_prev FROM audit_log WHERE seq < ${seq} ORDER BY seq DESC LIMIT 1;
    FOR r IN SELECT * FROM audit_log WHERE seq >= ${seq} ORDER BY seq LOOP
      UPDATE audit_log SET prev_hash = v_prev, hash = cradle_audit_entry_hash(r.seq, r.at, r.user_id,
        r.username, r.jurisdiction_code, r.action, r.target_type, r.target_id, r.outcome, r.client_ip,
        r.details, v_prev) WHERE seq = r.seq RETURNING hash INTO v_prev;
    END LOOP;
  END $$;`;

async function dropTableAnchors(): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_anchors DISABLE TRIGGER USER');
    await tx.query('DELETE FROM audit_anchors');
    await tx.query('ALTER TABLE audit_anchors ENABLE TRIGGER USER');
  });
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('the audit log anchored outside the database', () => {
  it('verifies an untouched log and seals the entries since the last anchor', async () => {
    await append(3);
    await sealAuditLog(database, store);
    const seqs = await append(2);
    const r = await verifyAuditLog(database, store);
    expect(r).toMatchObject({ ok: true, findings: [] });
    expect(r.anchors).toMatchObject({ count: 2, anchoredThrough: seqs[1], unanchored: 0 });
    const lines = (await readFile(store.file, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq).at(-1)).toBe(seqs[1]);
    expect((await database.query('SELECT seq FROM audit_anchors')).length).toBe(2);
  });

  it('reports the newest entries deleted, which the hash chain alone does not show', async () => {
    await append(5);
    await sealAuditLog(database, store);
    const seqs = await append(3);
    await sealAuditLog(database, store);
    await asOwnerWithoutTriggers(`DELETE FROM audit_log WHERE seq >= ${seqs[1]}`);
    expect((await verifyAuditChain(database)).ok).toBe(true);
    const r = await verifyAuditLog(database, store);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['anchor.truncated']);
    expect(r.findings[0]!.seq).toBe(seqs[1]);
    expect(r.findings[0]!.message.en).toMatch(
      new RegExp(`^the log ends at seq ${seqs[0]} but an anchor of \\S+Z vouches for seq ${seqs[2]}`),
    );
    expect(r.findings[0]!.message.zh).toContain(`审计日志止于第 ${seqs[0]} 条`);
    // A sealer never vouches for a log that fails its checks.
    expect((await sealAuditLog(database, store)).sealed).toBeUndefined();
  });

  it('names the deleted entry when the later ones were re-chained with the database function', async () => {
    await append(2);
    await sealAuditLog(database, store);
    const seqs = await append(4);
    await sealAuditLog(database, store);
    await asOwnerWithoutTriggers(`DELETE FROM audit_log WHERE seq = ${seqs[1]}`, rechainFrom(seqs[1]! + 1));
    expect((await verifyAuditChain(database)).ok).toBe(true);
    const r = await verifyAuditLog(database, store);
    expect(codes(r)).toEqual(['anchor.rewritten']);
    expect(r.findings[0]!.seq).toBe(seqs[1]);
    expect(r.findings[0]!.message.en).toContain(`entries after seq ${seqs[0]! - 1} were rewritten`);
    expect(r.findings[0]!.message.en).toContain(`missing: seq ${seqs[1]}`);
  });

  it('reports an entry rewritten in place and re-chained, between the anchors around it', async () => {
    await append(2);
    await sealAuditLog(database, store);
    const seqs = await append(3);
    await sealAuditLog(database, store);
    await asOwnerWithoutTriggers(`UPDATE audit_log SET action = 'quiet' WHERE seq = ${seqs[1]}`, rechainFrom(seqs[1]!));
    expect((await verifyAuditChain(database)).ok).toBe(true);
    const r = await verifyAuditLog(database, store);
    expect(codes(r)).toEqual(['anchor.rewritten']);
    expect(r.findings[0]!.seq).toBe(seqs[0]);
    expect(r.findings[0]!.message.en).toContain(`first at or after seq ${seqs[0]}`);
  });

  it('reports an anchor line that was not signed with the key', async () => {
    const [seq] = await append(1);
    await sealAuditLog(database, store);
    const line = JSON.parse((await readFile(store.file, 'utf8')).trim()) as Record<string, unknown>;
    await appendFile(store.file, JSON.stringify({ ...line, seq: seq! + 100, prev: line.mac }) + '\n');
    await appendFile(store.file, 'not an anchor\n');
    const r = await verifyAuditLog(database, store);
    expect(codes(r)).toEqual(['anchor.forged', 'anchor.forged']);
    expect(r.findings[0]!.message.en).toBe(`anchor 2 in ${store.file}: its signature is not valid (forged or altered)`);
  });

  it('reports the anchor file removed', async () => {
    await append(2);
    await sealAuditLog(database, store);
    await rm(store.file);
    const r = await verifyAuditLog(database, store);
    expect(codes(r)).toEqual(['anchor.fileMissing']);
    expect((await sealAuditLog(database, store)).sealed).toBeUndefined();
  });

  it('reports anchors removed from the database while the file holds them', async () => {
    await append(2);
    await sealAuditLog(database, store);
    await dropTableAnchors();
    expect(codes(await verifyAuditLog(database, store))).toEqual(['anchor.tableBehind']);
  });

  it('cannot tell when both copies of the anchors are gone: a new anchor chain starts (README, Logs)', async () => {
    await append(2);
    await sealAuditLog(database, store);
    await rm(store.file);
    await dropTableAnchors();
    expect((await verifyAuditLog(database, store)).ok).toBe(true);
  });

  it('refuses to change or delete an anchor in the database', async () => {
    await append(1);
    await sealAuditLog(database, store);
    await expect(database.query("UPDATE audit_anchors SET hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.query('DELETE FROM audit_anchors')).rejects.toThrow(/append-only/);
    await expect(database.query('TRUNCATE audit_anchors')).rejects.toThrow(/append-only/);
  });

  it('seals on its own every interval until stopped', async () => {
    const [seq] = await append(1);
    const log = { warn: () => undefined, error: () => undefined };
    const sealer = startAuditSealer(database, store, 20, log);
    await expect.poll(() => database.query('SELECT seq FROM audit_anchors'), { timeout: 10_000 }).toEqual([{ seq }]);
    await sealer.stop();
    await append(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await database.query('SELECT seq FROM audit_anchors')).toEqual([{ seq }]);
  });
});
