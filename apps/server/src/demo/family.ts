import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField, encryptField } from '../crypto/pii.js';

/** The demo family's phone: the synthetic population has no phones, so one mother gets this one. */
export const DEMO_FAMILY_PHONE = '13800138000';

/**
 * A mother of the first township with one child and a husband, given the demo phone, so that a
 * developer can sign in to the portal with it and link the account (the registry must hold the
 * phone: portal/binding.ts). Chosen the same way every start; only in demo mode.
 */
export async function ensureDemoFamily(
  database: Database,
  keys: Keys,
  township: string,
): Promise<{ name: string; idNumber: string } | null> {
  const [m] = await database.query<{ id: number; name: string; id_cipher: Buffer; phone_cipher: Buffer | null }>(
    `SELECT m.id, m.name, m.id_cipher, m.phone_cipher FROM persons m
      WHERE m.source = 'demo' AND m.sex = 'female' AND m.death_date IS NULL AND m.residence_region_code LIKE $1
        AND m.birth_date BETWEEN '1988-01-01' AND '1998-12-31'
        AND EXISTS (SELECT 1 FROM relationships s WHERE s.kind = 'spouse' AND s.to_person_id = m.id)
        AND (SELECT count(*) FROM relationships r WHERE r.kind = 'mother' AND r.from_person_id = m.id) = 1
      ORDER BY m.id LIMIT 1`,
    [`${township}%`],
  );
  if (!m) return null;
  if (!m.phone_cipher)
    await database.query('UPDATE persons SET phone_cipher = $2 WHERE id = $1', [
      m.id,
      encryptField(keys.piiEncryption, 'phone', DEMO_FAMILY_PHONE),
    ]);
  return { name: m.name, idNumber: decryptField(keys.piiEncryption, 'idNumber', m.id_cipher) };
}
