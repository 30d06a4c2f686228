import { Type, type Static } from 'typebox';
import { DateTimeString, Int, Message, Nullable, Text } from './common.js';
import { route } from './route.js';

// 生育友好自评 (issue 15; 003 三(一)–(七); REQUIREMENTS B8, C5). The catalogue of items and the
// rules behind the fields are in @cradle/domain self-evaluation/.

export const LiveValueView = Type.Union([
  Type.Object({
    kind: Type.Literal('value'),
    value: Type.Number(),
    numerator: Type.Optional(Type.Number()),
    denominator: Type.Optional(Type.Number()),
  }),
  Type.Object({ kind: Type.Literal('noData') }),
  Type.Object({ kind: Type.Literal('noSource') }),
]);
export type LiveValueView = Static<typeof LiveValueView>;

export const EvaluationEvidenceView = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedByName: Type.String(),
  createdAt: DateTimeString,
});
export type EvaluationEvidenceView = Static<typeof EvaluationEvidenceView>;

export const EvaluationItemView = Type.Object({
  code: Type.String(),
  dimension: Type.Integer(),
  clause: Type.String(),
  text: Type.String(),
  metric: Nullable(Type.String()),
  /** The seed's threshold as a fraction, when it gives one (三(二): 95/95/90). */
  threshold: Nullable(Type.Number()),
  relative: Type.Boolean(),
  survey: Type.Boolean(),
  live: Nullable(LiveValueView),
  check: Type.Union([Type.Literal('met'), Type.Literal('notMet'), Type.Literal('unjudged')]),
  unitKey: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  ranking: Nullable(Type.String()),
  surveyRespondents: Nullable(Type.Integer()),
  surveyPositive: Nullable(Type.Integer()),
  surveyRate: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  evidence: Type.Array(EvaluationEvidenceView),
  maxPoints: Nullable(Type.Integer()),
  awardedPoints: Nullable(Type.Integer()),
  rectificationTaskId: Nullable(Type.Integer()),
});
export type EvaluationItemView = Static<typeof EvaluationItemView>;

export const SelfEvaluationView = Type.Object({
  id: Nullable(Type.Integer()),
  year: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  dimensions: Type.Array(
    Type.Object({
      number: Type.Integer(),
      clause: Type.String(),
      title: Message,
      items: Type.Array(EvaluationItemView),
    }),
  ),
  /** Items with no evidence yet (codes), for the gap list. */
  withoutEvidence: Type.Array(Type.String()),
  /** Null until the jurisdiction has loaded scoring rules: nothing pretends to a score. */
  score: Nullable(Type.Object({ awarded: Type.Integer(), available: Type.Integer(), unscored: Type.Integer() })),
  scoringReading: Message,
  relativeReading: Message,
  /** Units an item may be assigned to (the unit directory, once linked). */
  units: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});
export type SelfEvaluationView = Static<typeof SelfEvaluationView>;

export const SelfEvaluationQuery = Type.Object({ year: Type.Optional(Int(2000, 2100)) });
export const OpenSelfEvaluationBody = Type.Object({ year: Int(2000, 2100) });
export const EvaluationItemParams = Type.Object({
  id: Int(1, Number.MAX_SAFE_INTEGER),
  code: Type.String({ pattern: '^[1-7]\\.[0-9]{1,2}$', maxLength: 5 }),
});
export const EvaluationEvidenceParams = Type.Object({
  id: Int(1, Number.MAX_SAFE_INTEGER),
  evidenceId: Int(1, Number.MAX_SAFE_INTEGER),
});
export const EvaluationItemBody = Type.Object({
  unitKey: Type.Optional(Nullable(Text({ maxLength: 64 }))),
  ranking: Type.Optional(Nullable(Text({ maxLength: 100 }))),
  surveyRespondents: Type.Optional(Nullable(Int(1, 10_000_000))),
  surveyPositive: Type.Optional(Nullable(Int(0, 10_000_000))),
  note: Type.Optional(Nullable(Text({ maxLength: 1000 }))),
  awardedPoints: Type.Optional(Nullable(Int(0, 1000))),
});
export type EvaluationItemBody = Static<typeof EvaluationItemBody>;
export const ScoringRulesBody = Type.Object({
  source: Text({ maxLength: 200, minLength: 1 }),
  rules: Type.Array(
    Type.Object({ itemCode: Type.String({ pattern: '^[1-7]\\.[0-9]{1,2}$', maxLength: 5 }), maxPoints: Int(1, 1000) }),
    { maxItems: 100 },
  ),
});
export type ScoringRulesBody = Static<typeof ScoringRulesBody>;
export const RectificationAnswer = Type.Object({ created: Type.Integer(), taskIds: Type.Array(Type.Integer()) });

export const selfEvaluationRoutes = {
  selfEvaluation: route({
    method: 'GET',
    path: '/api/self-evaluations',
    query: SelfEvaluationQuery,
    response: SelfEvaluationView,
  }),
  openSelfEvaluation: route({
    method: 'POST',
    path: '/api/self-evaluations',
    body: OpenSelfEvaluationBody,
    response: SelfEvaluationView,
  }),
  updateEvaluationItem: route({
    method: 'PUT',
    path: '/api/self-evaluations/:id/items/:code',
    params: EvaluationItemParams,
    body: EvaluationItemBody,
    response: SelfEvaluationView,
  }),
  loadScoringRules: route({
    method: 'PUT',
    path: '/api/self-evaluation-scoring',
    body: ScoringRulesBody,
    response: Type.Object({ loaded: Type.Integer() }),
  }),
};
