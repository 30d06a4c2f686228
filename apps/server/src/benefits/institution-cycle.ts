import { checkEligibility, chinaDateOf, parsePeriod, type SchemeDefinition } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { chunkDone, completeBatch, lockBatch, openBatch, setChunksTotal, type PaymentBatch } from './batches-repo.js';
import type { CycleRequest } from './cycle-request.js';
import { institutionFactsOn, type InstitutionRow } from './institution-facts-repo.js';
import { carryOverFailedPayments } from './payments-repo.js';
import { publishedOverrides } from './versions-repo.js';

// The payment cycle of a scheme paid to childcare institutions (issue 14, "a second beneficiary
// kind"). Same batch, versions, four-eyes stages and payment files as a person's cycle; but a
// county holds tens of institutions, not a million persons, so each is judged by checkEligibility
// itself, in one transaction, and its trace is kept with the payment (institution_payment_traces).

/** The day an institution is judged on: today (China), or the period's last day if it has ended. */
export function judgedOn(scheme: SchemeDefinition, periodKey: string, now: Date = new Date()): string {
  const today = chinaDateOf(now);
  const period = parsePeriod(scheme.frequency, periodKey);
  if (!period || period.frequency === 'once') return today;
  const last = new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return last < today ? last : today;
}

/** Each institution of the jurisdiction with its eligibility for the scheme and period on a day. */
export async function judgeInstitutions(
  tx: Conn,
  scheme: SchemeDefinition,
  periodKey: string,
  prefix: string,
  day: string,
) {
  const overrides = await publishedOverrides(tx, scheme.code);
  const institutions = await institutionFactsOn(tx, prefix, day);
  return institutions
    .filter((i) => i.regionCode.startsWith(scheme.regionCode))
    .map((i) => ({ institution: i, eligibility: checkEligibility(scheme, factsOf(i), periodKey, overrides) }));
}

const factsOf = (i: InstitutionRow) => ({
  birthDate: i.asOf,
  deathDate: null,
  hukouRegionCode: i.regionCode,
  parity: null,
  specialFamilyStatus: null,
  declared: {},
  institution: i,
});

export async function runInstitutionCycle(database: Database, req: CycleRequest): Promise<PaymentBatch> {
  const J = req.jurisdictionCode;
  const day = judgedOn(req.scheme, req.periodKey);
  return withScope(database, { jurisdictionCode: J }, async (tx) => {
    const opened = await openBatch(tx, req.scheme.code, req.periodKey, J, req.actor.userId, req.supplement);
    if (opened.status === 'complete') return opened;
    const batch = await lockBatch(tx, opened.id);
    if (batch.status === 'complete') return batch;
    await setChunksTotal(tx, batch.id, 1);
    const carried = await carryOverFailedPayments(tx, req.scheme.code, J, batch.id);
    await audit(tx, req, 'benefits.cycleStart', batch.id, { carriedOver: carried, round: batch.round, judgedOn: day });
    let n = 0;
    let fen = 0;
    let lastId = 0;
    for (const { institution: i, eligibility: e } of await judgeInstitutions(tx, req.scheme, req.periodKey, J, day)) {
      lastId = i.id;
      if (!e.eligible) continue;
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO payments (scheme_code, period_key, beneficiary_id, beneficiary_kind, amount_fen, batch_id, region_code)
         VALUES ($1, $2, $3, 'institution', $4, $5, $6)
         ON CONFLICT (scheme_code, beneficiary_id, period_key) WHERE status <> 'cancelled' DO NOTHING RETURNING id`,
        [req.scheme.code, req.periodKey, i.id, e.amount, batch.id, i.regionCode],
      );
      if (!inserted[0]) continue; // paid already (once per institution and period)
      await tx.query(
        `INSERT INTO institution_payment_traces (payment_id, institution_id, region_code, filing_version, slots,
           affordable_slots, judged_on, trace) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [inserted[0].id, i.id, i.regionCode, i.version, i.slots, i.affordableSlots, day, JSON.stringify(e.trace)],
      );
      n++;
      fen += e.amount;
    }
    await chunkDone(tx, batch.id, lastId, n, fen);
    const done = await completeBatch(tx, batch.id);
    await audit(tx, req, 'benefits.cycleComplete', done.id, { payments: done.paymentCount, totalFen: done.totalFen });
    return done;
  });
}

async function audit(tx: Conn, req: CycleRequest, action: string, batchId: number, details: Record<string, unknown>) {
  await appendAudit(tx, {
    ...req.actor,
    action,
    targetType: 'paymentBatch',
    targetId: String(batchId),
    outcome: 'success',
    details: {
      scheme: req.scheme.code,
      period: req.periodKey,
      jurisdiction: req.jurisdictionCode,
      beneficiary: 'institution',
      ...details,
    },
  });
}
