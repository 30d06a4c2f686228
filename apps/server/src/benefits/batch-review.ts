import {
  approvableFrom,
  CANCELLABLE_STAGES,
  chinaDateOf,
  isFinanceOperator,
  noticeOver,
  noticeWindow,
  resolveNoticeDays,
  type WorkingDayCalendar,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { commonError } from '../errors.js';
import { lockBatch, type PaymentBatch } from './batches-repo.js';
import {
  findBatchPayment,
  insertObjection,
  removePayment,
  setApproved,
  setCancelled,
  setNotice,
} from './batch-review-repo.js';
import { BatchReviewError } from './batch-review-errors.js';
import { publishedOverrides } from './versions-repo.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

export interface BatchReviewDeps {
  database: Database;
  calendar: { current(): Promise<WorkingDayCalendar> };
  /** The clock: tests stand on any day (the notice's days pass without waiting). */
  now: () => Date;
}

const REASON_MAX = 500;

/**
 * A batch under four eyes (issue 12): the cycle's draft is published for the scheme's notice
 * days where it has one, objections are recorded row by row, a county administrator other than
 * whoever ran the cycle approves it after the notice, and only then can finance export it. Every
 * step is audited in the transaction that takes it.
 */
export function createBatchReview({ database, calendar, now }: BatchReviewDeps) {
  const today = () => chinaDateOf(now());

  /** The batch locked for the step, in the caller's scope; refused while its cycle runs. */
  async function step<T>(a: Actor, id: number, fn: (tx: Conn, b: PaymentBatch) => Promise<T>): Promise<T> {
    return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const found = await tx.query('SELECT 1 FROM payment_batches WHERE id = $1', [id]);
      if (found.length === 0) throw commonError('notFound');
      const b = await lockBatch(tx, id);
      if (b.status !== 'complete') throw BatchReviewError('batch.stillRunning');
      return fn(tx, b);
    });
  }

  /** The notice days in force for the batch's jurisdiction today (a version may set them). */
  async function noticeDays(tx: Conn, b: PaymentBatch): Promise<number> {
    const scheme = getScheme(b.schemeCode);
    return resolveNoticeDays(scheme, await publishedOverrides(tx, scheme.code), b.jurisdictionCode, today());
  }

  const mayRunPayments = (a: Actor) =>
    a.user.roles.includes('countyAdmin') || isFinanceOperator(a.user.roles, a.user.department);

  const reasonOf = (raw: string) => {
    const reason = raw.trim();
    if (reason.length === 0 || reason.length > REASON_MAX) throw BatchReviewError('batch.reasonRequired');
    return reason;
  };

  return {
    /** Publishes the draft's roster for the scheme's notice days, from today. */
    publishNotice: async (a: Actor, id: number) => {
      // Read before the transaction: on the embedded engine one connection serves both.
      const cal = await calendar.current();
      return step(a, id, async (tx, b) => {
        if (!mayRunPayments(a)) throw BatchReviewError('batch.reviewRole');
        if (b.stage !== 'draft') throw BatchReviewError('batch.wrongStage', { stage: b.stage });
        const days = await noticeDays(tx, b);
        if (days === 0) throw BatchReviewError('batch.noticeNotRequired');
        const window = noticeWindow(getScheme(b.schemeCode), today(), days, cal);
        const noticed = await setNotice(tx, b.id, window, a.user.id, now());
        await appendAudit(tx, auditOf(a, 'benefits.batchNotice', 'paymentBatch', String(b.id), { days, ...window }));
        return noticed;
      });
    },

    /**
     * An objection to one row during the notice, with its reason; upheld, the row leaves the
     * batch. Audited under the person it concerns, so the log names them.
     */
    recordObjection: (a: Actor, id: number, body: { paymentId: number; reason: string; upheld: boolean }) =>
      step(a, id, async (tx, b) => {
        if (!a.user.roles.includes('countyAdmin')) throw BatchReviewError('batch.objectionRole');
        if (b.stage !== 'noticed') throw BatchReviewError('batch.notUnderNotice');
        const reason = reasonOf(body.reason);
        const p = await findBatchPayment(tx, b.id, body.paymentId);
        if (!p) throw BatchReviewError('batch.paymentNotFound');
        if (p.status === 'removed') throw BatchReviewError('batch.paymentRemoved');
        const objectionId = await insertObjection(tx, {
          batchId: b.id,
          paymentId: p.id,
          reason,
          upheld: body.upheld,
          recordedBy: a.user.id,
          jurisdictionCode: b.jurisdictionCode,
        });
        if (body.upheld) await removePayment(tx, b.id, p);
        await appendAudit(
          tx,
          auditOf(a, 'benefits.batchObjection', 'person', String(p.beneficiaryId), {
            batchId: b.id,
            paymentId: p.id,
            objectionId,
            upheld: body.upheld,
            reason,
          }),
        );
        return lockBatch(tx, b.id);
      }),

    /**
     * The second pair of eyes: a county administrator who did not run the cycle, after the
     * notice (where the scheme has one) has run its days.
     */
    approve: (a: Actor, id: number) =>
      step(a, id, async (tx, b) => {
        if (!a.user.roles.includes('countyAdmin')) throw BatchReviewError('batch.approverRole');
        if (b.createdBy === a.user.id) throw BatchReviewError('batch.sameApprover');
        if (b.stage === 'draft' && (await noticeDays(tx, b)) > 0) throw BatchReviewError('batch.noticeRequired');
        if (b.stage !== 'draft' && b.stage !== 'noticed')
          throw BatchReviewError('batch.wrongStage', { stage: b.stage });
        if (b.stage === 'noticed' && b.noticeUntil && !noticeOver(b.noticeUntil, today())) {
          const from = approvableFrom(b.noticeUntil);
          throw BatchReviewError(
            'batch.noticeRunning',
            { noticeUntil: b.noticeUntil, approvableFrom: from },
            {
              zh: `公示期至 ${b.noticeUntil} 结束，${from} 起方可审批`,
              en: `The public notice runs until ${b.noticeUntil}; the batch can be approved from ${from}`,
            },
          );
        }
        const approved = await setApproved(tx, b.id, a.user.id, now());
        await appendAudit(
          tx,
          auditOf(a, 'benefits.batchApprove', 'paymentBatch', String(b.id), {
            payments: approved.paymentCount,
            totalFen: approved.totalFen,
          }),
        );
        return approved;
      }),

    /** Cancels a batch not yet exported, with a reason; its people are payable again in a later cycle. */
    cancel: (a: Actor, id: number, rawReason: string) =>
      step(a, id, async (tx, b) => {
        if (!mayRunPayments(a)) throw BatchReviewError('batch.reviewRole');
        const reason = reasonOf(rawReason);
        if (!CANCELLABLE_STAGES.includes(b.stage)) throw BatchReviewError('batch.wrongStage', { stage: b.stage });
        const cancelled = await setCancelled(tx, b.id, a.user.id, reason, now());
        await appendAudit(
          tx,
          auditOf(a, 'benefits.batchCancel', 'paymentBatch', String(b.id), { reason, stage: b.stage }),
        );
        return cancelled;
      }),
  };
}

export type BatchReview = ReturnType<typeof createBatchReview>;
