import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import { phoneBlindIndex } from '../portal/index.js';

export interface LoadResident {
  token: string;
  csrf: string;
  personId: number;
  spouseId: number | null;
  residenceRegionCode: string;
}

/**
 * n residents, each bound to a living registry mother with a session, written directly as the
 * owner: the load measures registrations and bundles, not sign-in (which the per-address rate
 * limit would throttle on one loopback address anyway).
 */
export async function createResidents(database: Database, keys: Keys, n: number): Promise<LoadResident[]> {
  const mothers = await database.query<{ id: number; residence_region_code: string; spouse: number | null }>(
    `SELECT m.id, m.residence_region_code, (SELECT s.from_person_id FROM relationships s WHERE s.kind = 'spouse' AND s.to_person_id = m.id LIMIT 1) AS spouse
       FROM persons m WHERE m.sex = 'female' AND m.death_date IS NULL AND m.birth_date BETWEEN '1980-01-01' AND '2000-12-31'
        AND length(m.residence_region_code) = 12 AND EXISTS (SELECT 1 FROM relationships r WHERE r.kind = 'mother' AND r.from_person_id = m.id)
      ORDER BY m.id LIMIT $1`,
    [n],
  );
  if (mothers.length < n)
    throw new Error(`only ${mothers.length} mothers in the population; use a larger --population`);
  const out: LoadResident[] = [];
  for (const [i, m] of mothers.entries()) {
    const phone = `139${String(i).padStart(8, '0')}`;
    const [row] = await database.query<{ id: number }>(
      'INSERT INTO residents (phone_blind_index, phone_cipher, person_id) VALUES ($1, $2, $3) RETURNING id',
      [phoneBlindIndex(keys, phone), encryptField(keys.piiEncryption, 'phone', phone), m.id],
    );
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    await database.query('INSERT INTO resident_sessions (token_hash, resident_id, csrf_token) VALUES ($1, $2, $3)', [
      createHash('sha256').update(token).digest('hex'),
      row!.id,
      csrf,
    ]);
    out.push({
      token,
      csrf,
      personId: Number(m.id),
      spouseId: m.spouse === null ? null : Number(m.spouse),
      residenceRegionCode: m.residence_region_code,
    });
  }
  return out;
}
