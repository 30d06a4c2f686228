import type { Conn } from '../db/client.js';
import { pageOf } from '../db/paging.js';

// SQL for the registry. Every function takes a Conn opened by withScope(), so row-level
// security limits it to the caller's jurisdiction; none of them filter by region themselves
// except where the user asks for a region.

export interface PersonRow {
  id: number;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  age: number;
  id_masked: string;
  id_kind: string;
  hukou_region_code: string;
  residence_region_code: string;
  parity: number | null;
  ethnicity: string | null;
  relation_to_head: string | null;
  household_id: number | null;
}

const PERSON_COLUMNS = `p.id, p.name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
  date_part('year', age(current_date, p.birth_date))::int AS age, p.id_masked, p.id_kind,
  p.hukou_region_code, p.residence_region_code, p.parity, p.ethnicity, p.relation_to_head, p.household_id`;

export interface PersonFilter {
  name?: string | undefined;
  idBlindIndex?: Buffer | undefined;
  regionCode?: string | undefined;
}

function personWhere(f: PersonFilter, params: unknown[]): string[] {
  const where: string[] = [];
  if (f.name) {
    params.push(`%${f.name.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    where.push(`p.name LIKE $${params.length}`);
  }
  if (f.idBlindIndex) {
    params.push(f.idBlindIndex);
    where.push(`p.id_blind_index = $${params.length}`);
  }
  if (f.regionCode) {
    params.push(`${f.regionCode}%`);
    where.push(`(p.residence_region_code LIKE $${params.length} OR p.hukou_region_code LIKE $${params.length})`);
  }
  return where;
}

export async function searchPersons(conn: Conn, f: PersonFilter, page: number, pageSize: number) {
  const params: unknown[] = [];
  const where = personWhere(f, params);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons p ${whereSql}`, params);
  const paged = pageOf(params, page, pageSize);
  const items = await conn.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM persons p ${whereSql} ORDER BY p.residence_region_code, p.id ${paged.sql}`,
    paged.params,
  );
  return { total: Number(total[0]!.n), items };
}

/**
 * The search's persons after `afterId`, by id (the primary key, so each page is an index range
 * however large the jurisdiction): the export's keyset pages.
 */
export async function listPersonsAfter(conn: Conn, f: PersonFilter, afterId: number, limit: number) {
  const params: unknown[] = [afterId, limit];
  const where = [`p.id > $1`, ...personWhere(f, params)];
  return conn.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM persons p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT $2`,
    params,
  );
}

export async function findPerson(conn: Conn, id: number): Promise<PersonRow | undefined> {
  return (await conn.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id = $1`, [id]))[0];
}

export async function findPersonCipher(conn: Conn, id: number): Promise<Buffer | undefined> {
  const rows = await conn.query<{ id_cipher: Buffer }>('SELECT id_cipher FROM persons WHERE id = $1', [id]);
  return rows[0]?.id_cipher;
}

export async function findHousehold(conn: Conn, id: number) {
  const hh = await conn.query<{ id: number; household_no: string; address: string | null; region_code: string }>(
    'SELECT id, household_no, address, region_code FROM households WHERE id = $1',
    [id],
  );
  if (!hh[0]) return undefined;
  const members = await conn.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.household_id = $1 ORDER BY p.birth_date, p.id`,
    [id],
  );
  return { ...hh[0], members };
}

/** Links from and to a person, with the other end's row when it is visible. */
export async function findRelationships(conn: Conn, personId: number) {
  return conn.query<{ kind: string; direction: 'out' | 'in'; other_id: number } & Partial<PersonRow>>(
    `SELECT r.kind, r.direction, r.other_id, o.*
       FROM (SELECT kind, 'out' AS direction, to_person_id AS other_id FROM relationships WHERE from_person_id = $1
             UNION ALL
             SELECT kind, 'in', from_person_id FROM relationships WHERE to_person_id = $1) r
       LEFT JOIN LATERAL (SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id = r.other_id) o ON true
      ORDER BY r.kind, o.birth_date`,
    [personId],
  );
}
