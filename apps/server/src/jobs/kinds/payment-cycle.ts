import { findBuiltInScheme } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import { PAYMENT_CYCLE_KIND, runPaymentCycle, type PaymentCyclePayload } from '../../benefits/index.js';
import { jobsQueue } from '../repo.js';
import { exponentialBackoff, JobReleased, type JobKind } from '../runner.js';

/**
 * Runs a payment cycle (benefits/cycle.ts) whose batch a finance operator opened. A cycle
 * resumes after its last chunk and payments_once_uq refuses a second payment, so a retry or a
 * takeover after a dead process continues where the last stopped; stop() releases it between
 * chunks. Three attempts, a minute apart and then two; after the third the batch stays running
 * until someone starts the cycle again.
 */
export function paymentCycleKind(database: Database, log: { error(obj: object, msg: string): void }): JobKind {
  return {
    kind: PAYMENT_CYCLE_KIND,
    queue: jobsQueue(PAYMENT_CYCLE_KIND),
    concurrency: 1,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(60_000),
    leaseMs: 300_000,
    async run([job], { signal }) {
      const p = job!.payload as PaymentCyclePayload;
      const scheme = findBuiltInScheme(p.scheme);
      if (!scheme) throw new Error(`no scheme ${p.scheme}`);
      try {
        // The batch is open and running, so the cycle takes it up (a supplementary round included).
        await runPaymentCycle(database, {
          scheme,
          periodKey: p.periodKey,
          jurisdictionCode: p.jurisdictionCode,
          actor: p.actor,
          signal,
          ...(p.chunkIds ? { chunkIds: p.chunkIds } : {}),
          ...(p.pauseMs ? { pauseMs: p.pauseMs } : {}),
        });
      } catch (e) {
        if (signal.aborted) throw new JobReleased();
        throw e;
      }
    },
    async onFailed(_owner, jobs, error) {
      for (const job of jobs) log.error({ job: job.id, error, ...(job.payload as object) }, 'payment cycle failed');
    },
  };
}
