import type { Conn } from '../../db/client.js';
import { filterPrepared, type PreparedRows } from './prepare.js';
import { householdElsewhereError, registeredElsewhereError, type ImportRowError } from './row-errors.js';

export interface LoadResult {
  inserted: number;
  updated: number;
  /** Loaded rows identical to what the registry already held. */
  unchanged: number;
  /** Rows the database refused: the person or household belongs to another jurisdiction. */
  rejected: ImportRowError[];
}

/**
 * Loads prepared rows in set-based statements on a connection already inside withScope, so
 * row-level security applies to every write. Upserts by blind index: a re-imported person
 * whose row hash is unchanged is not touched at all (updated_at stays).
 */
export async function loadPrepared(conn: Conn, prepared: PreparedRows): Promise<LoadResult> {
  const rejected: ImportRowError[] = [];
  if (prepared.rowNos.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected };
  // An existing record outside the jurisdiction is invisible here; upserting onto it would fail the batch.
  const elsewhere = await conn.query<{ b: Uint8Array }>('SELECT b FROM cradle_blind_indexes_elsewhere($1::bytea[]) AS b', [prepared.blindIndexes]);
  const elsewhereHex = new Set(elsewhere.map((r) => Buffer.from(r.b).toString('hex')));
  let rows = prepared;
  if (elsewhereHex.size > 0) {
    rows = filterPrepared(prepared, (i) => {
      if (!elsewhereHex.has(prepared.blindIndexes[i]!.toString('hex'))) return true;
      rejected.push(registeredElsewhereError(prepared.rowNos[i]!));
      return false;
    });
  }

  const householdIds = await upsertHouseholds(conn, rows);
  const unresolved = rows.householdNos.some((no) => no !== null && !householdIds.has(no));
  if (unresolved) {
    const before = rows;
    rows = filterPrepared(before, (i) => {
      const no = before.householdNos[i]!;
      if (no === null || householdIds.has(no)) return true;
      rejected.push(householdElsewhereError(before.rowNos[i]!, no));
      return false;
    });
  }

  const { inserted, updated } = rows.rowNos.length === 0 ? { inserted: 0, updated: 0 } : await upsertPersons(conn, rows, householdIds);
  rejected.sort((a, b) => a.rowNo - b.rowNo);
  return { inserted, updated, unchanged: rows.rowNos.length - inserted - updated, rejected };
}

/**
 * Creates missing households and returns the id of every household the rows name that is
 * visible in the jurisdiction. A household lives where its head lives: a head row sets (or
 * moves) the region; other members only create the household when it is new.
 */
async function upsertHouseholds(conn: Conn, rows: PreparedRows): Promise<Map<string, number>> {
  const region = new Map<string, { code: string; fromHead: boolean }>();
  for (let i = 0; i < rows.rowNos.length; i++) {
    const no = rows.householdNos[i];
    if (no === null || no === undefined) continue;
    const fromHead = rows.relationsToHead[i] === 'head';
    const seen = region.get(no);
    if (!seen || (fromHead && !seen.fromHead)) region.set(no, { code: rows.residenceRegionCodes[i]!, fromHead });
  }
  if (region.size === 0) return new Map();
  const nos = [...region.keys()];
  const codes = nos.map((no) => region.get(no)!.code);
  // DO NOTHING also skips a household number taken in another jurisdiction; the look-up below tells.
  await conn.query(
    `INSERT INTO households (household_no, region_code) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (household_no) DO NOTHING`,
    [nos, codes],
  );
  const heads = nos.filter((no) => region.get(no)!.fromHead);
  if (heads.length > 0) {
    await conn.query(
      `UPDATE households h SET region_code = u.region_code
       FROM unnest($1::text[], $2::text[]) AS u(household_no, region_code)
       WHERE h.household_no = u.household_no AND h.region_code <> u.region_code`,
      [heads, heads.map((no) => region.get(no)!.code)],
    );
  }
  const found = await conn.query<{ household_no: string; id: number | string }>(
    'SELECT household_no, id FROM households WHERE household_no = ANY ($1::text[])',
    [nos],
  );
  return new Map(found.map((r) => [r.household_no, Number(r.id)]));
}

async function upsertPersons(conn: Conn, rows: PreparedRows, householdIds: Map<string, number>): Promise<{ inserted: number; updated: number }> {
  const householdIdColumn = rows.householdNos.map((no) => (no === null ? null : householdIds.get(no)!));
  const res = await conn.query<{ inserted: number; updated: number }>(
    `WITH up AS (
       INSERT INTO persons (name, sex, birth_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked, phone_cipher,
         hukou_region_code, residence_region_code, household_id, relation_to_head, source, row_hash)
       SELECT u.name, u.sex, u.birth_date, u.ethnicity, u.id_kind, u.id_cipher, u.id_blind_index, u.id_masked, u.phone_cipher,
         u.hukou_region_code, u.residence_region_code, u.household_id, u.relation_to_head, 'import', u.row_hash
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::bytea[], $7::bytea[], $8::text[], $9::bytea[],
         $10::text[], $11::text[], $12::bigint[], $13::text[], $14::text[])
         AS u(name, sex, birth_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked, phone_cipher,
           hukou_region_code, residence_region_code, household_id, relation_to_head, row_hash)
       ON CONFLICT (id_blind_index) DO UPDATE SET
         name = EXCLUDED.name, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date, ethnicity = EXCLUDED.ethnicity,
         id_kind = EXCLUDED.id_kind, phone_cipher = EXCLUDED.phone_cipher, hukou_region_code = EXCLUDED.hukou_region_code,
         residence_region_code = EXCLUDED.residence_region_code, household_id = EXCLUDED.household_id,
         relation_to_head = EXCLUDED.relation_to_head, row_hash = EXCLUDED.row_hash, updated_at = now()
       WHERE persons.row_hash IS DISTINCT FROM EXCLUDED.row_hash
       RETURNING (xmax = 0) AS inserted
     )
     SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM up`,
    [
      rows.names, rows.sexes, rows.birthDates, rows.ethnicities, rows.idKinds, rows.idCiphers, rows.blindIndexes, rows.idMasked,
      rows.phoneCiphers, rows.hukouRegionCodes, rows.residenceRegionCodes, householdIdColumn, rows.relationsToHead, rows.rowHashes,
    ],
  );
  return { inserted: Number(res[0]!.inserted), updated: Number(res[0]!.updated) };
}
