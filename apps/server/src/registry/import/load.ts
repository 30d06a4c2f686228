import type { Conn } from '../../db/client.js';
import { inSavepoint, isUniqueViolation } from '../../db/savepoint.js';
import { filterPrepared, type PreparedRows } from './prepare.js';
import { ALL_COLUMNS_PRESENT, type PresentColumns } from './types.js';
import { householdElsewhereError, registeredElsewhereError, type ImportRowError } from './row-errors.js';

export interface LoadResult {
  inserted: number;
  updated: number;
  /**
   * Ids of the persons updated, for refreshing what is derived from them (refreshQuality).
   * Inserted persons need no refresh: their quality flags are computed as they are inserted.
   */
  updatedIds: number[];
  /** Loaded rows identical to what the registry already held. */
  unchanged: number;
  /** Rows the database refused: the person or household belongs to another jurisdiction. */
  rejected: ImportRowError[];
}

/**
 * Loads prepared rows in set-based statements on a connection already inside withScope, so
 * row-level security applies to every write. Upserts by blind index: a re-imported person
 * whose present columns are unchanged is not touched at all (updated_at stays), and optional
 * columns the file lacks are left as stored.
 *
 * Written the cheapest way that can work, falling back inside a savepoint. A job's batches first
 * insert every row as new (insertPersons), no probe for a stored person; once a batch meets one
 * on record (the unique blind index breaks), it and the job's later batches upsert
 * (upsertPersons). A person registered in another jurisdiction is invisible here, and writing
 * onto them breaks the same index: most batches hold none, so only when the upsert fails on one
 * is the batch rolled back again, the look-up made and those rows reported, and the job's later
 * batches look first. One registered after the look-up still fails the write:
 * withScopeRetryingRace (upkeep.ts) runs the batch again.
 */
export async function loadPrepared(
  conn: Conn,
  prepared: PreparedRows,
  present: PresentColumns = ALL_COLUMNS_PRESENT,
  state: LoadState = newLoadState(),
): Promise<LoadResult> {
  if (prepared.rowNos.length === 0) return { inserted: 0, updated: 0, unchanged: 0, updatedIds: [], rejected: [] };
  if (!state.probeFirst) {
    const inserted = await attempt(conn, () => writeRows(conn, prepared, present, [], 'insertOnly'));
    if (inserted) return inserted;
    // Someone in the batch is on record already: a re-import, or a file that updates. Its later
    // batches probe first rather than write twice.
    state.probeFirst = true;
  }
  if (!state.lookUpElsewhereFirst) {
    const written = await attempt(conn, () => writeRows(conn, prepared, present, [], 'probe'));
    if (written) return written;
    // A file that holds one such person likely holds more: its later batches look first
    // rather than write twice.
    state.lookUpElsewhereFirst = true;
  }
  const rejected: ImportRowError[] = [];
  const elsewhere = await conn.query<{ b: Uint8Array }>(
    'SELECT b FROM cradle_blind_indexes_elsewhere($1::bytea[]) AS b',
    [prepared.blindIndexes],
  );
  const elsewhereHex = new Set(elsewhere.map((r) => Buffer.from(r.b).toString('hex')));
  const rows = filterPrepared(prepared, (i) => {
    if (!elsewhereHex.has(prepared.blindIndexes[i]!.toString('hex'))) return true;
    rejected.push(registeredElsewhereError(prepared.rowNos[i]!));
    return false;
  });
  return writeRows(conn, rows, present, rejected, 'probe');
}

/** write() inside a savepoint; null, with the savepoint rolled back, if it met a person already on record. */
const attempt = (conn: Conn, write: () => Promise<LoadResult>) => inSavepoint(conn, write, isBlindIndexTaken);

/** What the batches of one job learn for the next ones. */
export interface LoadState {
  /** Set once a batch met a person already on record (see loadPrepared). */
  probeFirst: boolean;
  /** Set once a batch met a person registered elsewhere (see loadPrepared). */
  lookUpElsewhereFirst: boolean;
}

export function newLoadState(): LoadState {
  return { probeFirst: false, lookUpElsewhereFirst: false };
}

