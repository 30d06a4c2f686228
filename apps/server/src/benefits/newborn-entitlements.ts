import {
  BUILT_IN_SCHEMES,
  checkEligibility,
  chinaDateOf,
  formatYuan,
  periodOn,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { enqueueNotifications } from '../notifications/index.js';
import { beneficiaryFacts } from './facts-repo.js';
import { publishedOverrides } from './versions-repo.js';

/**
 * 免申即享 for newborns (issue 4: "When the hukou registration completes, the registry event
 * reaches the benefits module so that proactive schemes can create pending entitlements").
 * Consumes 'newbornRegistered' events (written by bundle/newborn-registry.ts in the hukou
 * transaction): for each proactive scheme covering the newborn's hukou region, the eligibility
 * for the period running on the day of the event (its month or year, or 'once'), and when eligible a pending
 * entitlement with the trace and an in-app message to the family that submitted the bundle.
 * The payment itself comes from the scheme's next cycle (benefits/README.md).
 *
 * Idempotent: an event is taken with FOR UPDATE SKIP LOCKED and only while unhandled, and
 * pending_entitlements_uq (scheme, person) refuses a second entitlement. A failure leaves the
 * event unhandled for the next catch-up.
 */
export function createNewbornEntitlements(database: Database, log: { error(obj: object, msg: string): void }) {
  const running = new Set<Promise<unknown>>();

  async function handle(eventId: number): Promise<number> {
    // The event's region, read as the owner, names the scope its work runs in.
    const [ev] = await database.query<{ region_code: string }>(
      'SELECT region_code FROM registry_events WHERE id = $1',
      [eventId],
    );
    if (!ev) return 0;
    return withScope(database, { jurisdictionCode: ev.region_code }, async (tx) => {
      const [e] = await tx.query<{ person_id: number; payload: { residentId?: number | null }; created_at: Date }>(
        "SELECT person_id, payload, created_at FROM registry_events WHERE id = $1 AND kind = 'newbornRegistered' AND handled_at IS NULL FOR UPDATE SKIP LOCKED",
        [eventId],
      );
      if (!e) return 0;
      // The period running when public security registered the newborn (the event's China date), not
      // when this runs: an event written on 31 December and handled after New Year is that year's.
      const created = await grant(
        tx,
        Number(e.person_id),
        e.payload.residentId ?? null,
        ev.region_code,
        chinaDateOf(new Date(e.created_at)),
      );
      await tx.query('UPDATE registry_events SET handled_at = now() WHERE id = $1', [eventId]);
      return created;
    });
  }

  async function grant(
    tx: Conn,
    personId: number,
    residentId: number | null,
    regionCode: string,
    today: string,
  ): Promise<number> {
    const facts = await beneficiaryFacts(tx, personId);
    if (!facts) return 0;
    let created = 0;
    for (const scheme of proactiveSchemesFor(facts.hukouRegionCode)) {
      const e = checkEligibility(
        scheme,
        facts,
        periodOn(scheme.frequency, today),
        await publishedOverrides(tx, scheme.code),
      );
      if (!e.eligible) continue;
      const inserted = await tx.query(
        `INSERT INTO pending_entitlements (scheme_code, person_id, region_code, first_period_key, amount_fen, trace)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (scheme_code, person_id) DO NOTHING RETURNING id`,
        [scheme.code, personId, facts.hukouRegionCode, e.period, e.amount, JSON.stringify(e.trace)],
      );
      if (inserted.length === 0) continue;
      created++;
      if (residentId !== null) {
        const yuan = formatYuan(e.amount);
        await enqueueNotifications(tx, [
          {
            recipient: { residentId },
            regionCode,
            channels: ['inApp'],
            topic: 'proactiveEntitlement',
            subject: { kind: 'person', id: personId },
            body: {
              zh: `免申即享：您的孩子已落户，符合${scheme.name.zh}条件，核定金额 ¥${yuan}（${e.period === 'once' ? '一次性' : e.period}），无需申请，将随下一发放批次发放。`,
              en: `Granted without applying: your newly registered child qualifies for the ${scheme.name.en}, ¥${yuan} (${e.period}); it is paid with the next payment batch.`,
            },
          },
        ]);
      }
      await appendAudit(tx, {
        userId: null,
        username: 'system:newbornEntitlements',
        jurisdictionCode: regionCode,
        clientIp: null,
        action: 'benefits.pendingEntitlement',
        targetType: 'person',
        targetId: String(personId),
        outcome: 'success',
        details: { scheme: scheme.code, period: e.period, amountFen: e.amount },
      });
    }
    return created;
  }

  /** Every unhandled event, oldest first (at start, for events a crash or a failure left behind). */
  async function catchUp(): Promise<number> {
    let handled = 0;
    for (let after = 0; ;) {
      const ids = await database.query<{ id: number }>(
        "SELECT id FROM registry_events WHERE kind = 'newbornRegistered' AND handled_at IS NULL AND id > $1 ORDER BY id LIMIT 500",
        [after],
      );
      if (ids.length === 0) return handled;
      for (const { id } of ids) {
        after = Number(id);
        try {
          await handle(after);
          handled++;
        } catch (err) {
          log.error({ err, event: after }, 'newborn entitlements failed; left for the next catch-up');
        }
      }
    }
  }

  const track = (work: Promise<unknown>) => {
    const tracked = work
      .catch((err: unknown) => log.error({ err }, 'newborn entitlements failed'))
      .finally(() => running.delete(tracked));
    running.add(tracked);
  };

  return {
    handle,
    catchUp,

    /**
     * In the background, after `first` (the registry's upkeep; its failure is logged and does
     * not hold the event back): the request that wrote the event does not wait.
     */
    handleSoon(eventId: number, first: () => Promise<void> = async () => undefined): void {
      track(
        first()
          .catch((err: unknown) => log.error({ err }, 'registry upkeep after a newborn failed'))
          .then(() => handle(eventId)),
      );
    },

    catchUpSoon(): void {
      track(catchUp());
    },

    /** Resolves when nothing runs (for a clean shutdown). */
    async idle(): Promise<void> {
      await Promise.all([...running]);
    },
  };
}

/** Proactive schemes whose region covers a hukou region ('' is national). */
export function proactiveSchemesFor(hukouRegionCode: string): SchemeDefinition[] {
  return BUILT_IN_SCHEMES.filter(
    (s) => s.proactive && s.beneficiary !== 'institution' && hukouRegionCode.startsWith(s.regionCode),
  );
}

export type NewbornEntitlements = ReturnType<typeof createNewbornEntitlements>;
