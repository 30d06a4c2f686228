import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { startDailyJob } from './daily.js';

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup?.());

const jobsOf = (kind: string) =>
  database.query<{ key: string; jurisdiction_code: string; payload: unknown }>(
    'SELECT key, jurisdiction_code, payload FROM jobs WHERE kind = $1 ORDER BY id',
    [kind],
  );

async function until(probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('the daily job was not queued');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a job queued once a day (the overdue checks, the daily warnings)', () => {
  it('queues under the China date, kicks its kind, and adds none while that day’s job waits', async () => {
    const kicked: string[] = [];
    const errors: object[] = [];
    // 2026-12-07 17:00 UTC is already 2026-12-08 in China.
    const stop = startDailyJob(
      database,
      { kick: (kind) => kicked.push(kind) },
      () => new Date('2026-12-07T17:00:00Z'),
      { error: (obj) => errors.push(obj) },
      {
        kind: 'test.daily',
        scopeCode: '533423',
        payload: { all: true },
        firstAfterMs: 0,
        what: 'a test',
        intervalMs: 30,
      },
    );
    try {
      await until(async () => kicked.length >= 3);
    } finally {
      stop();
    }
    expect(await jobsOf('test.daily')).toEqual([
      { key: 'daily:2026-12-08', jurisdiction_code: '533423', payload: { all: true } },
    ]);
    expect(new Set(kicked)).toEqual(new Set(['test.daily']));
    expect(errors).toEqual([]);
  });

  it('stops: no tick after the stop function', async () => {
    const kicked: string[] = [];
    const stop = startDailyJob(
      database,
      { kick: (kind) => kicked.push(kind) },
      () => new Date('2026-12-07T01:00:00Z'),
      { error: () => undefined },
      { kind: 'test.stopped', scopeCode: '533423', payload: {}, firstAfterMs: 50, what: 'a test' },
    );
    stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(kicked).toEqual([]);
    expect(await jobsOf('test.stopped')).toEqual([]);
  });
});
