import { Type, type Static } from 'typebox';
import type { ParameterUnit as DomainParameterUnit } from '@cradle/domain';
import { DateString, DateTimeString, Nullable, Message, Id, Int, Text, TextRecord } from './common.js';

/** Document and clause a rule or figure comes from (政策依据). */
export const LegalBasis = Type.Object({
  document: Type.String(),
  clause: Type.String(),
  seed: Type.Optional(Type.String()),
});
// Typed for the console, not validated by the schema: the domain checks values with its own messages.
export const ParameterValue = Type.Unsafe<number | string | readonly number[] | Readonly<Record<string, number>>>(
  Type.Unknown({ description: 'Amounts in integer fen; dates YYYY-MM-DD; parities a list; amounts by key an object' }),
);
/** The unit of a scheme parameter, as the domain defines it (typed; the schema says string). */
export const ParameterUnit = Type.Unsafe<DomainParameterUnit>(Type.String());
export const Frequency = Type.Union([Type.Literal('once'), Type.Literal('monthly'), Type.Literal('yearly')]);
export const ReviewLevel = Type.Union([Type.Literal('village'), Type.Literal('township'), Type.Literal('county')]);
export const VersionStatus = Type.Union([Type.Literal('draft'), Type.Literal('inReview'), Type.Literal('published')]);
export const ApplicationStatus = Type.Union([
  Type.Literal('inReview'),
  Type.Literal('publicNotice'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);
export const ReviewAction = Type.Union([
  Type.Literal('submit'),
  Type.Literal('approve'),
  Type.Literal('reject'),
  Type.Literal('appeal'),
  Type.Literal('closeNotice'),
]);
export const PaymentStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('exported'),
  Type.Literal('paid'),
  Type.Literal('failed'),
  Type.Literal('returned'),
  // Left the batch before export: an upheld objection, or the batch cancelled.
  Type.Literal('removed'),
  Type.Literal('cancelled'),
]);

export const SchemeCodeParam = Type.Object({ code: Text({ maxLength: 100 }) });
export const VersionParam = Type.Object({ code: Text({ maxLength: 100 }), id: Id() });

/** A parameter in force today for the user's jurisdiction; jurisdictionCode '' is the scheme's own value. */
export const ParameterInForce = Type.Object({
  value: ParameterValue,
  from: Type.String(),
  jurisdictionCode: Type.String(),
  version: Nullable(Type.Integer()),
  basis: LegalBasis,
});

export const ParameterView = Type.Object({
  name: Type.String(),
  label: Message,
  unit: ParameterUnit,
  setBy: Nullable(Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])),
  /** In force today for the user's jurisdiction, and where it comes from. */
  current: Nullable(ParameterInForce),
});

export const SchemeSummary = Type.Object({
  code: Type.String(),
  name: Message,
  kind: Type.String(),
  regionCode: Type.String({ description: "'' national; else the hukou region the scheme covers" }),
  frequency: Frequency,
  beneficiary: Type.Union([Type.Literal('child'), Type.Literal('parent'), Type.Literal('institution')]),
  proactive: Type.Boolean(),
  legalBasis: LegalBasis,
  /** Readings of unclear texts, the scheme's and its rules' (shown marked in the console). */
  interpretations: Type.Array(Message),
});
export type SchemeSummary = Static<typeof SchemeSummary>;

