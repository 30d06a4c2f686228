import type { EarlierRegistration } from '@cradle/domain';
import type { Database } from '../db/client.js';

// A read that must look past every scope, on the owner connection, like the registry's
// SECURITY DEFINER functions (migration 0011) and for the same reason: a birth may have been
// registered by the other parent's account or where the hukou is (issue 4: cross-province).
// It returns only number, status and date. On PGlite the owner connection is the one
// connection: call it outside a transaction.

/** Registrations on record for any of these ID numbers (by blind index), as mother or father. */
export async function findEarlierRegistrations(database: Database, blinds: Buffer[]): Promise<EarlierRegistration[]> {
  if (blinds.length === 0) return [];
  const rows = await database.query<{ registration_no: string; child_status: 'pregnant' | 'born'; date: string }>(
    `SELECT registration_no, child_status, coalesce(child_birth_date, expected_birth_date)::text AS date FROM childbirth_registrations
      WHERE mother_id_blind_index = ANY ($1::bytea[]) OR father_id_blind_index = ANY ($1::bytea[]) ORDER BY id`,
    [blinds],
  );
  return rows.filter((r) => r.date !== null).map((r) => ({ registrationId: r.registration_no, childStatus: r.child_status, date: r.date }));
}
