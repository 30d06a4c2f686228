import {
  BUILT_IN_SCHEMES,
  chinaDateOf,
  isFinanceOperator,
  checkEligibility,
  resolveParameter,
  parsePeriod,
  resolveNoticeDays,
  withApplicationFacts,
  withNoticeDays,
  type ParameterOverride,
  type SchemeDefinition,
  type Lang,
} from '@cradle/domain';
import { openApplicationFacts } from './applications-repo.js';
import { createApplicationService } from './applications-service.js';
import { exportApplications } from './applications-export.js';
import type { ApplicationListQuery } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { commonError } from '../errors.js';
import { findPayeeBatch } from './batch-review-repo.js';
import { findBatch, listBatches, openBatch } from './batches-repo.js';
import { insertJob, type JobRunner } from '../jobs/index.js';
import { PAYMENT_CYCLE_KIND, type PaymentCyclePayload } from './cycle.js';
import { BenefitsError } from './errors.js';
import { beneficiaryFacts } from './facts-repo.js';
import type { BatchView, SchemeSummary } from '@cradle/contract';
import { batchViews, noticeDayKindOf } from './batch-view.js';
import { findVersion, publishedOverrides, listVersions } from './versions-repo.js';
import { budgetOf } from './budget.js';
import { setTakeUpRate } from './take-up.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

/** Whether a scheme can apply in a jurisdiction: one region contains the other ('' is national). */
const appliesIn = (s: SchemeDefinition, jurisdiction: string) =>
  jurisdiction.startsWith(s.regionCode) || s.regionCode.startsWith(jurisdiction);

function summaryOf(s: SchemeDefinition): SchemeSummary {
  const readings = [
    ...s.interpretations,
    ...s.conditions.flatMap((c) => (c.interpretation ? [c.interpretation] : [])),
    ...(s.amount.interpretation ? [s.amount.interpretation] : []),
  ];
  return {
    code: s.code,
    name: s.name,
    kind: s.kind,
    regionCode: s.regionCode,
    frequency: s.frequency,
    beneficiary: s.beneficiary,
    proactive: s.proactive,
    legalBasis: s.legalBasis,
    interpretations: readings,
  };
}

/** Checks a person against a scheme for a period in the caller's transaction; audited. */
async function eligibilityIn(tx: Conn, a: Actor, q: { personId: number; scheme: string; period: string }) {
  const scheme = getScheme(q.scheme);
  // The register's special-family status in force at the period's start (issue 16).
  const registry = await beneficiaryFacts(tx, q.personId, parsePeriod(scheme.frequency, q.period)?.start ?? null);
  if (!registry) throw commonError('notFound');
  // What an open application states (declarations, special-family status) counts too.
  const facts = withApplicationFacts(registry, await openApplicationFacts(tx, scheme.code, q.personId));
  let e;
  try {
    e = checkEligibility(scheme, facts, q.period, await publishedOverrides(tx, scheme.code));
  } catch (err) {
    if (err instanceof RangeError) throw BenefitsError('period.invalid', { period: q.period });
    throw err;
  }
  await appendAudit(
    tx,
    auditOf(a, 'benefits.eligibilityCheck', 'person', String(q.personId), {
      scheme: scheme.code,
      period: q.period,
      eligible: e.eligible,
    }),
  );
  return {
    schemeCode: e.schemeCode,
    period: e.period,
    eligible: e.eligible,
    amountFen: e.amount,
    trace: e.trace,
  };
}

