import type { LifeEventQuery, LifeEventView } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import type { lifeEvents } from '../db/schema.js';
import { findRegistryFacts } from '../registry/index.js';

// SQL of life events. Every function takes a connection inside withScope: row-level security
// limits life_events and registry_events to the jurisdiction (migration 0026).

type EventRow = typeof lifeEvents.$inferSelect;
export type NewEvent = Omit<EventRow, 'id' | 'recordedAt'>;

export interface Resident {
  personId: number;
  sex: 'male' | 'female';
  birthDate: string;
  deathDate: string | null;
  residenceRegionCode: string;
}

export async function findByReference(tx: Conn, sender: string, reference: string): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    'SELECT id FROM life_events WHERE sender = $1 AND sender_reference = $2',
    [sender, reference],
  );
  return row ? Number(row.id) : null;
}

/** The person with this blind index who lives in the jurisdiction, their row locked (one death each). */
export async function findResident(tx: Conn, blind: Buffer): Promise<Resident | null> {
  const [row] = await tx.query<{
    id: number;
    sex: 'male' | 'female';
    birth_date: string;
    death_date: string | null;
    residence_region_code: string;
  }>(
    `SELECT id, sex, birth_date::text AS birth_date, death_date::text AS death_date, residence_region_code
       FROM persons WHERE id_blind_index = $1 AND cradle_in_jurisdiction(residence_region_code) FOR UPDATE`,
    [blind],
  );
  return row
    ? {
        personId: Number(row.id),
        sex: row.sex,
        birthDate: row.birth_date,
        deathDate: row.death_date,
        residenceRegionCode: row.residence_region_code,
      }
    : null;
}

export async function insertEvent(tx: Conn, e: NewEvent): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO life_events (kind, person_id, region_code, event_date, death_place, cause_category, maternal, other_region_code,
       other_region_name, spouse_person_id, channel, sender, sender_reference, import_job_id, service_account_id, recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [
      e.kind,
      e.personId,
      e.regionCode,
      e.eventDate,
      e.deathPlace,
      e.causeCategory,
      e.maternal,
      e.otherRegionCode,
      e.otherRegionName,
      e.spousePersonId,
      e.channel,
      e.sender,
      e.senderReference,
      e.importJobId,
      e.serviceAccountId,
      e.recordedBy,
      e.recordedByName,
    ],
  );
  return Number(row!.id);
}

export async function setDeathDate(tx: Conn, personId: number, date: string): Promise<void> {
  const rows = await tx.query('UPDATE persons SET death_date = $2, updated_at = now() WHERE id = $1 RETURNING id', [
    personId,
    date,
  ]);
  if (rows.length !== 1) throw new Error(`death date of person ${personId} not set`);
}

/**
 * A marriage links the couple in the registry as spouses (the link family services and the
 * benefits read), once: a link either way between them already is the same marriage.
 */
export async function linkSpouses(tx: Conn, personId: number, spouseId: number, regionCode: string): Promise<void> {
  await tx.query(
    `INSERT INTO relationships (kind, from_person_id, to_person_id, region_code)
     SELECT 'spouse', $1, $2, $3 WHERE NOT EXISTS (
       SELECT 1 FROM relationships WHERE kind = 'spouse'
          AND ((from_person_id = $1 AND to_person_id = $2) OR (from_person_id = $2 AND to_person_id = $1)))`,
    [personId, spouseId, regionCode],
  );
}

/** Through cradle_move_residence (migration 0028): a move leaves or enters the jurisdiction. */
export async function moveResidence(tx: Conn, personId: number, kind: 'moveIn' | 'moveOut', to: string): Promise<void> {
  await tx.query('SELECT cradle_move_residence($1, $2, $3)', [personId, kind, to]);
}

export async function insertRegistryEvent(
  tx: Conn,
  kind: string,
  personId: number,
  regionCode: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.query('INSERT INTO registry_events (kind, person_id, region_code, payload) VALUES ($1, $2, $3, $4::jsonb)', [
    kind,
    personId,
    regionCode,
    JSON.stringify(payload),
  ]);
}

/** What a list shows of one event. */
/** A listed event is what the API answers: the contract's view, read in one statement. */
export type EventListRow = LifeEventView;

