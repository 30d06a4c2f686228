import type { Conn } from '../db/client.js';

// What family services read of the registry past the caller's jurisdiction (migration 0011):
// a family registers where it lives, its records may be anywhere in the deployment.

export interface RegistryFacts {
  blind: Buffer;
  personId: number;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  deathDate: string | null;
  hukouRegionCode: string;
  residenceRegionCode: string;
  idMasked: string;
  idCipher: Buffer;
  phoneCipher: Buffer | null;
  householdId: number | null;
}

export interface RegistryRelative {
  ofPersonId: number;
  relation: 'child' | 'spouse';
  personId: number;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  deathDate: string | null;
  idMasked: string;
  idCipher: Buffer;
  hukouRegionCode: string;
  residenceRegionCode: string;
}

// Dates are selected as text: ISO strings, never a Date shifted by the server's time zone.
const isoDate = (d: unknown): string => String(d);
const optDate = (d: unknown): string | null => (typeof d === 'string' ? d : null);

const FACT_COLUMNS = `blind, person_id, name, sex, birth_date::text AS birth_date, death_date::text AS death_date, hukou_region_code,
  residence_region_code, id_masked, id_cipher, phone_cipher, household_id`;

/** A row of cradle_registry_facts's columns (dates as text). */
export const factsOf = (r: Record<string, unknown>): RegistryFacts => ({
  blind: Buffer.from(r.blind as Uint8Array),
  personId: Number(r.person_id),
  name: String(r.name),
  sex: r.sex as 'male' | 'female',
  birthDate: isoDate(r.birth_date),
  deathDate: optDate(r.death_date),
  hukouRegionCode: String(r.hukou_region_code),
  residenceRegionCode: String(r.residence_region_code),
  idMasked: String(r.id_masked),
  idCipher: Buffer.from(r.id_cipher as Uint8Array),
  phoneCipher: r.phone_cipher ? Buffer.from(r.phone_cipher as Uint8Array) : null,
  householdId: r.household_id === null ? null : Number(r.household_id),
});

/** The persons holding these ID-number blind indexes or ids, wherever they are registered. */
export async function findRegistryFacts(
  tx: Conn,
  blinds: Buffer[],
  personIds: number[] = [],
): Promise<RegistryFacts[]> {
  if (blinds.length === 0 && personIds.length === 0) return [];
  const rows = await tx.query(`SELECT ${FACT_COLUMNS} FROM cradle_registry_facts($1::bytea[], $2::bigint[])`, [
    blinds,
    personIds,
  ]);
  return rows.map(factsOf);
}

/**
 * A bound resident's family as the registry holds it, in one round trip: their own record and
 * every spouse the registry links to them (living or not). A family may pick exactly these
 * persons on a form, and sees their registry facts. Empty for an unbound resident.
 */
export async function findFamilyFacts(tx: Conn, boundPersonId: number | null): Promise<RegistryFacts[]> {
  if (boundPersonId === null) return [];
  const rows = await tx.query(
    `SELECT ${FACT_COLUMNS} FROM cradle_registry_facts('{}', ARRAY(
       SELECT $1::bigint UNION SELECT person_id FROM cradle_registry_relatives(ARRAY[$1::bigint]) WHERE relation = 'spouse'))`,
    [boundPersonId],
  );
  return rows.map(factsOf);
}

/** Children and spouses of these persons, from the registry's links. */
export async function findRegistryRelatives(tx: Conn, personIds: number[]): Promise<RegistryRelative[]> {
  if (personIds.length === 0) return [];
  const rows = await tx.query(
    `SELECT of_person_id, relation, person_id, name, sex, birth_date::text AS birth_date, death_date::text AS death_date, id_masked,
            id_cipher, hukou_region_code, residence_region_code FROM cradle_registry_relatives($1::bigint[]) ORDER BY birth_date, person_id`,
    [personIds],
  );
  return rows.map(relativeOf);
}

/** A row of cradle_registry_relatives's columns (dates as text). */
export function relativeOf(r: Record<string, unknown>): RegistryRelative {
  return {
    ofPersonId: Number(r.of_person_id),
    relation: r.relation as 'child' | 'spouse',
    personId: Number(r.person_id),
    name: String(r.name),
    sex: r.sex as 'male' | 'female',
    birthDate: isoDate(r.birth_date),
    deathDate: optDate(r.death_date),
    idMasked: String(r.id_masked),
    idCipher: Buffer.from(r.id_cipher as Uint8Array),
    hukouRegionCode: String(r.hukou_region_code),
    residenceRegionCode: String(r.residence_region_code),
  };
}

/**
 * Of these persons, the ones the caller's jurisdiction holds: row-level security decides, as it
 * does for `GET /api/persons/:id`. A family service reads records past the scope; it shows only these.
 */
export async function findPersonIdsInScope(tx: Conn, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx.query<{ id: number }>('SELECT id FROM persons WHERE id = ANY ($1::bigint[])', [personIds]);
  return new Set(rows.map((r) => Number(r.id)));
}
