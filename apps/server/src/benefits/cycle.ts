import { setTimeout as sleep } from 'node:timers/promises';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { AuditActor } from '../registry/index.js';
import { chunkDone, completeBatch, lockBatch, openBatch, setChunksTotal, type PaymentBatch } from './batches-repo.js';
import { compileScheme, countiesIn } from './eligibility-sql.js';
import { runInstitutionCycle } from './institution-cycle.js';
import type { CycleRequest } from './cycle-request.js';
import {
  carryOverFailedPayments,
  findPersonIdBounds,
  insertChunkPayments,
  type PaymentGroup,
} from './payments-repo.js';
import { publishedOverrides } from './versions-repo.js';

/** The job that pays a cycle (jobs/kinds/payment-cycle.ts): its kind, and its payload as queued. */
export const PAYMENT_CYCLE_KIND = 'benefits.paymentCycle';

/** A cycle as queued: its batch is open (benefits/service.ts startCycle), the job pays it chunk by chunk. */
export interface PaymentCyclePayload {
  scheme: string;
  periodKey: string;
  jurisdictionCode: string;
  actor: AuditActor;
  batchId: number;
  /** As the command's --chunk-size and --pause-ms; the defaults unless set (tests). */
  chunkIds?: number;
  pauseMs?: number;
}

export type { CycleRequest } from './cycle-request.js';

const DEFAULT_CHUNK_IDS = 100_000;

/**
 * A payment cycle: the entitlements of one scheme for one period for every eligible
 * beneficiary in a jurisdiction, computed set-based in the database, into one payment batch.
 *
 * Chunk by chunk (ranges of person ids, scanned in index order), each in its own transaction
 * that inserts the chunk's payments and records it done, so progress shows and a cycle killed
 * at any point resumes after the last chunk it finished and ends as an uninterrupted run would.
 * The unique index payments_once_uq (scheme, beneficiary, period, deployment-wide) makes a
 * second payment impossible. Re-running a complete cycle returns its batch unchanged.
 */
export async function runPaymentCycle(
  database: Database,
  req: CycleRequest,
  onProgress?: (b: PaymentBatch) => void,
): Promise<PaymentBatch> {
  // Institutions (issue 14) are few and judged one by one: institution-cycle.ts.
  if (req.scheme.beneficiary === 'institution') return runInstitutionCycle(database, req);
  const scope = { jurisdictionCode: req.jurisdictionCode };
  const chunkIds = req.chunkIds ?? DEFAULT_CHUNK_IDS;
  const plan = await withScope(database, scope, (tx) => planCycle(tx, req, chunkIds));
  let batch = plan.batch;
  if (batch.status === 'complete') return batch;
  onProgress?.(batch);
  for (let lo = plan.firstId; lo <= plan.lastId; lo += chunkIds) {
    const hi = Math.min(lo + chunkIds - 1, plan.lastId);
    if (batch.resumeAfterId !== null && hi <= batch.resumeAfterId) continue;
    req.signal?.throwIfAborted();
    batch = await withScope(database, scope, async (tx) => {
      // Another run of the same cycle may have done this chunk meanwhile: the row lock makes
      // runs take turns, and the one that comes second skips it.
      const current = await lockBatch(tx, batch.id);
      if (current.resumeAfterId !== null && hi <= current.resumeAfterId) return current;
      let written = { n: 0, fen: 0 };
      for (const group of plan.groups) {
        const w = await insertChunkPayments(tx, req.scheme, req.periodKey, batch.id, lo, hi, group);
        written = { n: written.n + w.n, fen: written.fen + w.fen };
      }
      return chunkDone(tx, batch.id, hi, written.n, written.fen);
    });
    onProgress?.(batch);
    if (req.pauseMs) await sleep(req.pauseMs, undefined, req.signal ? { signal: req.signal } : {});
  }
  return withScope(database, scope, async (tx) => {
    const done = await completeBatch(tx, batch.id);
    await audit(tx, req, 'benefits.cycleComplete', done.id, { payments: done.paymentCount, totalFen: done.totalFen });
    return done;
  });
}

async function planCycle(tx: Conn, req: CycleRequest, chunkIds: number) {
  const batch = await openBatch(
    tx,
    req.scheme.code,
    req.periodKey,
    req.jurisdictionCode,
    req.actor.userId,
    req.supplement,
  );
  if (batch.status === 'complete') return { batch, groups: [], firstId: 0, lastId: -1 };
  const { firstId, lastId } = await findPersonIdBounds(tx);
  const chunks = lastId < firstId ? 0 : Math.ceil((lastId - firstId + 1) / chunkIds);
  await setChunksTotal(tx, batch.id, chunks);
  let carried = 0;
  if (batch.chunksDone === 0) {
    carried = await carryOverFailedPayments(tx, req.scheme.code, req.jurisdictionCode, batch.id);
    await audit(tx, req, 'benefits.cycleStart', batch.id, { carriedOver: carried, round: batch.round });
  }
  // Versions are set at county level or above (scheme-versions), so a county's beneficiaries
  // share one set of values: the rules are compiled once per county in the jurisdiction.
  const overrides = await publishedOverrides(tx, req.scheme.code);
  const J = req.jurisdictionCode;
  const counties = await countiesIn(tx, J);
  const groups: PaymentGroup[] = [];
  for (const county of counties) {
    const compiled = compileScheme(req.scheme, req.periodKey, overrides, county, 8, !req.scheme.proactive);
    if (compiled)
      groups.push({ prefix: `${J.length >= 6 ? J : county}%`, county: J.length >= 6 ? null : county, compiled });
  }
  const opened = carried > 0 ? await lockBatch(tx, batch.id) : batch;
  return { batch: { ...opened, chunksTotal: chunks }, groups, firstId, lastId };
}

async function audit(tx: Conn, req: CycleRequest, action: string, batchId: number, details: Record<string, unknown>) {
  await appendAudit(tx, {
    ...req.actor,
    action,
    targetType: 'paymentBatch',
    targetId: String(batchId),
    outcome: 'success',
    details: { scheme: req.scheme.code, period: req.periodKey, jurisdiction: req.jurisdictionCode, ...details },
  });
}