export const VersionView = Type.Object({
  id: Type.Integer(),
  jurisdictionCode: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Type.String({ format: 'date' }),
  values: Type.Record(Type.String(), ParameterValue),
  legalBasis: LegalBasis,
  status: VersionStatus,
  createdBy: Nullable(Type.Integer()),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type VersionView = Static<typeof VersionView>;

export const SchemeDetail = Type.Intersect([
  SchemeSummary,
  Type.Object({
    parameters: Type.Array(ParameterView),
    reviewLevels: Type.Array(ReviewLevel),
    publicNoticeDays: Type.Integer(),
    versions: Type.Array(VersionView),
  }),
]);

export const VersionDraftBody = Type.Object({
  jurisdictionCode: Type.Optional(
    Text({
      maxLength: 12,
      description: "Defaults to your jurisdiction's county (or the code itself above county)",
    }),
  ),
  effectiveFrom: Text({ maxLength: 10 }),
  values: TextRecord({ maxLength: 50 }, ParameterValue, { maxProperties: 20 }),
  legalBasis: Type.Object({ document: Text({ maxLength: 300 }), clause: Text({ maxLength: 200 }) }),
});

export const EligibilityQuery = Type.Object({
  personId: Id(),
  scheme: Text({ maxLength: 100 }),
  period: Text({ maxLength: 10, description: '2026 (yearly), 2026-03 (monthly) or once' }),
});

export const TraceStepView = Type.Object({
  check: Type.String(),
  rule: Message,
  saw: Message,
  pass: Type.Boolean(),
  basis: LegalBasis,
  interpretation: Type.Optional(Message),
});

export const EligibilityView = Type.Object({
  schemeCode: Type.String(),
  period: Type.String(),
  eligible: Type.Boolean(),
  amountFen: Type.Integer(),
  trace: Type.Array(TraceStepView),
});

export const BatchStage = Type.Union([
  Type.Literal('draft'),
  Type.Literal('noticed'),
  Type.Literal('approved'),
  Type.Literal('exported'),
  Type.Literal('cancelled'),
]);
export type BatchStage = Static<typeof BatchStage>;

export const CycleBody = Type.Object({
  scheme: Text({ maxLength: 100 }),
  period: Text({ maxLength: 10 }),
  supplement: Type.Optional(
    Type.Boolean({
      description: 'After the period’s batch completed: a new round paying whoever became eligible since',
    }),
  ),
});
export const BatchView = Type.Object({
  id: Type.Integer(),
  schemeCode: Type.String(),
  periodKey: Type.String(),
  jurisdictionCode: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('complete')]),
  chunksDone: Type.Integer(),
  chunksTotal: Type.Integer(),
  paymentCount: Type.Integer(),
  totalFen: Type.Integer(),
  round: Type.Integer({ description: '1 for the period’s cycle; 2, 3, … for supplementary runs' }),
  /** Four eyes: draft → noticed (公示) → approved → exported, or cancelled; only approved batches export. */
  stage: BatchStage,
  /** Who ran the cycle (null: the command line); never its approver. */
  createdBy: Nullable(Type.Integer()),
  createdByName: Nullable(Type.String()),
  noticeFrom: Nullable(DateString),
  noticeUntil: Nullable(DateString),
  /** The first day a noticed batch may be approved. */
  approvableFrom: Nullable(DateString),
  noticedByName: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(DateTimeString),
  cancelledByName: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  /** A single batch's: the public notice its scheme needs here (0: none), and how its days count; not in lists. */
  notice: Type.Optional(
    Type.Object({ days: Type.Integer(), dayKind: Type.Union([Type.Literal('calendar'), Type.Literal('working')]) }),
  ),
  /** A single batch's payments by status (pending → exported → paid, failed or returned); not in lists. */
  paymentStatuses: Type.Optional(
    Type.Object({
      pending: Type.Integer(),
      exported: Type.Integer(),
      paid: Type.Integer(),
      failed: Type.Integer(),
      returned: Type.Integer(),
      removed: Type.Integer(),
      cancelled: Type.Integer(),
    }),
  ),
});

export const ApplicationBody = Type.Object({
  scheme: Text({ maxLength: 100 }),
  beneficiaryId: Id(),
  facts: Type.Optional(
    TextRecord({ maxLength: 50 }, Type.Unknown(), {
      maxProperties: 10,
      description:
        'Declarations by commitment, e.g. {"accidentInsurancePurchased": true}; {"specialFamilyStatus": "bereaved"}',
    }),
  ),
  applicantName: Type.Optional(Text({ maxLength: 50 })),
});
export const ApplicationListQuery = Type.Object({
  beneficiaryId: Type.Optional(Id({ description: 'A person’s applications, any status, instead of your queue' })),
  mine: Type.Optional(
    Type.Boolean({ description: 'The applications you submitted, any status, newest first, instead of your queue' }),
  ),
});
export const RejectBody = Type.Object({ reason: Text({ maxLength: 500 }) });
/**
 * An approval's optional opinion (审核意见), stored with the decision as a rejection's reason is.
 * The body itself is optional: Fastify validates a missing body as null.
 */
export const ApproveBody = Type.Union([Type.Object({ opinion: Type.Optional(Text({ maxLength: 500 })) }), Type.Null()]);

