import type { SchemeDefinition } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/service.js';
import type { AuditActor } from '../registry/import/job-audit.js';
import { completeBatch, lockBatch, openBatch, regionDone, setRegionsTotal, type PaymentBatch } from './batches-repo.js';
import { compileScheme } from './eligibility-sql.js';
import { BenefitsError } from './errors.js';
import { publishedOverrides } from './versions-repo.js';

export interface CycleRequest {
  scheme: SchemeDefinition;
  periodKey: string;
  /** Beneficiaries whose hukou is in this region are paid (the national subsidy: "applied for at the child's hukou location"). */
  jurisdictionCode: string;
  actor: AuditActor;
  /** A pause between townships, to spare a database that is serving users (the CLI's --pause-ms). */
  pauseMs?: number;
}

/**
 * A payment cycle: the entitlements of one scheme for one period for every eligible
 * beneficiary in a jurisdiction, computed set-based in the database, into one payment batch.
 *
 * Township by township (regions in code order), each in its own transaction that inserts the
 * township's payments and records it done, so progress shows and a cycle killed at any point
 * resumes after the last township it finished and ends as an uninterrupted run would. The
 * unique index payments_once_uq (scheme, beneficiary, period, deployment-wide) makes a second
 * payment impossible: ON CONFLICT DO NOTHING skips anyone already paid, here or by another
 * county before the child's hukou moved. Re-running a complete cycle returns its batch unchanged.
 */
export async function runPaymentCycle(database: Database, req: CycleRequest, onProgress?: (b: PaymentBatch) => void): Promise<PaymentBatch> {
  if (!req.scheme.proactive) throw BenefitsError('scheme.needsApplications');
  const scope = { jurisdictionCode: req.jurisdictionCode };
  const start = await withScope(database, scope, async (tx) => {
    const batch = await openBatch(tx, req.scheme.code, req.periodKey, req.jurisdictionCode, req.actor.userId);
    if (batch.status === 'complete') return { batch, regions: [], overrides: [] };
    const regions = await tx.query<{ code: string }>(
      'SELECT DISTINCT left(hukou_region_code, 9) AS code FROM persons WHERE hukou_region_code LIKE $1 ORDER BY 1',
      [`${req.jurisdictionCode}%`],
    );
    await setRegionsTotal(tx, batch.id, regions.length);
    if (batch.regionsDone === 0) await audit(tx, req, 'benefits.cycleStart', batch.id, {});
    return { batch: { ...batch, regionsTotal: regions.length }, regions: regions.map((r) => r.code), overrides: await publishedOverrides(tx, req.scheme.code) };
  });
  let batch = start.batch;
  if (batch.status === 'complete') return batch;
  onProgress?.(batch);
  for (const region of start.regions) {
    if (batch.lastRegionCode !== null && region <= batch.lastRegionCode) continue;
    batch = await withScope(database, scope, async (tx) => {
      // Another run of the same cycle may have done this township meanwhile: the row lock
      // makes runs take turns, and the one that comes second skips it.
      const current = await lockBatch(tx, batch.id);
      if (current.lastRegionCode !== null && region <= current.lastRegionCode) return current;
      const compiled = compileScheme(req.scheme, req.periodKey, start.overrides, region, 6);
      let written = { n: 0, fen: 0 };
      if (compiled) {
        const rows = await tx.query<{ n: number; fen: number | string }>(
          `WITH ins AS (
             INSERT INTO payments (scheme_code, period_key, beneficiary_id, amount_fen, batch_id, region_code)
             SELECT $1, $2, p.id, a.amount, $3, p.hukou_region_code
             FROM persons p CROSS JOIN LATERAL (SELECT ${compiled.amount} AS amount) a
             WHERE p.hukou_region_code LIKE $4 AND left(p.hukou_region_code, 9) = $5 AND ${compiled.where} AND a.amount > 0
             ORDER BY p.id
             ON CONFLICT (scheme_code, beneficiary_id, period_key) DO NOTHING
             RETURNING amount_fen
           )
           SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::bigint AS fen FROM ins`,
          [req.scheme.code, req.periodKey, batch.id, `${region}%`, region, ...compiled.params],
        );
        written = { n: rows[0]!.n, fen: Number(rows[0]!.fen) };
      }
      return regionDone(tx, batch.id, region, written.n, written.fen);
    });
    onProgress?.(batch);
    if (req.pauseMs) await new Promise((r) => setTimeout(r, req.pauseMs));
  }
  return withScope(database, scope, async (tx) => {
    const done = await completeBatch(tx, batch.id);
    await audit(tx, req, 'benefits.cycleComplete', done.id, { payments: done.paymentCount, totalFen: done.totalFen });
    return done;
  });
}

async function audit(tx: Parameters<typeof appendAudit>[0], req: CycleRequest, action: string, batchId: number, details: Record<string, unknown>) {
  await appendAudit(tx, {
    ...req.actor, action, targetType: 'paymentBatch', targetId: String(batchId), outcome: 'success',
    details: { scheme: req.scheme.code, period: req.periodKey, jurisdiction: req.jurisdictionCode, ...details },
  });
}