export type EventFilter = Omit<LifeEventQuery, 'page' | 'pageSize'> & {
  /** A department operator's view: the events its department sent (forms, files, its service accounts). */
  department?: { department: string; sender: string } | null;
  ids?: number[];
};

function where(f: EventFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: (n: string) => string, v: unknown) => {
    params.push(v);
    parts.push(cond(`$${params.length}`));
  };
  if (f.kind) add((n) => `e.kind = ${n}`, f.kind);
  if (f.channel) add((n) => `e.channel = ${n}`, f.channel);
  if (f.from) add((n) => `e.event_date >= ${n}::date`, f.from);
  if (f.to) add((n) => `e.event_date <= ${n}::date`, f.to);
  if (f.maternal !== undefined) add((n) => `e.maternal = ${n}`, f.maternal);
  if (f.ids) add((n) => `e.id = ANY(${n}::bigint[])`, f.ids);
  if (f.department) {
    params.push(f.department.sender, f.department.department);
    parts.push(
      `(e.sender = $${params.length - 1} OR e.service_account_id IN (SELECT id FROM service_accounts WHERE department = $${params.length}))`,
    );
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SELECT = `SELECT e.id, e.kind, e.person_id, e.event_date::text AS event_date, e.region_code, coalesce(r.name, e.region_code) AS region_name,
  e.death_place, e.cause_category, e.maternal, e.other_region_code, e.other_region_name, e.spouse_person_id, e.channel, e.sender,
  e.sender_reference, e.recorded_by_name, e.recorded_at
  FROM life_events e LEFT JOIN regions r ON r.code = e.region_code`;

export async function countEvents(tx: Conn, f: EventFilter): Promise<number> {
  const w = where(f);
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM life_events e ${w.sql}`, w.params);
  return Number(row!.n);
}

/** Newest first; `beforeId` for keyset pages (exports), else offset pages (the list). */
export async function listEvents(
  tx: Conn,
  f: EventFilter,
  limit: number,
  page: { offset: number } | { beforeId: number | undefined },
): Promise<EventListRow[]> {
  const w = where(f);
  const keyset = 'beforeId' in page;
  if (keyset && page.beforeId !== undefined) {
    w.params.push(page.beforeId);
    w.sql += `${w.sql ? ' AND' : 'WHERE'} e.id < $${w.params.length}`;
  }
  w.params.push(limit, keyset ? 0 : page.offset);
  const order = keyset ? 'e.id DESC' : 'e.event_date DESC, e.id DESC';
  const rows = await tx.query(
    `${SELECT} ${w.sql} ORDER BY ${order} LIMIT $${w.params.length - 1} OFFSET $${w.params.length}`,
    w.params,
  );
  return withPersons(tx, rows);
}

/**
 * Names and masked ID numbers through the registry's deployment-wide look-up: a person who moved
 * out lives outside the jurisdiction now, yet the event it recorded is still its own.
 */
async function withPersons(tx: Conn, rows: Record<string, unknown>[]): Promise<EventListRow[]> {
  const ids = [
    ...new Set(rows.flatMap((r) => [Number(r.person_id), ...(r.spouse_person_id ? [Number(r.spouse_person_id)] : [])])),
  ];
  const facts = new Map((await findRegistryFacts(tx, [], ids)).map((p) => [p.personId, p]));
  return rows.map((r) => {
    const p = facts.get(Number(r.person_id));
    return {
      id: Number(r.id),
      kind: r.kind as EventRow['kind'],
      personId: Number(r.person_id),
      name: p?.name ?? '',
      idMasked: p?.idMasked ?? '',
      eventDate: String(r.event_date),
      regionCode: String(r.region_code),
      regionName: String(r.region_name),
      deathPlace: (r.death_place as string | null) ?? null,
      causeCategory: (r.cause_category as string | null) ?? null,
      maternal: (r.maternal as boolean | null) ?? null,
      otherRegionCode: (r.other_region_code as string | null) ?? null,
      otherRegionName: (r.other_region_name as string | null) ?? null,
      spouseIdMasked: r.spouse_person_id ? (facts.get(Number(r.spouse_person_id))?.idMasked ?? null) : null,
      channel: r.channel as EventRow['channel'],
      sender: String(r.sender),
      reference: String(r.sender_reference),
      recordedByName: String(r.recorded_by_name),
      recordedAt: new Date(r.recorded_at as string).toISOString(),
    };
  });
}