/**
 * Whether the write met a person already on record: inserting them again breaks the unique
 * blind index. In the insert-only attempt that is any stored person; in the upsert, one this
 * jurisdiction cannot update (registered elsewhere). A concurrent import of the same person
 * breaks it the same way; the look-up then finds them, or withScopeRetryingRace runs the batch again.
 */
export function isBlindIndexTaken(e: unknown): boolean {
  return isUniqueViolation(e, 'persons_id_blind_uq');
}

/** How writeRows finds each row's stored person: it assumes there is none, or it probes for one. */
type WriteMode = 'insertOnly' | 'probe';

async function writeRows(
  conn: Conn,
  prepared: PreparedRows,
  present: PresentColumns,
  rejected: ImportRowError[],
  mode: WriteMode,
): Promise<LoadResult> {
  let rows = prepared;
  const householdIds = await upsertHouseholds(conn, rows);
  const unresolved = rows.householdNos.some((no) => no !== null && !householdIds.has(no));
  if (unresolved) {
    const before = rows;
    rows = filterPrepared(before, (i) => {
      const no = before.householdNos[i] ?? null;
      if (no === null || householdIds.has(no)) return true;
      rejected.push(householdElsewhereError(before.rowNos[i]!, no));
      return false;
    });
  }
  const { inserted, updated, updatedIds } =
    rows.rowNos.length === 0
      ? { inserted: 0, updated: 0, updatedIds: [] }
      : mode === 'insertOnly'
        ? { inserted: await insertPersons(conn, rows, householdIds), updated: 0, updatedIds: [] }
        : await upsertPersons(conn, rows, householdIds, present);
  rejected.sort((a, b) => a.rowNo - b.rowNo);
  return { inserted, updated, unchanged: rows.rowNos.length - inserted - updated, updatedIds, rejected };
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
  const created = await conn.query<{ household_no: string; id: number | string }>(
    `INSERT INTO households (household_no, region_code) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (household_no) DO NOTHING RETURNING household_no, id`,
    [nos, codes],
  );
  const ids = new Map(created.map((r) => [r.household_no, Number(r.id)]));
  // Only households that existed before this batch need a look-up, and perhaps a move: on a
  // first import of a county that is none, and these statements are skipped.
  const existing = nos.filter((no) => !ids.has(no));
  if (existing.length === 0) return ids;
  const found = await conn.query<{ household_no: string; id: number | string; region_code: string }>(
    'SELECT household_no, id, region_code FROM households WHERE household_no = ANY ($1::text[])',
    [existing],
  );
  const moved: { id: number; code: string }[] = [];
  for (const r of found) {
    const id = Number(r.id);
    ids.set(r.household_no, id);
    const wanted = region.get(r.household_no)!;
    if (wanted.fromHead && wanted.code !== r.region_code) moved.push({ id, code: wanted.code });
  }
  if (moved.length > 0) {
    await conn.query(
      `UPDATE households h SET region_code = u.region_code FROM unnest($1::bigint[], $2::text[]) AS u(id, region_code) WHERE h.id = u.id`,
      [moved.map((m) => m.id), moved.map((m) => m.code)],
    );
  }
  return ids;
}

/** The rows as a relation named alias, parameters $1–$14 (rowParams), numbered in file order (ord). */
const rowsAs = (
  alias: string,
) => `unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::bytea[], $7::bytea[], $8::text[], $9::bytea[],
    $10::text[], $11::text[], $12::bigint[], $13::text[], $14::text[]) WITH ORDINALITY
    AS ${alias}(name, sex, birth_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked, phone_cipher,
      hukou_region_code, residence_region_code, household_id, relation_to_head, row_hash, ord)`;

function rowParams(rows: PreparedRows, householdIds: Map<string, number>): unknown[] {
  return [
    rows.names,
    rows.sexes,
    rows.birthDates,
    rows.ethnicities,
    rows.idKinds,
    rows.idCiphers,
    rows.blindIndexes,
    rows.idMasked,
    rows.phoneCiphers,
    rows.hukouRegionCodes,
    rows.residenceRegionCodes,
    householdIdsOf(rows, householdIds),
    rows.relationsToHead,
    rows.rowHashes,
  ];
}

