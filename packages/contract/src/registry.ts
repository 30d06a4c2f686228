import { Type, type Static } from 'typebox';
import { Nullable, Sex, RegionName, Text, Int, PageNumber } from './common.js';

export const IdKind = Type.Union([
  Type.Literal('resident'),
  Type.Literal('foreignPermanentResident'),
  Type.Literal('hkMacaoTaiwanResidencePermit'),
]);
export type IdKind = Static<typeof IdKind>;

export const PersonRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  sex: Sex,
  // Age, not the birth date: region part ‖ birth date ‖ last four would be the whole number.
  age: Type.Integer(),
  idNumberMasked: Type.String({ description: 'Region part and last four characters; the rest masked' }),
  parity: Nullable(
    Type.Integer({ description: '孩次: birth order among the mother’s children, from the registry links' }),
  ),
});

export const PersonSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  sex: Sex,
  age: Type.Integer(),
  idNumberMasked: Type.String(),
  idKind: IdKind,
  hukouRegion: RegionName,
  residenceRegion: RegionName,
  parity: Nullable(Type.Integer()),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const HouseholdMember = Type.Intersect([PersonRef, Type.Object({ relationToHead: Nullable(Type.String()) })]);
export type HouseholdMember = Static<typeof HouseholdMember>;

export const Household = Type.Object({
  id: Type.Integer(),
  householdNo: Type.String(),
  address: Nullable(Type.String()),
  region: RegionName,
  members: Type.Array(HouseholdMember),
});
export type Household = Static<typeof Household>;

export const RelationshipKind = Type.Union([
  Type.Literal('spouse'),
  Type.Literal('mother'),
  Type.Literal('father'),
  Type.Literal('child'),
]);
export type RelationshipKind = Static<typeof RelationshipKind>;

/** `person` is null when the relative lives outside the user's jurisdiction. */
export const Relationship = Type.Object({ kind: RelationshipKind, person: Nullable(PersonRef) });
export type Relationship = Static<typeof Relationship>;

export const PersonDetail = Type.Intersect([
  PersonSummary,
  Type.Object({
    birthDate: Type.String({ format: 'date', description: 'Only here, in the audited view of the person themself' }),
    ethnicity: Nullable(Type.String()),
    relationToHead: Nullable(Type.String()),
    household: Nullable(Household),
    relationships: Type.Array(Relationship),
  }),
]);
export type PersonDetail = Static<typeof PersonDetail>;

export const PersonSearchQuery = Type.Object({
  name: Type.Optional(Text({ maxLength: 50, description: 'Part of the name' })),
  idNumber: Type.Optional(Text({ maxLength: 32, description: 'Exact ID number' })),
  region: Type.Optional(
    Type.String({ pattern: '^\\d{2,12}$', description: 'Region code; hukou or residence within it' }),
  ),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 20 }),
});
export type PersonSearchQuery = Static<typeof PersonSearchQuery>;
/** The search's filters without paging: an export holds every person they match. */
export const PersonExportQuery = Type.Omit(PersonSearchQuery, ['page', 'pageSize']);
export type PersonExportQuery = Static<typeof PersonExportQuery>;

export const PersonPage = Type.Object({
  items: Type.Array(PersonSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const RevealBody = Type.Object({
  reason: Text({ minLength: 2, maxLength: 200, description: 'Why the full number is needed (audited)' }),
});
export const Revealed = Type.Object({ idNumber: Type.String() });

export type PersonRef = Static<typeof PersonRef>;
export type PersonPage = Static<typeof PersonPage>;
export type RevealBody = Static<typeof RevealBody>;
export type Revealed = Static<typeof Revealed>;
