import type { PlanDefinition, PlanDraftBody, PlanVersionView } from '@cradle/contract';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { PlansError } from './plans-errors.js';
import { checkPlanDefinition, problemsMessage } from './plans-check.js';
import {
  findPlanVersion,
  insertPlanDraft,
  listPlanVersions,
  publishedPlanExists,
  setPlanStatus,
  updatePlanDefinition,
} from './plans-repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

export const auditOf = (a: Actor, action: string, targetType: string, targetId: string | null, details: object) => ({
  userId: a.user.id,
  username: a.user.username,
  jurisdictionCode: a.user.jurisdictionCode,
  clientIp: a.clientIp,
  action,
  targetType,
  targetId,
  outcome: 'success' as const,
  details: details as Record<string, unknown>,
});

function normalise(d: PlanDefinition): PlanDefinition {
  return {
    ...d,
    title: d.title.trim(),
    issuer: d.issuer.trim(),
    documentNumber: d.documentNumber?.trim() || null,
    targets: d.targets.map((t) => ({
      ...t,
      value: t.value.trim(),
      upper: t.comparison === 'band' ? (t.upper ?? '').trim() : null,
      clause: t.clause.trim(),
      ...(t.quote?.trim() ? { quote: t.quote.trim() } : {}),
      ...(t.reading?.trim() ? { reading: t.reading.trim() } : {}),
    })),
  };
}

function checked(d: PlanDefinition): PlanDefinition {
  const n = normalise(d);
  const problems = checkPlanDefinition(n);
  if (problems.length > 0) throw PlansError('plan.invalid', problems, problemsMessage(problems));
  return n;
}

/**
 * A county's own plans (issue 13, "Plans as data"), as scheme versions are (benefits/versions-*):
 * an administrator of the county drafts and submits, a second administrator of the same
 * jurisdiction publishes (the database refuses the drafter: migration 0029), and a published
 * version never changes (a revision is the next version of the plan). Every step is audited.
 */
export function createPlanService(database: Database) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  /** The county a user drafts for: their own, or the one their jurisdiction lies in. */
  const countyOf = (a: Actor) => {
    const own = a.user.jurisdictionCode;
    if (own.length < 6) throw PlansError('plan.countyOnly');
    return own.slice(0, 6);
  };

  return {
    list: (a: Actor) => withScope(database, scope(a), (tx) => listPlanVersions(tx, a.user.id)),

    async create(a: Actor, body: PlanDraftBody): Promise<PlanVersionView> {
      const county = countyOf(a);
      const { revises, ...definition } = body;
      const d = checked(definition);
      return withScope(database, scope(a), async (tx) => {
        if (revises !== undefined && !(await publishedPlanExists(tx, revises, county)))
          throw PlansError('plan.revisesUnknown');
        const id = await insertPlanDraft(
          tx,
          { planCode: revises ?? null, jurisdictionCode: county, definition: d },
          a.user,
        );
        const v = (await findPlanVersion(tx, id, a.user.id))!;
        await appendAudit(
          tx,
          auditOf(a, 'monitoring.planDraft', 'planVersion', String(id), {
            plan: v.planCode,
            version: v.version,
            jurisdiction: county,
            targets: d.targets.length,
          }),
        );
        return v;
      });
    },

    async update(a: Actor, id: number, definition: PlanDefinition): Promise<PlanVersionView> {
      const d = checked(definition);
      return withScope(database, scope(a), async (tx) => {
        const v = await own(tx, a, id);
        if (v.status !== 'draft') throw PlansError('plan.wrongStatus', { status: v.status });
        await updatePlanDefinition(tx, id, d);
        await appendAudit(
          tx,
          auditOf(a, 'monitoring.planUpdate', 'planVersion', String(id), {
            plan: v.planCode,
            version: v.version,
            targets: d.targets.length,
          }),
        );
        return (await findPlanVersion(tx, id, a.user.id))!;
      });
    },

    submit: (a: Actor, id: number) => move(a, id, 'draft', 'inReview', 'monitoring.planSubmit'),
    publish: (a: Actor, id: number) => move(a, id, 'inReview', 'published', 'monitoring.planPublish'),
    /** A plan under review goes back to draft, to be changed before it is submitted again. */
    withdraw: (a: Actor, id: number) => move(a, id, 'inReview', 'draft', 'monitoring.planWithdraw'),
  };

  async function own(tx: Parameters<Parameters<typeof withScope>[2]>[0], a: Actor, id: number) {
    const v = await findPlanVersion(tx, id, a.user.id);
    // Readable is not writable: a county sees its province's published plans but may not move them.
    if (!v || !v.jurisdictionCode.startsWith(a.user.jurisdictionCode)) throw PlansError('plan.notFound');
    return v;
  }

  async function move(
    a: Actor,
    id: number,
    from: PlanVersionView['status'],
    to: PlanVersionView['status'],
    action: string,
  ): Promise<PlanVersionView> {
    return withScope(database, scope(a), async (tx) => {
      const v = await own(tx, a, id);
      if (v.status !== from) throw PlansError('plan.wrongStatus', { status: v.status });
      // Four eyes: the one who publishes a plan is not the one who wrote it (the database holds it too).
      if (to === 'published' && v.mine) throw PlansError('plan.sameReviewer');
      await setPlanStatus(tx, id, to, a.user);
      await appendAudit(
        tx,
        auditOf(a, action, 'planVersion', String(id), { plan: v.planCode, version: v.version, from, to }),
      );
      return (await findPlanVersion(tx, id, a.user.id))!;
    });
  }
}

export type PlanService = ReturnType<typeof createPlanService>;
