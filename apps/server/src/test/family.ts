import { decryptField, encryptField } from '../crypto/pii.js';
import type { TestApp } from './app.js';

export interface TestMother {
  personId: number;
  name: string;
  idNumber: string;
  phone: string;
  residenceRegionCode: string;
  hukouRegionCode: string;
  childCount: number;
}

/**
 * A living mother in the registry with living children and a husband, given a phone on record
 * so that a resident signing in with that phone can bind to her (portal/binding.ts).
 */
export async function pickTestMother(t: TestApp, phone: string, offset = 0): Promise<TestMother> {
  const [row] = await t.database.query<{
    id: number;
    name: string;
    id_cipher: Buffer;
    residence_region_code: string;
    hukou_region_code: string;
    n: number;
  }>(
    `SELECT m.id, m.name, m.id_cipher, m.residence_region_code, m.hukou_region_code, count(*)::int AS n
       FROM persons m JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother'
      WHERE m.death_date IS NULL AND m.birth_date > '1986-01-01' AND length(m.residence_region_code) = 12
        AND EXISTS (SELECT 1 FROM relationships s WHERE s.kind = 'spouse' AND s.to_person_id = m.id)
      GROUP BY m.id HAVING count(*) = 1 ORDER BY m.id OFFSET $1 LIMIT 1`,
    [offset],
  );
  if (!row) throw new Error('no mother with one child in the test population');
  await t.database.query('UPDATE persons SET phone_cipher = $2 WHERE id = $1', [
    row.id,
    encryptField(t.keys.piiEncryption, 'phone', phone),
  ]);
  return {
    personId: Number(row.id),
    name: row.name,
    idNumber: decryptField(t.keys.piiEncryption, 'idNumber', row.id_cipher),
    phone,
    residenceRegionCode: row.residence_region_code,
    hukouRegionCode: row.hukou_region_code,
    childCount: row.n,
  };
}
