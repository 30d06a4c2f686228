import { Type, type Static } from 'typebox';
import { DateString, Nullable, Message, Text } from './common.js';
import { LegalBasis, TraceStepView } from './benefits.js';

// Schemes paid to childcare institutions (issue 14): who is eligible today, with the trace, and
// what a payment cycle paid, with the trace kept as paid.

export const InstitutionAwardQuery = Type.Object({
  scheme: Text({ maxLength: 100 }),
  period: Text({ maxLength: 10, description: '2026 (yearly) or once' }),
});

export const InstitutionAwardScheme = Type.Object({
  code: Type.String(),
  name: Message,
  frequency: Type.String(),
  legalBasis: LegalBasis,
  interpretations: Type.Array(Message),
});

export const InstitutionAwardRow = Type.Object({
  institutionId: Type.Integer(),
  name: Type.String(),
  filingNo: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Type.String(),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
  eligible: Type.Boolean(),
  amountFen: Type.Integer(),
  trace: Type.Array(TraceStepView),
});

export const InstitutionAwardPreview = Type.Object({
  schemes: Type.Array(InstitutionAwardScheme),
  scheme: InstitutionAwardScheme,
  period: Type.String(),
  judgedOn: DateString,
  items: Type.Array(InstitutionAwardRow),
});
export type InstitutionAwardPreview = Static<typeof InstitutionAwardPreview>;

export const InstitutionPaymentRow = Type.Object({
  paymentId: Type.Integer(),
  institutionId: Type.Integer(),
  name: Type.String(),
  filingNo: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Type.String(),
  filingVersion: Nullable(Type.Integer()),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
  amountFen: Type.Integer(),
  status: Type.String(),
  judgedOn: DateString,
  trace: Type.Array(TraceStepView),
});

export const InstitutionPaymentList = Type.Object({
  batchId: Type.Integer(),
  schemeCode: Type.String(),
  periodKey: Type.String(),
  items: Type.Array(InstitutionPaymentRow),
});
export type InstitutionPaymentList = Static<typeof InstitutionPaymentList>;
