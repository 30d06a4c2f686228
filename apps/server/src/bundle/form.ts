import {
  maskIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  type BundleService,
  type NewbornBundleForm,
  type ParentDeclaration,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField, encryptField, type Pii } from '../crypto/pii.js';
import { findRegistryFacts, type RegistryFacts } from '../registry/index.js';
import type { BundleRow, NewBundle } from './repo.js';

// The bundle's form between its three shapes: the domain's NewbornBundleForm (validated,
// corrected), the table's columns (ID numbers and phones encrypted, masked copies for lists),
// and back. Only this file encrypts or decrypts a bundle's personal data.

export interface Crypto {
  pii: Pii;
  keys: Keys;
}

// Associated data of the phones' ciphertext (pii.ts binds the field name in).
const PHONES_FIELD = 'bundlePhones';
const trimmed = (s: string) => s.trim();

/** The form as the family gave it, from the stored bundle. */
export function formOf(b: BundleRow, c: Crypto): NewbornBundleForm {
  const phones = b.phones_cipher
    ? (JSON.parse(decryptField(c.keys.piiEncryption, PHONES_FIELD, b.phones_cipher)) as {
        mother?: string;
        father?: string;
      })
    : {};
  return {
    newborn: {
      name: b.newborn_name,
      sex: b.newborn_sex,
      birthDate: b.birth_date,
      birthTime: b.birth_time,
      birthPlace: b.birth_place,
      hospitalName: b.hospital_name,
    },
    mother: { name: b.mother_name, idNumber: c.pii.decryptIdNumber(b.mother_id_cipher), phone: phones.mother ?? null },
    father:
      b.father_name === null || b.father_id_cipher === null
        ? null
        : { name: b.father_name, idNumber: c.pii.decryptIdNumber(b.father_id_cipher), phone: phones.father ?? null },
    hukouRegionCode: b.region_code,
    services: b.services as BundleService[],
    existingBirthCertificateNo: b.existing_birth_certificate_no,
    existingNewbornIdNumber: b.existing_newborn_id_cipher ? c.pii.decryptIdNumber(b.existing_newborn_id_cipher) : null,
  };
}

export type FormColumns = Omit<
  NewBundle,
  'bundle_no' | 'resident_id' | 'registration_id' | 'mother_person_id' | 'father_person_id' | 'newborn_person_id'
>;

/** The columns of a validated form: trimmed text, normalised and encrypted ID numbers. */
export function columnsOf(form: NewbornBundleForm, c: Crypto): FormColumns {
  const n = form.newborn;
  const id = (raw: string) => normalizeIdNumber(raw);
  // As checkPhone reads them: spaces and hyphens only group the digits.
  const phone = (p: string | null | undefined) => (p ? p.replace(/[\s-]/g, '') : '');
  const phones = {
    ...(phone(form.mother.phone) ? { mother: phone(form.mother.phone) } : {}),
    ...(phone(form.father?.phone) ? { father: phone(form.father?.phone) } : {}),
  };
  const existingId = form.existingNewbornIdNumber?.trim() ? id(form.existingNewbornIdNumber) : null;
  return {
    region_code: form.hukouRegionCode,
    newborn_name: trimmed(n.name),
    newborn_sex: n.sex,
    birth_date: n.birthDate,
    birth_time: n.birthTime,
    birth_place: trimmed(n.birthPlace),
    hospital_name: trimmed(n.hospitalName),
    mother_name: trimmed(form.mother.name),
    mother_id_cipher: c.pii.encryptIdNumber(id(form.mother.idNumber)),
    mother_id_masked: maskIdNumber(form.mother.idNumber),
    father_name: form.father ? trimmed(form.father.name) : null,
    father_id_cipher: form.father ? c.pii.encryptIdNumber(id(form.father.idNumber)) : null,
    father_id_masked: form.father ? maskIdNumber(form.father.idNumber) : null,
    phones_cipher:
      Object.keys(phones).length > 0 ? encryptField(c.keys.piiEncryption, PHONES_FIELD, JSON.stringify(phones)) : null,
    services: [...form.services],
    existing_birth_certificate_no: form.existingBirthCertificateNo?.trim()
      ? form.existingBirthCertificateNo.trim().toUpperCase()
      : null,
    existing_newborn_id_cipher: existingId === null ? null : c.pii.encryptIdNumber(existingId),
    newborn_id_masked: existingId === null ? null : maskIdNumber(existingId),
  };
}

/**
 * The registry person a declared parent is, when the registry holds their ID number under the
 * same name; otherwise null (a mistyped number must not link the child to a stranger).
 */
export async function registryFactsOf(tx: Conn, c: Crypto, p: ParentDeclaration | null): Promise<RegistryFacts | null> {
  const blind = blindOf(c, p);
  if (blind === null) return null;
  return sameNamed(p!, await findRegistryFacts(tx, [blind]), blind);
}

/** The blind index of a declaration's ID number, when it is one. */
export function blindOf(c: Crypto, p: ParentDeclaration | null): Buffer | null {
  const parsed = parseIdNumber(p?.idNumber ?? '');
  return parsed.ok ? c.pii.idBlindIndex(parsed.value.idNumber) : null;
}

/** Of registry persons looked up, the one holding this blind index under the declaration's name. */
export function sameNamed(p: ParentDeclaration, found: readonly RegistryFacts[], blind: Buffer): RegistryFacts | null {
  return found.find((f) => f.blind.equals(blind) && f.name === p.name.trim()) ?? null;
}
