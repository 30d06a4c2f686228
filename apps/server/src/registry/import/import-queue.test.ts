import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../jobs/index.js';
import { importKind } from '../../jobs/kinds/index.js';
import { IMPORT_KIND } from './types.js';
import { createImportService } from './service.js';
import { importTestContext, person, tempDir, user, writeCsv, type ImportTestContext } from './test-files.js';

// Imports through the job runner: a bounded number at once, the rest queued (24 uploads at once
// reached 3.7 GB), and an import whose process died failed for its user when its lease runs out.

let ctx: ImportTestContext;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

const quiet = { warn: () => undefined, error: () => undefined };
const COUNTY = user('533423');

const jobStatuses = async () =>
  (
    await ctx.database.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM jobs WHERE kind = '${IMPORT_KIND}' GROUP BY status ORDER BY status`,
    )
  ).reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: r.n }), {});

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('imports queued for the job runner', () => {
  it('run at most N at once; the others wait queued, then all complete', async () => {
    const N = 2;
    const kind = importKind({ ...ctx, logger: quiet }, N);
    let running = 0;
    let most = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const runner = createJobRunner({ database: ctx.database, log: quiet }).register({
      ...kind,
      async run(jobs, c) {
        most = Math.max(most, ++running);
        await gate;
        try {
          // An import's handler returns nothing: its failures throw.
          await kind.run(jobs, c);
        } finally {
          running--;
        }
      },
    });
    const service = createImportService({ ...ctx, jobs: runner });
    const ids: number[] = [];
    const files: string[] = [];
    for (let i = 0; i < N + 3; i++) {
      const file = await writeCsv(dir, `queued-${i}.csv`, [person(100 + 2 * i), person(101 + 2 * i)]);
      files.push(file);
      ids.push(
        await service.start({
          filePath: file,
          fileName: `queued-${i}.csv`,
          format: 'csv',
          user: COUNTY,
          clientIp: null,
        }),
      );
    }
    await until(async () => (await jobStatuses()).running === N, `${N} imports claimed`);
    expect(await jobStatuses()).toEqual({ pending: 3, running: N });
    const listed = await service.list({ jurisdictionCode: '533423' });
    expect(listed.filter((j) => ids.includes(j.id)).every((j) => j.status === 'queued')).toBe(true);

    open();
    await runner.drain(IMPORT_KIND);
    expect(most).toBe(N);
    expect(await jobStatuses()).toEqual({ done: N + 3 });
    for (const id of ids)
      expect((await service.get({ jurisdictionCode: '533423' }, id))!.job).toMatchObject({
        status: 'done',
        inserted: 2,
      });
    for (const file of files) expect(existsSync(file)).toBe(false);
    await runner.stop();
  });

  it('fails an import whose process died once its lease runs out, with its closing audit entry', async () => {
    const file = await writeCsv(dir, 'orphan.csv', [person(200)]);
    const service = createImportService({ ...ctx, jobs: { kick: () => undefined } });
    const id = await service.start({
      filePath: file,
      fileName: 'orphan.csv',
      format: 'csv',
      user: COUNTY,
      clientIp: null,
    });
    // A process claimed it and died: its claim is older than the lease.
    await ctx.database.query(
      `UPDATE jobs SET status = 'running', attempts = 1, claimed_at = now() - interval '6 minutes' WHERE kind = '${IMPORT_KIND}' AND key = $1`,
      [String(id)],
    );
    await ctx.database.query(`UPDATE import_jobs SET status = 'running' WHERE id = $1`, [id]);
    // A restart's repair leaves it alone: the queue still answers for it.
    expect(await service.failInterrupted()).toBe(0);
    const runner = createJobRunner({ database: ctx.database, log: quiet }).register(
      importKind({ ...ctx, logger: quiet }),
    );
    expect(await runner.sweep(IMPORT_KIND)).toBe(1);
    const job = (await service.get({ jurisdictionCode: '533423' }, id))!.job;
    expect(job).toMatchObject({ status: 'failed', failure: { code: 'import.interrupted' } });
    const audit = await ctx.database.query<{ outcome: string; details: { failureCode: string } }>(
      `SELECT outcome, details FROM audit_log WHERE action = 'registry.import' AND target_id = $1`,
      [String(id)],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        outcome: 'failure',
        details: expect.objectContaining({ failureCode: 'import.interrupted' }),
      }),
    ]);
    expect(existsSync(file)).toBe(false);
    await runner.stop();
  });
});
