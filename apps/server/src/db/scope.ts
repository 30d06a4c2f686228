import type { Conn, Database } from './client.js';

/** The jurisdiction a piece of work is limited to: a region code prefix. */
export interface Scope {
  jurisdictionCode: string;
}

/**
 * Runs fn in a transaction as the role cradle_app with cradle.jurisdiction set, so the
 * row-level security policies (migration 0001) limit every read and write to the
 * jurisdiction subtree. This is the only way request handlers reach registry data.
 */
export async function withScope<T>(database: Database, scope: Scope, fn: (tx: Conn) => Promise<T>): Promise<T> {
  if (!/^\d{2,12}$/.test(scope.jurisdictionCode)) throw new Error(`invalid jurisdiction ${scope.jurisdictionCode}`);
  // Inlined, not a parameter, so it rides with BEGIN in one round trip: the code is digits only (checked above).
  // set_config('role', …, true) is SET LOCAL ROLE (as PostgREST does it).
  const prelude = `SELECT set_config('role', 'cradle_app', true), set_config('cradle.jurisdiction', '${scope.jurisdictionCode}', true)`;
  return database.transaction(fn, prelude);
}
