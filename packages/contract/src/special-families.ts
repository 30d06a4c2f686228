import { Type, type Static } from 'typebox';
import { DateString, DateTimeString, Id, IdParam, Int, Nullable, PageNumber, Text, XlsxFile } from './common.js';
import { route } from './route.js';

// 计划生育特殊家庭 (issue 16): the register, its contacts, visits and services, and the family-size
// check for other departments. The rules behind the fields are in @cradle/domain special-families/.

export const SpecialFamilyKind = Type.Union([Type.Literal('bereaved'), Type.Literal('disabledChild')]);
export const SpecialFamilyFileStatus = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('confirmed'),
  Type.Literal('rejected'),
  Type.Literal('ended'),
]);
export type SpecialFamilyFileStatus = Static<typeof SpecialFamilyFileStatus>;
export const ContactRole = Type.Union([Type.Literal('worker'), Type.Literal('doctor'), Type.Literal('other')]);
export const SpecialFamilyNeed = Type.Union([
  Type.Literal('elderly'),
  Type.Literal('seriouslyIll'),
  Type.Literal('severelyDisabled'),
  Type.Literal('disabled'),
  Type.Literal('dementia'),
  Type.Literal('livingAlone'),
  Type.Literal('housingHardship'),
  Type.Literal('subsistence'),
  Type.Literal('nearSubsistence'),
]);
export const VisitKind = Type.Union([
  Type.Literal('condolence'),
  Type.Literal('patrol'),
  Type.Literal('festival'),
  Type.Literal('emotionalSupport'),
  Type.Literal('counselling'),
  Type.Literal('healthService'),
]);
export const SpecialFamilyServiceKind = Type.Union([
  Type.Literal('familyDoctorContract'),
  Type.Literal('greenChannel'),
  Type.Literal('warmHomeActivity'),
  Type.Literal('careHomePlacement'),
  Type.Literal('publicHousing'),
  Type.Literal('dependantPlacement'),
]);

export const ContactInput = Type.Object({
  role: ContactRole,
  name: Text({ minLength: 1, maxLength: 50 }),
  organisation: Type.Optional(Nullable(Text({ maxLength: 100 }))),
  phone: Type.Optional(Nullable(Text({ maxLength: 20, description: 'Mobile or landline; stored encrypted' }))),
  username: Type.Optional(
    Nullable(Text({ maxLength: 50, description: "The contact's Cradle account (a township or village worker)" })),
  ),
});
export type ContactInput = Static<typeof ContactInput>;

/** A township worker's proposal: the child by ID number; the couple are the child's parents in the registry. */
export const SpecialFamilyProposal = Type.Object({
  childIdNumber: Text({ minLength: 1, maxLength: 30, description: "The only child's citizen ID number" }),
  kind: SpecialFamilyKind,
  eventDate: DateString,
  disabilityGrade: Type.Optional(Nullable(Int(1, 4, { description: '残疾等级 1 (一级) … 4 (四级)' }))),
  needs: Type.Optional(Type.Array(SpecialFamilyNeed, { maxItems: 9 })),
  contacts: Type.Array(ContactInput, { maxItems: 10 }),
});
export type SpecialFamilyProposal = Static<typeof SpecialFamilyProposal>;

export const DecisionBody = Type.Object({ note: Type.Optional(Nullable(Text({ maxLength: 500 }))) });
export type DecisionBody = Static<typeof DecisionBody>;

/** Needs changed after the proposal (issue 16): the whole new list, audited with the old. */
export const SpecialFamilyNeedsBody = Type.Object({ needs: Type.Array(SpecialFamilyNeed, { maxItems: 9 }) });
export type SpecialFamilyNeedsBody = Static<typeof SpecialFamilyNeedsBody>;
export const ContactParam = Type.Object({ id: Id(), contactId: Id() });

export const VisitInput = Type.Object({
  visitDate: DateString,
  kind: VisitKind,
  note: Type.Optional(Nullable(Text({ maxLength: 1000 }))),
});
export type VisitInput = Static<typeof VisitInput>;

