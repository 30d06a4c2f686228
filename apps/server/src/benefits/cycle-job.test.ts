import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility, YUNNAN_CHILDCARE_ALLOWANCE } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { createJobRunner, findJob, insertJob } from '../jobs/index.js';
import { paymentCycleKind } from '../jobs/kinds/index.js';
import { PAYMENT_CYCLE_KIND, type PaymentCyclePayload } from './cycle.js';
import { openBatch } from './batches-repo.js';
import { factsOf, insertChildren, randomChildren } from './test-population.js';

// The cycle as a background job: stopped between chunks, it goes back to the queue and another
// runner resumes it; payments_once_uq and the batch's resume point keep it from paying twice.

let database: Database;
let cleanup: () => Promise<void>;
let want: Map<number, number>;
beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
  const villages = (
    await database.query<{ code: string }>(
      "SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code",
    )
  ).map((r) => r.code);
  const children = randomChildren(800, villages, 4242);
  const ids = await insertChildren(database, children);
  want = new Map();
  children.forEach((c, i) => {
    const e = checkEligibility(YUNNAN_CHILDCARE_ALLOWANCE, factsOf(c), '2025');
    if (e.eligible && c.hukouRegionCode.startsWith('533423')) want.set(ids[i]!, e.amount);
  });
});
afterAll(async () => cleanup?.());

const quiet = { warn: () => undefined, error: () => undefined };
const actor = { userId: null, username: 'test', jurisdictionCode: '533423', clientIp: null };

async function queueCycle(more: Partial<PaymentCyclePayload> = {}): Promise<{ jobId: number | null; batchId: number }> {
  const batch = await openBatch(database, 'yunnan.childcareAllowance', '2025', '533423', null);
  const payload: PaymentCyclePayload = {
    scheme: 'yunnan.childcareAllowance',
    periodKey: '2025',
    jurisdictionCode: '533423',
    actor,
    batchId: batch.id,
    chunkIds: 100,
    ...more,
  };
  const jobId = await insertJob(database, {
    kind: PAYMENT_CYCLE_KIND,
    key: String(batch.id),
    jurisdictionCode: '533423',
    payload,
  });
  return { jobId, batchId: batch.id };
}

const batchRow = async (id: number) =>
  (
    await database.query<{ status: string; chunks_done: number; chunks_total: number; payment_count: number }>(
      'SELECT status, chunks_done, chunks_total, payment_count FROM payment_batches WHERE id = $1',
      [id],
    )
  )[0]!;

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a payment cycle run by the job runner', () => {
  it('stopped between chunks, is resumed by another runner and pays each child once', async () => {
    const { jobId, batchId } = await queueCycle({ pauseMs: 60_000 });
    const first = createJobRunner({ database, log: quiet }).register(paymentCycleKind(database, quiet));
    first.kick(PAYMENT_CYCLE_KIND);
    await until(async () => (await batchRow(batchId)).chunks_done >= 1, 'the first chunk');
    await first.stop();
    const stopped = await batchRow(batchId);
    expect(stopped.status).toBe('running');
    expect(stopped.chunks_done).toBeLessThan(stopped.chunks_total);
    expect(await findJob(database, jobId!)).toMatchObject({ status: 'pending', attempts: 0 });

    await database.query(`UPDATE jobs SET payload = payload - 'pauseMs' WHERE id = $1`, [jobId]);
    const second = createJobRunner({ database, log: quiet }).register(paymentCycleKind(database, quiet));
    await second.drain(PAYMENT_CYCLE_KIND);
    expect(await findJob(database, jobId!)).toMatchObject({ status: 'done', attempts: 1 });
    const paid = await database.query<{ beneficiary_id: number; amount_fen: number }>(
      "SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2025'",
    );
    expect(paid).toHaveLength(want.size);
    expect(new Map(paid.map((r) => [Number(r.beneficiary_id), Number(r.amount_fen)]))).toEqual(want);
    expect(await batchRow(batchId)).toMatchObject({
      status: 'complete',
      chunks_done: stopped.chunks_total,
      payment_count: want.size,
    });

    // Queued again once complete: the job runs and changes nothing.
    const again = await queueCycle();
    expect(again.batchId).toBe(batchId);
    await second.drain(PAYMENT_CYCLE_KIND);
    expect(await findJob(database, again.jobId!)).toMatchObject({ status: 'done' });
    const [{ n }] = (await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2025'",
    )) as [{ n: number }];
    expect(n).toBe(want.size);
    await second.stop();
  });
});
