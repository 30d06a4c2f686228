import { Type, type Static } from 'typebox';
import { Message, Text } from './common.js';
import { EligibilityView } from './benefits.js';

export const CodeRequest = Type.Object(
  { phone: Text({ minLength: 1, maxLength: 20, description: 'Mainland China mobile number' }) },
  { additionalProperties: false },
);
export type CodeRequest = Static<typeof CodeRequest>;

export const SignInBody = Type.Object(
  { phone: Text({ minLength: 1, maxLength: 20 }), code: Text({ minLength: 1, maxLength: 10 }) },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const BindingBody = Type.Object(
  { name: Text({ minLength: 1, maxLength: 50 }), idNumber: Text({ minLength: 1, maxLength: 30 }) },
  { additionalProperties: false },
);
export type BindingBody = Static<typeof BindingBody>;

export const FamilyMember = Type.Object({
  personId: Type.Integer(),
  name: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  /** Only for the resident themself; relatives show their age, as staff lists do. */
  birthDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  age: Type.Integer(),
  idMasked: Type.String(),
  deceased: Type.Boolean(),
  hukouRegion: Type.String(),
  residenceRegion: Type.String(),
});
export type FamilyMember = Static<typeof FamilyMember>;

export const Family = Type.Object({
  self: FamilyMember,
  spouse: Type.Union([FamilyMember, Type.Null()]),
  children: Type.Array(FamilyMember),
});
export type Family = Static<typeof Family>;

export const ResidentMe = Type.Object({
  resident: Type.Object({ id: Type.Integer(), phoneMasked: Type.String(), bound: Type.Boolean() }),
  csrfToken: Type.String(),
  /** The registry's record of the resident and their family, once bound. */
  family: Type.Union([Family, Type.Null()]),
});
export type ResidentMe = Static<typeof ResidentMe>;

/** One scheme of the child's hukou region, checked for the period running today. */
export const SchemeEligibility = Type.Intersect([
  Type.Omit(EligibilityView, []),
  Type.Object({
    name: Message,
    proactive: Type.Boolean({ description: '免申即享: paid without an application' }),
  }),
]);
export type SchemeEligibility = Static<typeof SchemeEligibility>;

export const ChildBenefits = Type.Object({
  child: Type.Object({ personId: Type.Integer(), name: Type.String(), idMasked: Type.String() }),
  schemes: Type.Array(SchemeEligibility),
});
export type ChildBenefits = Static<typeof ChildBenefits>;

export const FamilyEligibility = Type.Object({ children: Type.Array(ChildBenefits) });

export type FamilyEligibility = Static<typeof FamilyEligibility>;
