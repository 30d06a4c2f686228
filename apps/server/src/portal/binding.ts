import { timingSafeEqual } from 'node:crypto';
import { parseIdNumber } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { blindIndex, decryptField } from '../crypto/pii.js';
import { findRegistryFacts } from '../registry/index.js';

/**
 * Whether a signed-in resident is the registry person they name. The phone-code provider proves
 * only a phone, so the registry must hold that same phone for the person: a name and an ID
 * number alone are known to too many people to open someone's family record. A real-name
 * provider that vouches for the ID number itself (VerifiedIdentity.idNumber) skips the phone test.
 */
export async function findBindablePerson(
  tx: Conn,
  keys: Keys,
  claim: { name: string; idNumber: string; phone: string; vouchedIdNumber?: string },
): Promise<number | null> {
  const parsed = parseIdNumber(claim.idNumber);
  if (!parsed.ok) return null;
  const id = parsed.value.idNumber;
  const [person] = await findRegistryFacts(tx, [blindIndex(keys.blindIndex, 'idNumber', id)]);
  if (!person || person.name !== claim.name.trim()) return null;
  if (claim.vouchedIdNumber === id) return person.personId;
  if (!person.phoneCipher) return null;
  const onRecord = Buffer.from(decryptField(keys.piiEncryption, 'phone', person.phoneCipher));
  const given = Buffer.from(claim.phone);
  return onRecord.length === given.length && timingSafeEqual(onRecord, given) ? person.personId : null;
}
