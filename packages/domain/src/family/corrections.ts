import type { Sex } from '../id-number.js';
import type { CorrectableField } from './bundle-services.js';
import type { NewbornBundleForm } from './newborn-bundle.js';
import type { ParentDeclaration } from './person-checks.js';

/** What the family changes after a return: new values of the returned fields only. */
export type Corrections = Partial<Record<CorrectableField, string | null>>;

/**
 * The form with the corrections written in; validate the result with validateNewbornBundle.
 * A correction to the father's details where none was declared starts a father from empty
 * fields, which validation then requires in full.
 */
export function applyCorrections(form: NewbornBundleForm, corrections: Corrections): NewbornBundleForm {
  const next: NewbornBundleForm = {
    ...form,
    newborn: { ...form.newborn },
    mother: { ...form.mother },
    father: form.father && { ...form.father },
  };
  for (const [field, raw] of Object.entries(corrections) as [CorrectableField, string | null | undefined][]) {
    if (raw === undefined) continue;
    const value = raw ?? '';
    const [part, key] = field.split('.') as [string, string | undefined];
    if (part === 'newborn' && key !== undefined) {
      next.newborn = { ...next.newborn, [key]: key === 'sex' ? (value as Sex) : value };
    } else if ((part === 'mother' || part === 'father') && key !== undefined) {
      const parent: ParentDeclaration = next[part] ?? { name: '', idNumber: '' };
      next[part] = { ...parent, [key]: key === 'phone' && raw === null ? null : value };
    } else if (field === 'hukouRegionCode') {
      next.hukouRegionCode = value;
    } else if (field === 'existingBirthCertificateNo' || field === 'existingNewbornIdNumber') {
      next[field] = raw;
    }
  }
  return next;
}