export function createBenefitsService(
  database: Database,
  jobs?: Pick<JobRunner, 'kick'>,
  /** The clock (tests stand on any day). */
  now: () => Date = () => new Date(),
) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  const applications = createApplicationService(database);

  return {
    applications,
    /** The applications list as XLSX, with the list's filter (audited). */
    exportApplications: (a: Actor, q: ApplicationListQuery, lang: Lang) =>
      exportApplications(database, applications, a, q, lang),

    listSchemes: (a: Actor) => BUILT_IN_SCHEMES.filter((s) => appliesIn(s, a.user.jurisdictionCode)).map(summaryOf),

    async schemeDetail(a: Actor, code: string) {
      const scheme = getScheme(code);
      const today = chinaDateOf(now());
      return withScope(database, scope(a), async (tx) => {
        const overrides = await publishedOverrides(tx, scheme.code);
        // With the public-notice days, which a version sets like any parameter.
        const all = withNoticeDays(scheme);
        const parameters = Object.entries(all.parameters).map(([name, def]) => {
          const r = resolveParameter(all, name, overrides, a.user.jurisdictionCode, today);
          return {
            name,
            label: def.label,
            unit: def.unit,
            setBy: def.setBy ?? null,
            current: r && {
              value: r.value,
              from: r.from,
              jurisdictionCode: r.jurisdictionCode,
              version: r.version,
              basis: r.basis,
            },
          };
        });
        const publicNoticeDays = resolveNoticeDays(scheme, overrides, a.user.jurisdictionCode, today);
        return {
          ...summaryOf(scheme),
          parameters,
          reviewLevels: [...scheme.reviewLevels],
          publicNoticeDays,
          versions: await listVersions(tx, scheme.code),
        };
      });
    },

    /** A person's eligibility with its trace; reading the person's data this way is audited. */
    eligibility(a: Actor, q: { personId: number; scheme: string; period: string }) {
      return withScope(database, scope(a), (tx) => eligibilityIn(tx, a, q));
    },

    /**
     * A roster row's eligibility, for those who check the batch (finance among them, who may not
     * open the registry otherwise): only for a payee of this batch, in its scheme and period.
     */
    batchRowEligibility(a: Actor, batchId: number, personId: number) {
      return withScope(database, scope(a), async (tx) => {
        const b = await findPayeeBatch(tx, batchId, personId);
        if (!b) throw commonError('notFound');
        return eligibilityIn(tx, a, { personId, scheme: b.schemeCode, period: b.periodKey });
      });
    },

    /**
     * Opens the period's batch and queues the cycle for the job runner (jobs/kinds/payment-cycle.ts);
     * answers with the batch, or with the complete one unchanged. Only a county administrator or a
     * finance operator may.
     */
    async startCycle(
      a: Actor,
      body: { scheme: string; period: string; supplement?: boolean | undefined },
    ): Promise<BatchView> {
      const u = a.user;
      if (!u.roles.includes('countyAdmin') && !isFinanceOperator(u.roles, u.department))
        throw BenefitsError('cycle.financeOnly');
      const scheme = getScheme(body.scheme);
      // Nothing is paid ahead: a later death or move would leave an overpayment to recover.
      const period = parsePeriod(scheme.frequency, body.period);
      if (period && period.start > chinaDateOf(now())) throw BenefitsError('period.future');
      const actor = { userId: u.id, username: u.username, jurisdictionCode: u.jurisdictionCode, clientIp: a.clientIp };
      const batch = await withScope(database, scope(a), async (tx) => {
        const opened = await openBatch(
          tx,
          scheme.code,
          body.period,
          u.jurisdictionCode,
          u.id,
          body.supplement === true,
        );
        // A running batch already queued (a second click, a cycle retrying) keeps its one job.
        if (opened.status === 'running') {
          const payload: PaymentCyclePayload = {
            scheme: scheme.code,
            periodKey: body.period,
            jurisdictionCode: u.jurisdictionCode,
            actor,
            batchId: opened.id,
          };
          await insertJob(tx, {
            kind: PAYMENT_CYCLE_KIND,
            key: String(opened.id),
            jurisdictionCode: u.jurisdictionCode,
            payload,
          });
        }
        return opened;
      });
      jobs?.kick(PAYMENT_CYCLE_KIND);
      return (await batchViews(database, [batch]))[0]!;
    },

    setTakeUpRate: (a: Actor, code: string, body: { basisPoints: number; basis: string }) =>
      setTakeUpRate(database, a, code, body),

    /** Paid, committed, the backlog and the next 12 months; with a draft version, as if it were published. */
    budget: (a: Actor, code: string, draftVersionId?: number) =>
      withScope(database, scope(a), async (tx) => {
        const scheme = getScheme(code);
        let draft = null;
        if (draftVersionId !== undefined) {
          const v = await findVersion(tx, scheme.code, draftVersionId);
          if (!v || v.status === 'published') throw BenefitsError('version.notFound');
          draft = {
            jurisdictionCode: v.jurisdictionCode,
            version: v.version,
            effectiveFrom: v.effectiveFrom,
            values: v.values as ParameterOverride['values'],
            basis: v.legalBasis,
          };
        }
        return budgetOf(tx, scheme, a.user.jurisdictionCode, draft);
      }),

    batches: async (a: Actor) =>
      batchViews(database, await withScope(database, scope(a), (tx) => listBatches(tx, 100))),

    batch: async (a: Actor, id: number): Promise<BatchView> => {
      const { b, paymentStatuses, days } = await withScope(database, scope(a), async (tx) => {
        const b = await findBatch(tx, id);
        if (!b) throw commonError('notFound');
        const counts = await tx.query<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM payments WHERE batch_id = $1 GROUP BY status',
          [id],
        );
        const paymentStatuses = { pending: 0, exported: 0, paid: 0, failed: 0, returned: 0, removed: 0, cancelled: 0 };
        for (const c of counts) paymentStatuses[c.status as keyof typeof paymentStatuses] = c.n;
        const scheme = getScheme(b.schemeCode);
        const overrides = await publishedOverrides(tx, scheme.code);
        const days = resolveNoticeDays(scheme, overrides, b.jurisdictionCode, chinaDateOf(now()));
        return { b, paymentStatuses, days };
      });
      const [view] = await batchViews(database, [b]);
      return { ...view!, paymentStatuses, notice: { days, dayKind: noticeDayKindOf(b.schemeCode) } };
    },
  };
}

export type BenefitsService = ReturnType<typeof createBenefitsService>;
