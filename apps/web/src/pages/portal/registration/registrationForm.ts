import type {
  ChildStatus,
  ChildbirthPrefill,
  ChildbirthRegistrationBody,
  DeclaredParent,
  ParentInput,
  PrefillPerson,
  Sex,
} from '@cradle/contract';
import {
  validateChildbirthRegistration,
  type FamilyFieldError,
  type ParentDeclaration,
} from '../../../lib/portalDomain';
import type { FieldPath } from '../form/fieldErrors';

export type ParentValues = { name?: string; idNumber?: string; phone?: string };

/** What the form holds; registry parents are not fields (they come from the prefill). */
export type RegistrationValues = {
  mother?: ParentValues;
  father?: ParentValues;
  /** Unmarried: whether the father is registered too (married couples always register together). */
  withFather?: boolean;
  married?: boolean;
  residenceRegionCode?: string;
  childStatus?: ChildStatus;
  expectedBirthDate?: string;
  child?: { name?: string; sex?: Sex; birthDate?: string };
  commitmentAccepted?: boolean;
};

/** The parents the registry already holds (the bound resident and their spouse). */
export type RegistryParents = { mother: PrefillPerson | null; father: PrefillPerson | null };

export function registryParentsOf(prefill: ChildbirthPrefill | undefined): RegistryParents {
  return { mother: prefill?.mother ?? null, father: prefill?.father ?? null };
}

export function initialValues(prefill: ChildbirthPrefill | undefined): RegistrationValues {
  return {
    // The registry's spouse link suggests the answer; without a linked record, the common case.
    married: prefill?.bound ? prefill.registrySpouse : true,
    withFather: true,
    childStatus: 'pregnant',
    residenceRegionCode: prefill?.residenceRegionCode ?? undefined,
    commitmentAccepted: false,
  };
}

export const REGISTRATION_FIELDS: readonly FieldPath[] = [
  ['mother', 'name'],
  ['mother', 'idNumber'],
  ['mother', 'phone'],
  ['father', 'name'],
  ['father', 'idNumber'],
  ['father', 'phone'],
  ['residenceRegionCode'],
  ['expectedBirthDate'],
  ['child', 'name'],
  ['child', 'sex'],
  ['child', 'birthDate'],
  ['commitmentAccepted'],
];

/** Where a domain or server field path is shown on this form. */
export function locateRegistrationField(field: string): FieldPath | null {
  if (field === 'commitment.accepted') return ['commitmentAccepted'];
  if (field === 'father') return ['father', 'name'];
  if (field === 'child') return ['child', 'name'];
  return REGISTRATION_FIELDS.find((p) => p.join('.') === field) ?? null;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

function declared(v: ParentValues | undefined): DeclaredParent {
  const phone = trimmed(v?.phone);
  return { name: trimmed(v?.name), idNumber: trimmed(v?.idNumber), ...(phone ? { phone } : {}) };
}

function parent(fromRegistry: PrefillPerson | null, v: ParentValues | undefined): ParentInput {
  return fromRegistry ? { personId: fromRegistry.personId } : declared(v);
}

export function withFather(v: RegistrationValues): boolean {
  return v.married === true || v.withFather !== false;
}

/** The request for the form; the statement is the text the family read and accepted. */
export function toRegistrationBody(
  v: RegistrationValues,
  registry: RegistryParents,
  statement: string,
): ChildbirthRegistrationBody {
  const born = v.childStatus === 'born';
  return {
    mother: parent(registry.mother, v.mother),
    father: withFather(v) ? parent(registry.father, v.father) : null,
    married: v.married === true,
    residenceRegionCode: v.residenceRegionCode ?? '',
    childStatus: born ? 'born' : 'pregnant',
    expectedBirthDate: born ? null : (v.expectedBirthDate ?? ''),
    child: born
      ? { name: trimmed(v.child?.name), sex: v.child?.sex ?? ('' as Sex), birthDate: v.child?.birthDate ?? '' }
      : null,
    commitment: { accepted: v.commitmentAccepted === true, statement },
  };
}

/**
 * The server's own rules (validateChildbirthRegistration) on the form. A registry parent is
 * known by person number only, so their name and ID checks are the server's, not repeated here.
 */
export function checkRegistration(
  v: RegistrationValues,
  registry: RegistryParents,
  statement: string,
  today: string,
): FamilyFieldError[] {
  const body = toRegistrationBody(v, registry, statement);
  const asDeclaration = (p: ParentInput): ParentDeclaration => ('personId' in p ? { name: '', idNumber: '' } : p);
  const errors = validateChildbirthRegistration(
    { ...body, mother: asDeclaration(body.mother), father: body.father ? asDeclaration(body.father) : null },
    today,
  );
  const fromRegistry = (field: string) =>
    (registry.mother !== null && field.startsWith('mother.')) ||
    (registry.father !== null && field.startsWith('father.'));
  return errors.filter((e) => !fromRegistry(e.field));
}
