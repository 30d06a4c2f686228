import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility, YUNNAN_CHILDCARE_ALLOWANCE } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { factsOf, insertChildren, randomChildren } from './test-population.js';

// A real process, really killed: the CLI runs the cycle against PostgreSQL, is sent SIGKILL
// between chunks, and is run again. (PGlite is one process's files; there is nothing to kill apart.)
const serverUrl = process.env.TEST_DATABASE_URL;
const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

let database: Database;
let url: string;
let cleanup: () => Promise<void>;
let dataDir: string;
let want: Map<number, number>;

beforeAll(async () => {
  if (!serverUrl) return;
  const db = await createTestDatabase();
  ({ database, cleanup } = db);
  url = db.url!;
  dataDir = await mkdtemp(path.join(tmpdir(), 'cradle-kill-'));
  const villages = (
    await database.query<{ code: string }>(
      "SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code",
    )
  ).map((r) => r.code);
  const children = randomChildren(6000, villages, 777);
  const ids = await insertChildren(database, children);
  want = new Map();
  children.forEach((c, i) => {
    const e = checkEligibility(YUNNAN_CHILDCARE_ALLOWANCE, factsOf(c), '2025');
    if (e.eligible && c.hukouRegionCode.startsWith('533423')) want.set(ids[i]!, e.amount);
  });
});
afterAll(async () => {
  if (!serverUrl) return;
  await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

function runCli(extra: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, 'benefits-cycle', '--scheme', 'yunnan.childcareAllowance', '--period', '2025', ...extra],
    {
      env: { ...process.env, DATABASE_URL: url, CRADLE_DATA_DIR: dataDir, CRADLE_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

const batchRow = async () =>
  (
    await database.query<{
      status: string;
      chunks_done: number;
      chunks_total: number;
      payment_count: number;
      total_fen: number;
    }>(
      "SELECT status, chunks_done, chunks_total, payment_count, total_fen FROM payment_batches WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2025'",
    )
  )[0];

describe.runIf(serverUrl)('a payment cycle killed with SIGKILL halfway', () => {
  it('run again, ends exactly as an uninterrupted run would', async () => {
    const first = runCli(['--pause-ms', '300', '--chunk-size', '500']);
    const deadline = Date.now() + 60_000;
    while (((await batchRow())?.chunks_done ?? 0) < 2) {
      if (Date.now() > deadline) throw new Error(`the cycle did not get going: ${first.output()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const killed = (await batchRow())!;
    expect(killed.status).toBe('running');
    expect(killed.chunks_done).toBeLessThan(killed.chunks_total);

    const second = runCli(['--chunk-size', '500']);
    expect((await second.exited).code, second.output()).toBe(0);
    const rows = await database.query<{ beneficiary_id: number; amount_fen: number }>(
      "SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2025'",
    );
    expect(new Map(rows.map((r) => [Number(r.beneficiary_id), Number(r.amount_fen)]))).toEqual(want);
    const total = [...want.values()].reduce((a, b) => a + b, 0);
    expect(await batchRow()).toMatchObject({
      status: 'complete',
      chunks_done: killed.chunks_total,
      payment_count: want.size,
      total_fen: total,
    });
  });
});
