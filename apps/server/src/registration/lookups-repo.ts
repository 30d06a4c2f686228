import type { EarlierRegistration } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// Earlier registrations must be found past every scope: a birth may have been registered by the
// other parent's account or where the hukou is (issue 4: cross-province). And they must be found
// in the transaction that stores the new one, after it took the parents' locks: two identical
// submissions at once otherwise both miss each other (review of issue 4).
//
// No SECURITY DEFINER function reads childbirth_registrations (migration 0011's three read the
// registry), and adding one needs a migration. The ways without one:
// - the owner connection, as before, while the resident transaction holds the lock: two pool
//   connections per submission, so a burst of as many submissions as the pool holds waits
//   forever, and on PGlite (one connection) the second query waits on the transaction itself;
// - so instead the one SELECT below runs in the resident transaction as the session's own role
//   (the owner, as the owner connection was): SET LOCAL ROLE NONE, the query, then the role
//   restored. Same privilege as before, one fixed statement returning number, status and date.
// A definer function `cradle_earlier_registrations(bytea[])` would remove the role switch.

/**
 * Holds registrations of these parents (ID-number blind indexes) in turn until the transaction
 * ends: a second submission for the same mother or father waits, then sees the first. Sorted, so
 * two transactions never wait on each other. Seed 11: registration locks (portal/identity.ts: 7).
 */
export async function lockParents(tx: Conn, blinds: Buffer[]): Promise<void> {
  for (const hex of [...new Set(blinds.map((b) => b.toString('hex')))].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [`parent:${hex}`]);
  }
}

/** Registrations on record for any of these ID numbers (by blind index), as mother or father, wherever and by whomever submitted. */
export async function findEarlierRegistrations(tx: Conn, blinds: Buffer[]): Promise<EarlierRegistration[]> {
  if (blinds.length === 0) return [];
  const [{ role }] = (await tx.query<{ role: string }>("SELECT current_setting('role') AS role")) as [{ role: string }];
  await tx.query('SET LOCAL ROLE NONE');
  const rows = await tx.query<{ registration_no: string; child_status: 'pregnant' | 'born'; date: string }>(
    `SELECT registration_no, child_status, coalesce(child_birth_date, expected_birth_date)::text AS date FROM childbirth_registrations
      WHERE mother_id_blind_index = ANY ($1::bytea[]) OR father_id_blind_index = ANY ($1::bytea[]) ORDER BY id`,
    [blinds],
  );
  // Back to the scope's role (cradle_app) for the rest of the transaction. A failed query above
  // aborts the transaction instead, and the rollback undoes the SET LOCAL.
  await tx.query("SELECT set_config('role', $1, true)", [role]);
  return rows.filter((r) => r.date !== null).map((r) => ({ registrationId: r.registration_no, childStatus: r.child_status, date: r.date }));
}
