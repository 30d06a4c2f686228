import type { BundleParentInput, ChildbirthPrefill, NewbornBundleBody, PrefillPerson } from '@cradle/contract';
import {
  BUNDLE_SERVICE_NAMES,
  validateNewbornBundle,
  type BundleService,
  type FamilyFieldError,
  type NewbornBundleForm,
  type ParentDeclaration,
  type Sex,
} from '../../../lib/portalDomain';
import type { FieldPath } from '../form/fieldErrors';
import type { ParentValues, RegistryParents } from '../registration/registrationForm';

export type NewbornValues = {
  name?: string;
  sex?: Sex;
  birthDate?: string;
  birthTime?: string;
  birthPlace?: string;
  hospitalName?: string;
};

export type BundleValues = {
  newborn?: NewbornValues;
  mother?: ParentValues;
  father?: ParentValues;
  withFather?: boolean;
  hukouRegionCode?: string;
  services?: BundleService[];
  existingBirthCertificateNo?: string;
  existingNewbornIdNumber?: string;
  registrationId?: number;
};

export function initialBundleValues(prefill: ChildbirthPrefill | undefined): BundleValues {
  return {
    withFather: true,
    services: [...BUNDLE_SERVICE_NAMES],
    hukouRegionCode: prefill?.residenceRegionCode ?? undefined,
  };
}

/** The hospital's certificate number is needed when hukou is wanted without the certificate service. */
export function needsExistingCertificate(services: readonly string[] | undefined): boolean {
  const s = services ?? [];
  return s.includes('hukouRegistration') && !s.includes('birthCertificate');
}

/** The newborn's ID number is needed when insurance or the card is wanted without hukou. */
export function needsExistingNewbornId(services: readonly string[] | undefined): boolean {
  const s = services ?? [];
  return (
    (s.includes('medicalInsuranceEnrollment') || s.includes('socialSecurityCard')) && !s.includes('hukouRegistration')
  );
}

export const BUNDLE_FIELDS: readonly FieldPath[] = [
  ['newborn', 'name'],
  ['newborn', 'sex'],
  ['newborn', 'birthDate'],
  ['newborn', 'birthTime'],
  ['newborn', 'birthPlace'],
  ['newborn', 'hospitalName'],
  ['mother', 'name'],
  ['mother', 'idNumber'],
  ['mother', 'phone'],
  ['father', 'name'],
  ['father', 'idNumber'],
  ['father', 'phone'],
  ['hukouRegionCode'],
  ['services'],
  ['existingBirthCertificateNo'],
  ['existingNewbornIdNumber'],
];

export function locateBundleField(field: string): FieldPath | null {
  return BUNDLE_FIELDS.find((p) => p.join('.') === field) ?? null;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();
const optional = (s: string | undefined) => (trimmed(s) === '' ? null : trimmed(s));

function parent(fromRegistry: PrefillPerson | null, v: ParentValues | undefined): BundleParentInput {
  if (fromRegistry)
    return { personId: fromRegistry.personId, ...(optional(v?.phone) ? { phone: optional(v?.phone) } : {}) };
  return {
    name: trimmed(v?.name),
    idNumber: trimmed(v?.idNumber),
    ...(optional(v?.phone) ? { phone: optional(v?.phone) } : {}),
  };
}

/** The request for the form: existing numbers only where the chosen services need them. */
export function toBundleBody(v: BundleValues, registry: RegistryParents): NewbornBundleBody {
  const n = v.newborn ?? {};
  const services = BUNDLE_SERVICE_NAMES.filter((s) => v.services?.includes(s));
  return {
    newborn: {
      name: trimmed(n.name),
      sex: n.sex ?? '',
      birthDate: n.birthDate ?? '',
      birthTime: n.birthTime ?? '',
      birthPlace: trimmed(n.birthPlace),
      hospitalName: trimmed(n.hospitalName),
    },
    mother: parent(registry.mother, v.mother),
    father: v.withFather === false ? null : parent(registry.father, v.father),
    hukouRegionCode: v.hukouRegionCode ?? '',
    services,
    existingBirthCertificateNo: needsExistingCertificate(services) ? optional(v.existingBirthCertificateNo) : null,
    existingNewbornIdNumber: needsExistingNewbornId(services) ? optional(v.existingNewbornIdNumber) : null,
    ...(v.registrationId ? { registrationId: v.registrationId } : {}),
  };
}

function declaration(p: BundleParentInput): ParentDeclaration {
  return p.personId !== undefined
    ? { name: '', idNumber: '', phone: p.phone ?? null }
    : { name: p.name ?? '', idNumber: p.idNumber ?? '', phone: p.phone ?? null };
}

/** The server's rules (validateNewbornBundle); a registry parent's name and ID are the server's to check. */
export function checkBundle(v: BundleValues, registry: RegistryParents, now: Date): FamilyFieldError[] {
  const body = toBundleBody(v, registry);
  const form: NewbornBundleForm = {
    ...body,
    newborn: { ...body.newborn, sex: body.newborn.sex as Sex },
    services: body.services as BundleService[],
    mother: declaration(body.mother),
    father: body.father ? declaration(body.father) : null,
  };
  const fromRegistry = (field: string) =>
    (registry.mother !== null && /^mother\.(name|idNumber)$/.test(field)) ||
    (registry.father !== null && /^father\.(name|idNumber)$/.test(field));
  return validateNewbornBundle(form, now).filter((e) => !fromRegistry(e.field));
}