export const ServiceInput = Type.Object({
  kind: SpecialFamilyServiceKind,
  serviceDate: DateString,
  detail: Type.Optional(Nullable(Text({ maxLength: 500 }))),
});
export type ServiceInput = Static<typeof ServiceInput>;

export const SpecialFamilyQuery = Type.Object({
  status: Type.Optional(SpecialFamilyFileStatus),
  overdue: Type.Optional(Type.Boolean()),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 20 }),
});
export type SpecialFamilyQuery = Static<typeof SpecialFamilyQuery>;
export const SpecialFamilyExportQuery = Type.Omit(SpecialFamilyQuery, ['page', 'pageSize']);
export type SpecialFamilyExportQuery = Static<typeof SpecialFamilyExportQuery>;

const PersonMasked = Type.Object({ personId: Type.Integer(), name: Type.String(), idMasked: Type.String() });

export const SpecialFamilyFileSummary = Type.Object({
  id: Type.Integer(),
  kind: SpecialFamilyKind,
  status: SpecialFamilyFileStatus,
  version: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  mother: Nullable(PersonMasked),
  father: Nullable(PersonMasked),
  child: PersonMasked,
  eventDate: Type.String(),
  disabilityGrade: Nullable(Type.Integer()),
  proposedByName: Type.String(),
  proposedAt: DateTimeString,
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTimeString),
  lastVisitDate: Nullable(Type.String()),
  nextVisitDue: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export type SpecialFamilyFileSummary = Static<typeof SpecialFamilyFileSummary>;

export const SpecialFamilyPage = Type.Object({
  items: Type.Array(SpecialFamilyFileSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type SpecialFamilyPage = Static<typeof SpecialFamilyPage>;

export const ContactView = Type.Object({
  id: Type.Integer(),
  role: ContactRole,
  name: Type.String(),
  organisation: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  hasAccount: Type.Boolean(),
});
export const VisitView = Type.Object({
  id: Type.Integer(),
  dueDate: Type.String(),
  visitDate: Nullable(Type.String()),
  kind: Nullable(VisitKind),
  note: Nullable(Type.String()),
  recordedByName: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export const ServiceView = Type.Object({
  id: Type.Integer(),
  kind: SpecialFamilyServiceKind,
  serviceDate: Type.String(),
  detail: Nullable(Type.String()),
  recordedByName: Type.String(),
});
export const StatusChangeView = Type.Object({
  version: Type.Integer(),
  status: SpecialFamilyFileStatus,
  effectiveFrom: Type.String(),
  changedByName: Type.String(),
  changedAt: DateTimeString,
  note: Nullable(Type.String()),
});

export const SpecialFamilyFileDetail = Type.Intersect([
  SpecialFamilyFileSummary,
  Type.Object({
    needs: Type.Array(Type.String()),
    decisionNote: Nullable(Type.String()),
    /** The proposer may not decide (four eyes). */
    mine: Type.Boolean(),
    visitIntervalMonths: Type.Integer(),
    contacts: Type.Array(ContactView),
    visits: Type.Array(VisitView),
    services: Type.Array(ServiceView),
    history: Type.Array(StatusChangeView),
  }),
]);
export type SpecialFamilyFileDetail = Static<typeof SpecialFamilyFileDetail>;

export const VisitSettings = Type.Object({
  jurisdictionCode: Type.String(),
  visitIntervalMonths: Type.Integer(),
  /** True when no jurisdiction set it: Cradle's reading of "定期", a quarter. */
  isDefault: Type.Boolean(),
  reading: Type.String(),
});
export type VisitSettings = Static<typeof VisitSettings>;
export const VisitSettingsBody = Type.Object({ visitIntervalMonths: Int(1, 12) });

export const FamilySizePurpose = Type.Union([
  Type.Literal('publicRentalHousing'),
  Type.Literal('affordableRentalHousing'),
  Type.Literal('providentFundWithdrawal'),
  Type.Literal('providentFundLoan'),
  Type.Literal('schoolPlacement'),
  Type.Literal('elderlyCarePriority'),
]);
/** The purpose is required; the schema lets it be absent so the answer can say so in words. */
export const FamilySizeCheckBody = Type.Object({
  idNumber: Text({ minLength: 1, maxLength: 30, description: "A parent's citizen ID number" }),
  purpose: Type.Optional(Nullable(FamilySizePurpose)),
  note: Type.Optional(Nullable(Text({ maxLength: 200, description: 'The case or file number it is for' }))),
});
export type FamilySizeCheckBody = Static<typeof FamilySizeCheckBody>;
export const FamilySizeAnswer = Type.Object({
  found: Type.Boolean(),
  minorChildren: Type.Integer(),
  birthYears: Type.Array(Type.Integer()),
  answer: Type.String(),
  basis: Type.String(),
  checkId: Type.Integer(),
});
export type FamilySizeAnswer = Static<typeof FamilySizeAnswer>;

export const specialFamilyRoutes = {
  specialFamilies: route({
    method: 'GET',
    path: '/api/special-families',
    query: SpecialFamilyQuery,
    response: SpecialFamilyPage,
  }),
  specialFamiliesExport: route({
    method: 'GET',
    path: '/api/special-families/export.xlsx',
    query: SpecialFamilyExportQuery,
    response: XlsxFile,
  }),
  specialFamily: route({
    method: 'GET',
    path: '/api/special-families/:id',
    params: IdParam,
    response: SpecialFamilyFileDetail,
  }),
  proposeSpecialFamily: route({
    method: 'POST',
    path: '/api/special-families',
    body: SpecialFamilyProposal,
    response: SpecialFamilyFileDetail,
  }),
  confirmSpecialFamily: route({
    method: 'POST',
    path: '/api/special-families/:id/confirm',
    params: IdParam,
    body: DecisionBody,
    response: SpecialFamilyFileDetail,
  }),
  rejectSpecialFamily: route({
    method: 'POST',
    path: '/api/special-families/:id/reject',
    params: IdParam,
    body: DecisionBody,
    response: SpecialFamilyFileDetail,
  }),
  endSpecialFamily: route({
    method: 'POST',
    path: '/api/special-families/:id/end',
    params: IdParam,
    body: DecisionBody,
    response: SpecialFamilyFileDetail,
  }),
  recordSpecialFamilyVisit: route({
    method: 'POST',
    path: '/api/special-families/:id/visits',
    params: IdParam,
    body: VisitInput,
    response: SpecialFamilyFileDetail,
  }),
  recordSpecialFamilyService: route({
    method: 'POST',
    path: '/api/special-families/:id/services',
    params: IdParam,
    body: ServiceInput,
    response: SpecialFamilyFileDetail,
  }),
  setSpecialFamilyNeeds: route({
    method: 'PUT',
    path: '/api/special-families/:id/needs',
    params: IdParam,
    body: SpecialFamilyNeedsBody,
    response: SpecialFamilyFileDetail,
  }),
  addSpecialFamilyContact: route({
    method: 'POST',
    path: '/api/special-families/:id/contacts',
    params: IdParam,
    body: ContactInput,
    response: SpecialFamilyFileDetail,
  }),
  endSpecialFamilyContact: route({
    method: 'POST',
    path: '/api/special-families/:id/contacts/:contactId/end',
    params: ContactParam,
    body: DecisionBody,
    response: SpecialFamilyFileDetail,
  }),
  specialFamilySettings: route({ method: 'GET', path: '/api/special-family-settings', response: VisitSettings }),
  setSpecialFamilySettings: route({
    method: 'PUT',
    path: '/api/special-family-settings',
    body: VisitSettingsBody,
    response: VisitSettings,
  }),
  familySizeCheck: route({
    method: 'POST',
    path: '/api/family-size-checks',
    body: FamilySizeCheckBody,
    response: FamilySizeAnswer,
  }),
};
