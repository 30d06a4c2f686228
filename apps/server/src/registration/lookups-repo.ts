import type { EarlierRegistration } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// Earlier registrations must be found past every scope: a birth may have been registered by the
// other parent's account or where the hukou is (issue 4: cross-province). And they must be found
// in the transaction that stores the new one, after it took the parents' locks: two identical
// submissions at once otherwise both miss each other (review of issue 4).
//
// Migration 0016's cradle_earlier_registrations does the look-up past the resident's scope.

/**
 * Holds registrations of these parents (ID-number blind indexes) in turn until the transaction
 * ends: a second submission for the same mother or father waits, then sees the first. Sorted, so
 * two transactions never wait on each other. Seed 11: registration locks (portal/identity.ts: 7).
 *
 * In the same round trip, how many registrations the resident submitted in the last `hours`: that
 * count needs only the resident's own lock, which withResident took with BEGIN
 * (residentSubmissionsLock), so the statement's snapshot, taken before the parents' locks, holds it.
 */
export async function lockParentsCountingRecent(tx: Conn, blinds: Buffer[], residentId: number, hours: number): Promise<number> {
  const keys = [...new Set(blinds.map((b) => `parent:${b.toString('hex')}`))].sort();
  const [row] = await tx.query<{ recent: number }>(
    `SELECT (SELECT count(pg_advisory_xact_lock(hashtextextended(k, 11))) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C") AS o) AS locked,
            (SELECT count(*)::int FROM childbirth_registrations WHERE resident_id = $2 AND submitted_at > now() - make_interval(hours => $3)) AS recent`,
    [keys, residentId, hours],
  );
  return Number(row!.recent);
}

/** Registrations on record for any of these ID numbers (by blind index), as mother or father, wherever and by whomever submitted. */
export async function findEarlierRegistrations(tx: Conn, blinds: Buffer[]): Promise<EarlierRegistration[]> {
  if (blinds.length === 0) return [];
  const rows = await tx.query<{ registration_no: string; child_status: 'pregnant' | 'born'; date: string | null }>(
    'SELECT registration_no, child_status, date FROM cradle_earlier_registrations($1::bytea[])',
    [blinds],
  );
  return rows.filter((r) => r.date !== null).map((r) => ({ registrationId: r.registration_no, childStatus: r.child_status, date: r.date! }));
}
