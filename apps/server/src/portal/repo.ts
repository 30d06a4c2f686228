import type { Conn } from '../db/client.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { residentCodes, residents } from '../db/schema.js';

// `residents`, `resident_sessions` and `resident_codes` are the portal's own tables, not
// resident-scoped: the owner connection reads and writes them.

/** The resident with this phone, created on first sign-in; the sign-in time recorded. */
export async function upsertResident(conn: Conn, phoneBlindIndex: Buffer, phoneCipher: Buffer): Promise<number> {
  const [row] = await conn.query<{ id: number }>(
    `INSERT INTO residents (phone_blind_index, phone_cipher, last_sign_in_at) VALUES ($1, $2, now())
     ON CONFLICT (phone_blind_index) DO UPDATE SET last_sign_in_at = now() RETURNING id`,
    [phoneBlindIndex, phoneCipher],
  );
  return Number(row!.id);
}

/** Links a resident to a registry person, unless they are linked already (the first link stands). */
export async function bindResident(conn: Conn, residentId: number, personId: number): Promise<void> {
  await conn.query('UPDATE residents SET person_id = $2 WHERE id = $1 AND person_id IS NULL', [residentId, personId]);
}

export async function findResidentPerson(
  conn: Conn,
  residentId: number,
): Promise<RowOf<typeof residents, 'personId'>[]> {
  const rows = await conn.query<RowOf<typeof residents, 'personId'>>(
    `SELECT ${columnsOf(residents, ['personId'])} FROM residents WHERE id = $1`,
    [residentId],
  );
  return rows.map((r) => ({ personId: r.personId === null ? null : Number(r.personId) }));
}

export async function getResidentPhoneCipher(conn: Conn, residentId: number): Promise<Buffer> {
  const [row] = await conn.query<RowOf<typeof residents, 'phoneCipher'>>(
    `SELECT ${columnsOf(residents, ['phoneCipher'])} FROM residents WHERE id = $1`,
    [residentId],
  );
  return row!.phoneCipher;
}

export async function deleteResidentSession(conn: Conn, tokenHash: string): Promise<void> {
  await conn.query('DELETE FROM resident_sessions WHERE token_hash = $1', [tokenHash]);
}

/** Serialises requests for one number, so two parallel requests cannot both pass the limits. */
export async function lockPhone(tx: Conn, phoneBlindIndex: Buffer): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [phoneBlindIndex.toString('hex')]);
}

/** When the number was last sent a code, and how many codes it was sent in the last hour. */
export async function recentCodes(tx: Conn, phoneBlindIndex: Buffer): Promise<{ last: Date | null; hour: number }> {
  const [recent] = await tx.query<{ last: Date | null; hour: number }>(
    `SELECT max(created_at) AS last, count(*)::int AS hour FROM resident_codes
      WHERE phone_blind_index = $1 AND created_at > now() - interval '1 hour'`,
    [phoneBlindIndex],
  );
  return { last: recent?.last ?? null, hour: recent?.hour ?? 0 };
}

/** Stores a new code and retires the earlier ones. */
export async function replaceCode(
  tx: Conn,
  c: { phoneBlindIndex: Buffer; codeHash: string; ttlSeconds: number; clientIp: string },
): Promise<void> {
  await tx.query('UPDATE resident_codes SET consumed_at = now() WHERE phone_blind_index = $1 AND consumed_at IS NULL', [
    c.phoneBlindIndex,
  ]);
  await tx.query(
    `INSERT INTO resident_codes (phone_blind_index, code_hash, expires_at, client_ip) VALUES ($1, $2, now() + make_interval(secs => $3), $4)`,
    [c.phoneBlindIndex, c.codeHash, c.ttlSeconds, c.clientIp],
  );
}

export type LiveCode = RowOf<typeof residentCodes, 'id' | 'codeHash' | 'attempts'>;

/** The number's newest code that is neither used nor expired. */
export async function findLiveCode(conn: Conn, phoneBlindIndex: Buffer): Promise<LiveCode | undefined> {
  const [row] = await conn.query<LiveCode>(
    `SELECT ${columnsOf(residentCodes, ['id', 'codeHash', 'attempts'])} FROM resident_codes
      WHERE phone_blind_index = $1 AND consumed_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1`,
    [phoneBlindIndex],
  );
  return row;
}

/** Counts a wrong guess in one statement, so parallel guesses cannot exceed the limit; the new count. */
export async function countCodeAttempt(conn: Conn, codeId: number): Promise<number | undefined> {
  const [after] = await conn.query<{ attempts: number }>(
    'UPDATE resident_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts',
    [codeId],
  );
  return after?.attempts;
}

/** Uses a code once: of two requests with the right code, one wins (true). */
export async function consumeCode(conn: Conn, codeId: number, maxAttempts: number): Promise<boolean> {
  const used = await conn.query(
    'UPDATE resident_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL AND attempts < $2 RETURNING id',
    [codeId, maxAttempts],
  );
  return used.length > 0;
}

/**
 * The region a resident's sign-ins and bindings are audited under: the residence of the person the
 * number is bound to (or of `personId`); nothing when unbound. Read as the owner: persons are
 * scoped, and the audit must land where that region's administrators look.
 */
export async function findAuditRegion(
  conn: Conn,
  by: { phoneBlindIndex: Buffer } | { personId: number },
): Promise<string | null> {
  const [row] =
    'personId' in by
      ? await conn.query<{ code: string }>('SELECT residence_region_code AS code FROM persons WHERE id = $1', [
          by.personId,
        ])
      : await conn.query<{ code: string }>(
          `SELECT p.residence_region_code AS code FROM residents r JOIN persons p ON p.id = r.person_id
            WHERE r.phone_blind_index = $1`,
          [by.phoneBlindIndex],
        );
  return row?.code ?? null;
}
