import { Type, type Static } from 'typebox';
import { DateString, DateTimeString, Id, Int, Nullable, PageNumber, Text } from './common.js';

// Life events (生命事件) and service accounts (服务账号), issue 13. The rules behind the fields
// are in @cradle/domain life-events.ts and apps/server/src/events/README.md.

export const LifeEventKind = Type.Union([
  Type.Literal('death'),
  Type.Literal('moveIn'),
  Type.Literal('moveOut'),
  Type.Literal('marriage'),
]);
export type LifeEventKind = Static<typeof LifeEventKind>;

export const DeathPlace = Type.Union([
  Type.Literal('hospital'),
  Type.Literal('home'),
  Type.Literal('onTheWay'),
  Type.Literal('other'),
]);
export const CauseCategory = Type.Union([
  Type.Literal('infectious'),
  Type.Literal('neoplasm'),
  Type.Literal('circulatory'),
  Type.Literal('respiratory'),
  Type.Literal('obstetric'),
  Type.Literal('perinatal'),
  Type.Literal('congenital'),
  Type.Literal('injury'),
  Type.Literal('otherDisease'),
  Type.Literal('unknown'),
]);
export const LifeEventChannel = Type.Union([Type.Literal('form'), Type.Literal('import'), Type.Literal('api')]);
export type LifeEventChannel = Static<typeof LifeEventChannel>;

const RegionCodeText = Text({ maxLength: 12, description: 'GB/T 2260 code: 6, 9 or 12 digits' });

/** One event as a form, a file row or a department's system sends it. */
export const LifeEventInput = Type.Object({
  kind: LifeEventKind,
  idNumber: Text({ minLength: 1, maxLength: 30, description: "The person's citizen ID number" }),
  eventDate: DateString,
  deathPlace: Type.Optional(Nullable(DeathPlace)),
  causeCategory: Type.Optional(Nullable(CauseCategory)),
  maternal: Type.Optional(
    Nullable(Type.Boolean({ description: 'Death during pregnancy or within 42 days of its end (WHO ICD-10)' })),
  ),
  otherRegionCode: Type.Optional(Nullable(RegionCodeText)),
  otherRegionName: Type.Optional(Nullable(Text({ maxLength: 100 }))),
  newResidenceCode: Type.Optional(Nullable(RegionCodeText)),
  spouseIdNumber: Type.Optional(Nullable(Text({ maxLength: 30 }))),
  reference: Text({
    minLength: 1,
    maxLength: 100,
    description: "The sender's own reference: the same reference twice records the event once",
  }),
});
export type LifeEventInput = Static<typeof LifeEventInput>;

export const LifeEventView = Type.Object({
  id: Type.Integer(),
  kind: LifeEventKind,
  personId: Type.Integer(),
  name: Type.String(),
  idMasked: Type.String(),
  eventDate: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  deathPlace: Nullable(Type.String()),
  causeCategory: Nullable(Type.String()),
  maternal: Nullable(Type.Boolean()),
  otherRegionCode: Nullable(Type.String()),
  otherRegionName: Nullable(Type.String()),
  spouseIdMasked: Nullable(Type.String()),
  channel: LifeEventChannel,
  sender: Type.String(),
  reference: Type.String(),
  recordedByName: Type.String(),
  recordedAt: DateTimeString,
});
export type LifeEventView = Static<typeof LifeEventView>;

export const LifeEventRecorded = Type.Object({
  event: LifeEventView,
  duplicate: Type.Boolean({ description: 'True when the reference was already recorded: the first event is returned' }),
});
export type LifeEventRecorded = Static<typeof LifeEventRecorded>;

export const LifeEventQuery = Type.Object({
  kind: Type.Optional(LifeEventKind),
  channel: Type.Optional(LifeEventChannel),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  maternal: Type.Optional(Type.Boolean()),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 20 }),
});
export type LifeEventQuery = Static<typeof LifeEventQuery>;
export const LifeEventExportQuery = Type.Omit(LifeEventQuery, ['page', 'pageSize']);
export type LifeEventExportQuery = Static<typeof LifeEventExportQuery>;

export const LifeEventPage = Type.Object({
  items: Type.Array(LifeEventView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type LifeEventPage = Static<typeof LifeEventPage>;

/** A department system's batch: at most 500 events, each answered on its own. */
export const LifeEventBatch = Type.Object({
  events: Type.Array(LifeEventInput, { minItems: 1, maxItems: 500 }),
});
export const LifeEventItemResult = Type.Object({
  index: Type.Integer(),
  status: Type.Union([Type.Literal('recorded'), Type.Literal('duplicate'), Type.Literal('refused')]),
  eventId: Nullable(Type.Integer()),
  code: Nullable(Type.String()),
  message: Nullable(Type.String()),
});
export const LifeEventBatchResult = Type.Object({ results: Type.Array(LifeEventItemResult) });
export type LifeEventBatchResult = Static<typeof LifeEventBatchResult>;

// Service accounts.

export const ServiceAccountBody = Type.Object({
  name: Text({ minLength: 1, maxLength: 100 }),
  department: Type.Union([Type.Literal('hospital'), Type.Literal('publicSecurity')]),
  jurisdictionCode: Text({ minLength: 2, maxLength: 12, description: 'Within your own jurisdiction' }),
  eventKinds: Type.Array(LifeEventKind, { minItems: 1, maxItems: 4, uniqueItems: true }),
});
export type ServiceAccountBody = Static<typeof ServiceAccountBody>;

export const ServiceAccountView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  department: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  eventKinds: Type.Array(LifeEventKind),
  tokenPrefix: Type.String(),
  createdByName: Type.String(),
  createdAt: DateTimeString,
  rotatedAt: Nullable(DateTimeString),
  revokedAt: Nullable(DateTimeString),
  lastUsedAt: Nullable(DateTimeString),
});
export type ServiceAccountView = Static<typeof ServiceAccountView>;

export const ServiceAccountList = Type.Object({ items: Type.Array(ServiceAccountView) });
export type ServiceAccountList = Static<typeof ServiceAccountList>;

export const ServiceAccountToken = Type.Object({
  account: ServiceAccountView,
  token: Type.String({ description: 'Shown once: only its SHA-256 is kept' }),
});
export type ServiceAccountToken = Static<typeof ServiceAccountToken>;

export const ServiceAccountParam = Type.Object({ id: Id() });
