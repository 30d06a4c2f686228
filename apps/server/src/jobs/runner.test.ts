import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { findJob, insertJob, jobsQueue, type Claimed } from './repo.js';
import { createJobRunner, exponentialBackoff, JobReleased, type JobKind } from './runner.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup?.());

const quiet = { warn: () => undefined, error: () => undefined };

function kind(name: string, run: JobKind['run'], more: Partial<JobKind> = {}): JobKind {
  return { kind: name, queue: jobsQueue(name), concurrency: 1, maxAttempts: 3, leaseMs: 60_000, run, ...more };
}

async function queue(name: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      (await insertJob(database, { kind: name, key: `${name}-${i}`, jurisdictionCode: '533423', payload: { i } }))!,
    );
  return ids;
}

const statuses = async (name: string) =>
  (
    await database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM jobs WHERE kind = $1 GROUP BY status ORDER BY status',
      [name],
    )
  ).reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: r.n }), {});

/** Waits for the database to reach a state; fails after a few seconds. */
async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the job runner', () => {
  it('gives each job to one runner when two claim at once', async () => {
    await queue('test.twice', 30);
    const seen: number[] = [];
    const handler = async ([job]: Claimed[]) => {
      seen.push(job!.id);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const a = createJobRunner({ database, log: quiet }).register(kind('test.twice', handler, { concurrency: 3 }));
    const b = createJobRunner({ database, log: quiet }).register(kind('test.twice', handler, { concurrency: 3 }));
    await Promise.all([a.drain('test.twice'), b.drain('test.twice'), a.drain('test.twice')]);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(await statuses('test.twice')).toEqual({ done: 30 });
    await Promise.all([a.stop(), b.stop()]);
  });

  it('retries a failing job with exponential back-off, then marks it failed', async () => {
    const [id] = await queue('test.failing', 1);
    let clock = new Date('2026-12-07T00:00:00Z').getTime();
    const failedFor: string[] = [];
    const runner = createJobRunner({ database, log: quiet, now: () => new Date(clock) }).register(
      kind(
        'test.failing',
        async () => {
          throw new Error('gateway down');
        },
        {
          backoffMs: exponentialBackoff(1000),
          onFailed: async (_tx, jobs, error) => void failedFor.push(`${jobs[0]!.id}: ${error}`),
        },
      ),
    );
    const job = async () => (await findJob(database, id!))!;

    await runner.drain('test.failing');
    expect(await job()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway down' });
    expect(new Date((await job()).nextAttemptAt!).getTime()).toBe(clock + 1000);
    // Backed off: not due yet.
    clock += 999;
    await runner.drain('test.failing');
    expect((await job()).attempts).toBe(1);
    clock += 1;
    await runner.drain('test.failing');
    expect(await job()).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date((await job()).nextAttemptAt!).getTime()).toBe(clock + 2000);
    clock += 2000;
    await runner.drain('test.failing');
    expect(await job()).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gateway down' });
    expect((await job()).finishedAt).not.toBeNull();
    expect(failedFor).toEqual([`${id}: gateway down`]);
    await runner.stop();
  });

  it('takes over a claim whose worker stopped renewing it, and ignores the late finish', async () => {
    const [id] = await queue('test.stale', 1);
    const start = new Date('2026-12-07T01:00:00Z').getTime();
    const hung = gate();
    const dead = createJobRunner({ database, log: quiet, now: () => new Date(start) }).register(
      kind('test.stale', () => hung.opened),
    );
    dead.kick('test.stale');
    await until(async () => (await findJob(database, id!))!.status === 'running', 'the first claim');

    const ranBy: string[] = [];
    const later = createJobRunner({ database, log: quiet, now: () => new Date(start + 60_001) }).register(
      kind('test.stale', async () => void ranBy.push('later')),
    );
    const before = createJobRunner({ database, log: quiet, now: () => new Date(start + 59_999) }).register(
      kind('test.stale', async () => void ranBy.push('too early')),
    );
    expect(await before.sweep('test.stale')).toBe(0);
    expect(await later.sweep('test.stale')).toBe(1);
    await later.drain('test.stale');
    expect(ranBy).toEqual(['later']);
    expect(await findJob(database, id!)).toMatchObject({ status: 'done', attempts: 2 });

    // The first worker wakes up and finishes: its claim is no longer current, so nothing changes.
    hung.open();
    await dead.stop();
    expect(await findJob(database, id!)).toMatchObject({ status: 'done', attempts: 2 });
    await Promise.all([later.stop(), before.stop()]);
  });

  it('fails a job whose worker died on its last attempt, with the kind’s own record', async () => {
    const [id] = await queue('test.lastStale', 1);
    await database.query(
      "UPDATE jobs SET status = 'running', attempts = 1, claimed_at = now() - interval '2 minutes' WHERE id = $1",
      [id],
    );
    const recorded: string[] = [];
    const runner = createJobRunner({ database, log: quiet }).register(
      kind('test.lastStale', async () => undefined, {
        maxAttempts: 1,
        onFailed: async (_tx, jobs, error) => void recorded.push(`${jobs[0]!.id}: ${error}`),
      }),
    );
    expect(await runner.sweep('test.lastStale')).toBe(1);
    expect(await findJob(database, id!)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(recorded).toEqual([`${id}: interrupted`]);
    await runner.stop();
  });

  it('stop() releases resumable work and lets the rest finish: nothing stays claimed', async () => {
    const resumable = await queue('test.resumable', 3);
    const [finishing] = await queue('test.finishing', 1);
    const runner = createJobRunner({ database, log: quiet })
      .register(
        kind(
          'test.resumable',
          async (_jobs, { signal }) => {
            await new Promise((resolve) => signal.addEventListener('abort', resolve));
            throw new JobReleased();
          },
          { concurrency: 2 },
        ),
      )
      .register(
        kind('test.finishing', async (_jobs, { signal }) => {
          // Ignores the request to stop and ends its work after it.
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
        }),
      );
    runner.kick('test.resumable');
    runner.kick('test.finishing');
    await until(
      async () => (await statuses('test.resumable')).running === 2 && (await statuses('test.finishing')).running === 1,
      'three claims',
    );
    await runner.stop();
    expect(await statuses('test.resumable')).toEqual({ pending: 3 });
    for (const id of resumable) expect((await findJob(database, id))!.attempts).toBe(0);
    expect(await findJob(database, finishing!)).toMatchObject({ status: 'done', attempts: 1 });
    // After stop, kicks claim nothing.
    runner.kick('test.resumable');
    expect(await statuses('test.resumable')).toEqual({ pending: 3 });
  });

  it('runs at most its bound of a kind at once; the rest wait queued', async () => {
    await queue('test.bounded', 5);
    const release = gate();
    let now = 0;
    let most = 0;
    const runner = createJobRunner({ database, log: quiet }).register(
      kind(
        'test.bounded',
        async () => {
          most = Math.max(most, ++now);
          await release.opened;
          now--;
        },
        { concurrency: 2 },
      ),
    );
    for (let i = 0; i < 5; i++) runner.kick('test.bounded');
    await until(async () => (await statuses('test.bounded')).running === 2, 'two claims');
    expect(await statuses('test.bounded')).toEqual({ pending: 3, running: 2 });
    release.open();
    await runner.drain('test.bounded');
    expect(await statuses('test.bounded')).toEqual({ done: 5 });
    expect(most).toBe(2);
    await runner.stop();
  });

  it('keeps one unfinished job per kind and key', async () => {
    expect(
      await insertJob(database, { kind: 'test.key', key: 'k', jurisdictionCode: '533423', payload: {} }),
    ).not.toBeNull();
    expect(
      await insertJob(database, { kind: 'test.key', key: 'k', jurisdictionCode: '533423', payload: {} }),
    ).toBeNull();
  });
});
