import type { NewbornBundle } from '@cradle/contract';
import {
  applyCorrections,
  validateNewbornBundle,
  type BundleService,
  type CorrectableField,
  type FamilyFieldError,
  type NewbornBundleForm,
  type Sex,
} from '../../../lib/portalDomain';

export type CorrectionValues = Record<string, string | undefined>;

/** i18n key of a correctable field: `newborn.birthDate` → `newbornBirthDate`. */
export function fieldKey(field: string): string {
  return field.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}

/** Starting values: what the bundle holds, except ID numbers and phones, which are shown masked or not at all. */
export function correctionStart(b: NewbornBundle, fields: readonly string[]): CorrectionValues {
  const known: Record<string, string | null | undefined> = {
    'newborn.name': b.newborn.name,
    'newborn.sex': b.newborn.sex,
    'newborn.birthDate': b.newborn.birthDate,
    'newborn.birthTime': b.newborn.birthTime,
    'newborn.birthPlace': b.newborn.birthPlace,
    'newborn.hospitalName': b.newborn.hospitalName,
    'mother.name': b.mother.name,
    'father.name': b.father?.name,
    hukouRegionCode: b.hukouRegion.code,
    existingBirthCertificateNo: b.existingBirthCertificateNo,
  };
  return Object.fromEntries(fields.map((f) => [f, known[f] ?? undefined]));
}

/** The corrections to send: every returned field, blank phones as null. */
export function toCorrections(values: CorrectionValues, fields: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = (values[f] ?? '').trim();
      return [f, v === '' && f.endsWith('.phone') ? null : v];
    }),
  );
}

/**
 * The domain's checks on the corrected fields only: the bundle as the family sees it (ID
 * numbers masked, so left blank) with the corrections written in; other fields are not judged.
 */
export function checkCorrections(
  b: NewbornBundle,
  values: CorrectionValues,
  fields: readonly string[],
  now: Date,
): FamilyFieldError[] {
  const base: NewbornBundleForm = {
    newborn: { ...b.newborn, sex: b.newborn.sex as Sex },
    mother: { name: b.mother.name, idNumber: '' },
    father: b.father ? { name: b.father.name, idNumber: '' } : null,
    hukouRegionCode: b.hukouRegion.code,
    services: b.services as BundleService[],
    existingBirthCertificateNo: b.existingBirthCertificateNo,
    existingNewbornIdNumber: null,
  };
  const corrected = applyCorrections(base, toCorrections(values, fields));
  return validateNewbornBundle(corrected, now).filter((e) => fields.includes(e.field as CorrectableField));
}
