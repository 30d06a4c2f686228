import type { Conn, Database } from '../db/client.js';

/**
 * Runs fn in a transaction as cradle_app with cradle.resident set and no jurisdiction: the
 * family-service policies (migration 0011) then show exactly the rows this resident submitted,
 * and every jurisdiction policy matches nothing. The resident counterpart of withScope.
 */
export async function withResident<T>(database: Database, residentId: number, fn: (tx: Conn) => Promise<T>): Promise<T> {
  if (!Number.isSafeInteger(residentId) || residentId <= 0) throw new Error(`invalid resident ${residentId}`);
  // Inlined with BEGIN in one round trip: the id is a checked positive integer.
  const prelude = `SELECT set_config('role', 'cradle_app', true), set_config('cradle.resident', '${residentId}', true), set_config('cradle.jurisdiction', '', true)`;
  return database.transaction(fn, prelude);
}