function householdIdsOf(rows: PreparedRows, householdIds: Map<string, number>): (number | null)[] {
  return rows.householdNos.map((no) => (no === null ? null : householdIds.get(no)!));
}

/** INSERT of new persons from source (rows shaped like rowsAs(), aliased t), with their quality flags, in file order. */
function insertFrom(source: string): string {
  return `INSERT INTO persons (name, sex, birth_date, ethnicity, id_kind, id_cipher, id_blind_index, id_masked, phone_cipher,
      hukou_region_code, residence_region_code, household_id, relation_to_head, source, row_hash, quality_issues)
    SELECT t.name, t.sex, t.birth_date, t.ethnicity, t.id_kind, t.id_cipher, t.id_blind_index, t.id_masked, t.phone_cipher,
      t.hukou_region_code, t.residence_region_code, t.household_id, t.relation_to_head, 'import', t.row_hash,
      -- What cradle_quality_issues() (migration 0002) gives a new imported person, at a fraction
      -- of its cost (7 µs a row): both region codes were validated to exist, and a new person
      -- has no mother on record. import-upkeep.test.ts checks a full refresh changes nothing.
      CASE WHEN t.household_id IS NULL THEN ARRAY['household.missing'] ELSE '{}'::text[] END
    FROM ${source}
    ORDER BY t.ord`;
}

/**
 * Inserts every row as a new person, without looking for a stored one: a person already on
 * record breaks the unique blind index, and loadPrepared then writes the batch again with
 * upsertPersons. A first import into an empty registry never probes (measured, 300,000 rows on
 * PostgreSQL: the import 14.1 → 11.9 s).
 */
async function insertPersons(conn: Conn, rows: PreparedRows, householdIds: Map<string, number>): Promise<number> {
  const res = await conn.query<{ inserted: number }>(
    `WITH ins AS (${insertFrom(rowsAs('t'))} RETURNING 1) SELECT count(*)::int AS inserted FROM ins`,
    rowParams(rows, householdIds),
  );
  return Number(res[0]!.inserted);
}

/**
 * Inserts new persons, with their quality flags, and updates changed ones, returning the ids of
 * those updated (their flags, and their children's, are refreshed after the batch). A person counts as
 * changed when a column the file has differs from what is stored: required columns and, where
 * present, ethnicity, household and relation compare as stored (in clear); the phone, stored
 * only encrypted, compares by row_hash (see rowHashInput). An optional column the file lacks
 * ($15–$18 false) is neither compared nor written, so it keeps the stored value; row_hash
 * follows the phone column, so it stays in step with the stored phone.
 *
 * Each row's stored person is found by one index probe, the new ones inserted in the same
 * statement, and the changed ones updated in a second. Unchanged persons are not written at all (an upsert's
 * ON CONFLICT would lock, and so write, each of them), and new ones skip the speculative
 * insertion ON CONFLICT costs. A person someone else inserted after the probe breaks the
 * unique blind index (see isBlindIndexTaken); one moved out of the jurisdiction after it is
 * caught by comparing counts, and the batch runs again (withScopeRetryingRace). Changed or not
 * is decided on what the probe read (READ COMMITTED): a person another job changes after the
 * probe found them equal to the row is left as that job wrote them, and counted unchanged —
 * where the upsert this replaced re-checked the newest version and overwrote it.
 */
