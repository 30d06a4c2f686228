import type { BeneficiaryFacts } from '@cradle/domain';
import type { Conn } from '../db/client.js';

/** What checkEligibility sees of a person the scope can see, or null. Special-family status is not in the registry yet. */
export async function beneficiaryFacts(tx: Conn, personId: number): Promise<BeneficiaryFacts | null> {
  const rows = await tx.query<{
    birth_date: string;
    death_date: string | null;
    hukou_region_code: string;
    parity: number | null;
  }>(
    `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, to_char(death_date, 'YYYY-MM-DD') AS death_date, hukou_region_code, parity
     FROM persons WHERE id = $1`,
    [personId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    birthDate: r.birth_date,
    deathDate: r.death_date,
    hukouRegionCode: r.hukou_region_code,
    parity: r.parity === null ? null : Number(r.parity),
    specialFamilyStatus: null,
    declared: {},
  };
}
