import { computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import { createPii } from '../crypto/pii.js';
import type { TestApp } from '../test/app.js';

/** A made-up, well-formed ID number: region 533423, the birth date, a sequence (odd male, even female). */
export function testIdNumber(birthDate: string, sequence: string): string {
  const first17 = `533423${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + computeIdCheckCharacter(first17);
}

/** Inserts a person straight into the registry (as the owner) and returns the id. */
export async function insertTestPerson(
  t: TestApp,
  p: { name: string; birthDate: string; sequence: string; residence?: string; hukou?: string },
): Promise<{ id: number; idNumber: string }> {
  const idNumber = testIdNumber(p.birthDate, p.sequence);
  const pii = createPii(t.keys);
  const sex = Number(p.sequence[2]) % 2 === 1 ? 'male' : 'female';
  const residence = p.residence ?? '533423101001';
  const [row] = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
     VALUES ($1, $2, $3, 'resident', $4, $5, $6, $7, $8, 'test', 'events') RETURNING id`,
    [
      p.name,
      sex,
      p.birthDate,
      pii.encryptIdNumber(idNumber),
      pii.idBlindIndex(idNumber),
      maskIdNumber(idNumber),
      p.hukou ?? residence,
      residence,
    ],
  );
  return { id: Number(row!.id), idNumber };
}
