import {
  checkApplicationFacts,
  checkEligibility,
  chinaDateOf,
  newApplicationState,
  periodOn,
  resolveNoticeDays,
  review,
  reviewLevelOf,
  withApplicationFacts,
  type ParameterOverride,
  type ReviewAction,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { isUniqueViolation } from '../db/savepoint.js';
import { appendAudit } from '../audit/index.js';
import { AppError, commonError } from '../errors.js';
import {
  findApplication,
  insertApplication,
  insertDecision,
  listDecisions,
  listForBeneficiary,
  listQueue,
  listSubmittedBy,
  saveState,
  type ApplicationRow,
} from './applications-repo.js';
import { BenefitsError } from './errors.js';
import { beneficiaryFacts } from './facts-repo.js';
import { publishedOverrides } from './versions-repo.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

export interface ApplicationInput {
  scheme: string;
  beneficiaryId: number;
  facts?: Record<string, unknown> | undefined;
  applicantName?: string | undefined;
}

/**
 * Applications for schemes that are not proactive: a village worker (or another caseworker)
 * applies for a family; reviewers decide level by level (review() in @cradle/domain);
 * a rejection has a reason and can be appealed once. Everything is scoped and audited.
 */
export function createApplicationService(database: Database) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  const today = () => chinaDateOf(new Date());

  /** The application with its history and its eligibility now, as reviewers and the family see it. */
  async function view(
    tx: Parameters<typeof findApplication>[0],
    app: ApplicationRow,
    scheme: SchemeDefinition,
    overrides?: ParameterOverride[],
  ) {
    const facts = await beneficiaryFacts(tx, app.beneficiaryId);
    const period = periodOn(scheme.frequency, today());
    const e = facts
      ? checkEligibility(
          scheme,
          withApplicationFacts(facts, app.facts),
          period,
          overrides ?? (await publishedOverrides(tx, scheme.code)),
        )
      : null;
    return {
      ...app,
      decisions: await listDecisions(tx, app.id),
      eligibility: e && {
        schemeCode: e.schemeCode,
        period: e.period,
        eligible: e.eligible,
        amountFen: e.amount,
        trace: e.trace,
      },
    };
  }

  async function decide(a: Actor, id: number, action: ReviewAction, auditAction: string, opinion?: string) {
    return withScope(database, scope(a), async (tx) => {
      const app = await findApplication(tx, id, true);
      if (!app) throw BenefitsError('application.notFound');
      const scheme = getScheme(app.schemeCode);
      const level = reviewLevelOf(a.user.roles);
      const overrides = await publishedOverrides(tx, scheme.code);
      const noticeDays = resolveNoticeDays(scheme, overrides, app.regionCode, today());
      const outcome = review(scheme, app, action, level, today(), noticeDays);
      if (!outcome.ok)
        throw new AppError(outcome.code, outcome.code === 'review.reasonRequired' ? 400 : 409, outcome.message);
      // An appeal reviewed at the level that rejected (a county's own rejection) goes to another person.
      if (app.appealed && action.kind !== 'appeal') {
        const rejection = (await listDecisions(tx, id)).filter((d) => d.action === 'reject').at(-1);
        if (rejection && rejection.level === app.level && rejection.decidedBy === a.user.id)
          throw BenefitsError('application.sameReviewer');
      }
      await saveState(tx, id, outcome.state);
      // A rejection's reason or an approval's opinion (审核意见): the decision's free text.
      const reason =
        action.kind === 'reject' ? action.reason.trim() : action.kind === 'approve' ? opinion?.trim() || null : null;
      await insertDecision(tx, id, app.regionCode, {
        level: action.kind === 'appeal' ? outcome.state.level : app.level,
        action: action.kind,
        reason,
        decidedBy: a.user.id,
        decidedByName: a.user.displayName,
      });
      await appendAudit(
        tx,
        auditOf(a, auditAction, 'application', String(id), {
          scheme: app.schemeCode,
          from: app.status,
          to: outcome.state.status,
          level: app.level,
          ...(reason ? (action.kind === 'approve' ? { opinion: reason } : { reason }) : {}),
        }),
      );
      return view(tx, { ...app, ...outcome.state }, scheme, overrides);
    });
  }

  return {
    async submit(a: Actor, input: ApplicationInput) {
      const scheme = getScheme(input.scheme);
      if (scheme.proactive) throw BenefitsError('application.notNeeded');
      const facts = input.facts ?? {};
      const problems = checkApplicationFacts(scheme, facts);
      if (problems.length > 0) throw BenefitsError('application.invalid', problems);
      return withScope(database, scope(a), async (tx) => {
        const person = await beneficiaryFacts(tx, input.beneficiaryId);
        if (!person) throw commonError('notFound');
        if (!person.hukouRegionCode.startsWith(scheme.regionCode)) throw BenefitsError('application.outsideScheme');
        // Applied for where the hukou is: someone living here with hukou elsewhere applies there.
        if (!person.hukouRegionCode.startsWith(a.user.jurisdictionCode))
          throw BenefitsError('application.hukouElsewhere');
        const state = newApplicationState(scheme);
        // The refusal ends the transaction, so the failed insert needs no savepoint.
        const id = await insertApplication(
          tx,
          {
            schemeCode: scheme.code,
            beneficiaryId: input.beneficiaryId,
            regionCode: person.hukouRegionCode,
            facts,
            applicantName: input.applicantName?.trim() || null,
            channel: 'villageWorker',
            submittedBy: a.user.id,
          },
          state,
        ).catch((e: unknown) => {
          throw isUniqueViolation(e, 'applications_open_uq') ? BenefitsError('application.duplicate') : e;
        });
        await insertDecision(tx, id, person.hukouRegionCode, {
          level: state.level,
          action: 'submit',
          reason: null,
          decidedBy: a.user.id,
          decidedByName: a.user.displayName,
        });
        await appendAudit(
          tx,
          auditOf(a, 'benefits.applicationSubmit', 'application', String(id), {
            scheme: scheme.code,
            beneficiaryId: input.beneficiaryId,
          }),
        );
        return view(tx, (await findApplication(tx, id))!, scheme);
      });
    },

    approve: (a: Actor, id: number, opinion?: string) =>
      decide(a, id, { kind: 'approve' }, 'benefits.applicationApprove', opinion),
    reject: (a: Actor, id: number, reason: string) =>
      decide(a, id, { kind: 'reject', reason }, 'benefits.applicationReject'),
    appeal: (a: Actor, id: number) => decide(a, id, { kind: 'appeal' }, 'benefits.applicationAppeal'),
    closeNotice: (a: Actor, id: number) => decide(a, id, { kind: 'closeNotice' }, 'benefits.applicationNoticeClosed'),

    detail: (a: Actor, id: number) =>
      withScope(database, scope(a), async (tx) => {
        const app = await findApplication(tx, id);
        if (!app) throw BenefitsError('application.notFound');
        await appendAudit(
          tx,
          auditOf(a, 'benefits.applicationView', 'application', String(id), { scheme: app.schemeCode }),
        );
        return view(tx, app, getScheme(app.schemeCode));
      }),

    /**
     * What waits for the user's level in their jurisdiction (the last level also sees public
     * notices), or one person's applications, or the ones the user submitted (a village worker
     * following up for families; still within the jurisdiction).
     */
    queue: (a: Actor, q: { beneficiaryId?: number | undefined; mine?: boolean | undefined } = {}) =>
      withScope(database, scope(a), async (tx) => {
        if (q.beneficiaryId !== undefined) return listForBeneficiary(tx, q.beneficiaryId);
        if (q.mine) return listSubmittedBy(tx, a.user.id);
        const level = reviewLevelOf(a.user.roles);
        if (!level) return [];
        return listQueue(tx, level, level === 'county');
      }),
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