export const ApplicationSummary = Type.Object({
  id: Type.Integer(),
  schemeCode: Type.String(),
  beneficiaryId: Type.Integer(),
  beneficiaryName: Type.String(),
  beneficiaryIdMasked: Type.String(),
  regionCode: Type.String(),
  facts: Type.Record(Type.String(), Type.Unknown()),
  applicantName: Nullable(Type.String()),
  channel: Type.String(),
  status: ApplicationStatus,
  level: ReviewLevel,
  noticeUntil: Nullable(Type.String({ format: 'date' })),
  rejectionReason: Nullable(Type.String()),
  appealed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export const ReviewDecision = Type.Object({
  level: ReviewLevel,
  action: ReviewAction,
  reason: Nullable(Type.String()),
  decidedBy: Nullable(Type.Integer()),
  decidedByName: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
});
export const ApplicationDetail = Type.Intersect([
  ApplicationSummary,
  Type.Object({
    decisions: Type.Array(ReviewDecision),
    eligibility: Nullable(EligibilityView),
  }),
]);

export const BudgetQuery = Type.Object({
  draftVersionId: Type.Optional(Id({ description: 'Forecast as if this draft were published' })),
});
/** Persons (payments, one per person and period) and their amount in fen. */
export const BudgetFigure = Type.Object({ count: Type.Integer(), amountFen: Type.Integer() });
export const BudgetPeriod = Type.Object({
  period: Type.String(),
  /** Begun on or before today: part of the backlog. */
  due: Type.Boolean(),
  /** Eligible by the registry and not yet paid, applied or not; null where the rules need what only an application states. */
  registry: Nullable(BudgetFigure),
  /** Of those, holding an approved application; null for a scheme paid without application. */
  approved: Nullable(BudgetFigure),
  /** What the budget expects to pay: approved in full, the rest at the county's take-up rate. */
  expectedFen: Type.Integer(),
});
export const BudgetSection = Type.Object({
  periods: Type.Array(BudgetPeriod),
  registry: Nullable(BudgetFigure),
  approved: Nullable(BudgetFigure),
  expectedFen: Type.Integer(),
});
/** A county's expected take-up rate of a scheme paid on application, in basis points (10000 = 100%). */
export const TakeUpRate = Type.Object({
  jurisdictionCode: Type.String(),
  basisPoints: Type.Integer({ minimum: 0, maximum: 10000 }),
  /** No rate set: 100%, the whole amount the registry says is owed. */
  isDefault: Type.Boolean(),
  basis: Nullable(Type.String()),
  setByName: Nullable(Type.String()),
  setAt: Nullable(Type.String({ format: 'date-time' })),
});
export const TakeUpRateBody = Type.Object({
  basisPoints: Int(0, 10000, { description: 'Expected take-up, 10000 = 100%' }),
  basis: Text({ minLength: 1, maxLength: 200, description: 'Where the figure comes from' }),
});
export const BudgetView = Type.Object({
  schemeCode: Type.String(),
  jurisdictionCode: Type.String(),
  /** The day (China time) the registry was read for. */
  asOf: Type.String({ format: 'date' }),
  paidOnApplication: Type.Boolean(),
  /** False where the rules need what only an application states: only approved applications count. */
  registryEstimate: Type.Boolean(),
  /** Per county of the jurisdiction; empty for a scheme paid without application. */
  takeUpRates: Type.Array(TakeUpRate),
  paidFen: Type.Integer(),
  paidCount: Type.Integer(),
  committedFen: Type.Integer(),
  committedCount: Type.Integer(),
  backlog: BudgetSection,
  next12Months: BudgetSection,
  assumingVersion: Nullable(Type.Integer()),
});

export type SchemeCodeParam = Static<typeof SchemeCodeParam>;
export type VersionParam = Static<typeof VersionParam>;
export type ParameterView = Static<typeof ParameterView>;
export type SchemeDetail = Static<typeof SchemeDetail>;
export type VersionDraftBody = Static<typeof VersionDraftBody>;
export type EligibilityQuery = Static<typeof EligibilityQuery>;
export type TraceStepView = Static<typeof TraceStepView>;
export type EligibilityView = Static<typeof EligibilityView>;
export type CycleBody = Static<typeof CycleBody>;
export type BatchView = Static<typeof BatchView>;
export type ApplicationBody = Static<typeof ApplicationBody>;
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;
export type ApproveBody = Static<typeof ApproveBody>;
export type RejectBody = Static<typeof RejectBody>;
export type ApplicationSummary = Static<typeof ApplicationSummary>;
export type ApplicationDetail = Static<typeof ApplicationDetail>;
export type BudgetQuery = Static<typeof BudgetQuery>;
export type BudgetView = Static<typeof BudgetView>;
export type BudgetFigure = Static<typeof BudgetFigure>;
export type BudgetPeriod = Static<typeof BudgetPeriod>;
export type BudgetSection = Static<typeof BudgetSection>;
export type TakeUpRate = Static<typeof TakeUpRate>;
export type TakeUpRateBody = Static<typeof TakeUpRateBody>;
export type LegalBasis = Static<typeof LegalBasis>;
export type ParameterValue = Static<typeof ParameterValue>;
export type ParameterUnit = Static<typeof ParameterUnit>;
export type Frequency = Static<typeof Frequency>;
export type ReviewLevel = Static<typeof ReviewLevel>;
export type VersionStatus = Static<typeof VersionStatus>;
export type ApplicationStatus = Static<typeof ApplicationStatus>;
export type ReviewAction = Static<typeof ReviewAction>;
export type PaymentStatus = Static<typeof PaymentStatus>;
export type ParameterInForce = Static<typeof ParameterInForce>;
export type ReviewDecision = Static<typeof ReviewDecision>;