async function upsertPersons(
  conn: Conn,
  rows: PreparedRows,
  householdIds: Map<string, number>,
  present: PresentColumns,
): Promise<{ inserted: number; updated: number; updatedIds: number[] }> {
  const res = await conn.query<{
    inserted: number;
    changed_ords: (number | string)[] | null;
    changed_ids: (number | string)[] | null;
  }>(
    `WITH u AS (SELECT * FROM ${rowsAs('u')}),
     -- LATERAL … LIMIT 1 keeps this to one index probe a row: as a join, the planner (misjudging
     -- the row-level security filter) hashes the whole persons table for every batch. Only
     -- persons this jurisdiction may update count as found; one it only sees (hukou here,
     -- residence elsewhere) is left to the insert, which fails on it as on an invisible one.
     probe AS (
       SELECT u.*, p.id AS person_id, p.id IS NOT NULL AND (
           (p.name, p.sex, p.birth_date, p.id_kind, p.hukou_region_code, p.residence_region_code)
             IS DISTINCT FROM (u.name, u.sex, u.birth_date, u.id_kind, u.hukou_region_code, u.residence_region_code)
           OR ($15::boolean AND p.ethnicity IS DISTINCT FROM u.ethnicity)
           OR ($16::boolean AND p.household_id IS DISTINCT FROM u.household_id)
           OR ($17::boolean AND p.relation_to_head IS DISTINCT FROM u.relation_to_head)
           -- Two missing phones are equal whatever row_hash holds (rows loaded by other means carry other digests).
           OR ($18::boolean AND (p.phone_cipher IS NOT NULL OR u.phone_cipher IS NOT NULL) AND p.row_hash IS DISTINCT FROM u.row_hash)
         ) AS changed
       FROM u LEFT JOIN LATERAL (
         SELECT * FROM persons x WHERE x.id_blind_index = u.id_blind_index AND cradle_in_jurisdiction(x.residence_region_code) LIMIT 1
       ) p ON true
     ),
     ins AS (${insertFrom('probe t WHERE t.person_id IS NULL')} RETURNING id)
     SELECT (SELECT count(*) FROM ins)::int AS inserted,
       array_agg(ord ORDER BY ord) FILTER (WHERE changed) AS changed_ords,
       array_agg(person_id ORDER BY ord) FILTER (WHERE changed) AS changed_ids
     FROM probe`,
    [...rowParams(rows, householdIds), present.ethnicity, present.householdNo, present.relationToHead, present.phone],
  );
  const r = res[0]!;
  const inserted = Number(r.inserted);
  const changedIds = (r.changed_ids ?? []).map(Number);
  if (changedIds.length === 0) return { inserted, updated: 0, updatedIds: [] };
  const at = (r.changed_ords ?? []).map((ord) => Number(ord) - 1);
  const pick = <T>(column: readonly T[]) => at.map((i) => column[i]!);
  // A statement of its own, for the changed rows only: joined to the probe inside the statement
  // above, the planner (guessing half the rows changed) may hash or scan all persons instead.
  const updated = await conn.query<{ id: number | string }>(
    `UPDATE persons SET
       name = u.name, sex = u.sex, birth_date = u.birth_date, id_kind = u.id_kind,
       hukou_region_code = u.hukou_region_code, residence_region_code = u.residence_region_code,
       ethnicity = CASE WHEN $13::boolean THEN u.ethnicity ELSE persons.ethnicity END,
       household_id = CASE WHEN $14::boolean THEN u.household_id ELSE persons.household_id END,
       relation_to_head = CASE WHEN $15::boolean THEN u.relation_to_head ELSE persons.relation_to_head END,
       phone_cipher = CASE WHEN $16::boolean THEN u.phone_cipher ELSE persons.phone_cipher END,
       row_hash = CASE WHEN $16::boolean THEN u.row_hash ELSE persons.row_hash END,
       updated_at = now()
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bytea[],
       $8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[])
       AS u(id, name, sex, birth_date, ethnicity, id_kind, phone_cipher, hukou_region_code, residence_region_code,
         household_id, relation_to_head, row_hash)
     WHERE persons.id = u.id
     RETURNING persons.id`,
    [
      changedIds,
      pick(rows.names),
      pick(rows.sexes),
      pick(rows.birthDates),
      pick(rows.ethnicities),
      pick(rows.idKinds),
      pick(rows.phoneCiphers),
      pick(rows.hukouRegionCodes),
      pick(rows.residenceRegionCodes),
      pick(householdIdsOf(rows, householdIds)),
      pick(rows.relationsToHead),
      pick(rows.rowHashes),
      present.ethnicity,
      present.householdNo,
      present.relationToHead,
      present.phone,
    ],
  );
  // Fewer rows than changed: one moved out of the jurisdiction (or was deleted) after the probe.
  if (updated.length !== changedIds.length) throw new ConcurrentChangeError();
  return { inserted, updated: updated.length, updatedIds: updated.map((u) => Number(u.id)) };
}

/** A person changed by someone else between the probe and the update; the batch runs again. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('a person in the batch changed while it was written');
  }
}
