import { sqlLiteral, type Conn, type Database } from '../db/client.js';

/** A transaction-scoped advisory lock, by key and seed as pg_advisory_xact_lock(hashtextextended(key, seed)) takes it. */
export interface ResidentLock {
  key: string;
  seed: number;
}

/**
 * Runs fn in a transaction as cradle_app with cradle.resident set and no jurisdiction: the
 * family-service policies (migration 0011) then show exactly the rows this resident submitted,
 * and every jurisdiction policy matches nothing. The resident counterpart of withScope.
 *
 * `lock`, when given, is taken before fn runs, in the same round trip as BEGIN: a submission that
 * must not run twice at once for one resident waits there (registration and bundle limits).
 */
export async function withResident<T>(
  database: Database,
  residentId: number,
  fn: (tx: Conn) => Promise<T>,
  lock?: ResidentLock,
): Promise<T> {
  if (!Number.isSafeInteger(residentId) || residentId <= 0) throw new Error(`invalid resident ${residentId}`);
  if (lock && !Number.isSafeInteger(lock.seed)) throw new Error(`invalid lock seed ${lock.seed}`);
  // Inlined with BEGIN in one round trip: the id is a checked positive integer, the key escaped.
  const settings = `SELECT set_config('role', 'cradle_app', true), set_config('cradle.resident', '${residentId}', true), set_config('cradle.jurisdiction', '', true)`;
  const prelude = lock
    ? `${settings}; SELECT pg_advisory_xact_lock(hashtextextended(${sqlLiteral(lock.key)}, ${lock.seed}))`
    : settings;
  return database.transaction(fn, prelude);
}
