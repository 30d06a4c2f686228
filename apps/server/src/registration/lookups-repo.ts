import type { EarlierRegistration } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { factsOf, relativeOf, type RegistryFacts, type RegistryRelative } from '../registry/index.js';

// Earlier registrations must be found past every scope: a birth may have been registered by the
// other parent's account or where the hukou is (issue 4: cross-province). And they must be found
// in the transaction that stores the new one, after it took the parents' locks: two identical
// submissions at once otherwise both miss each other (review of issue 4).
//
// cradle_childbirth_registration_context (migrations 0018 and 0019) does the look-up past the resident's scope, with
// the registry facts the two-way check needs, in one round trip.

/** What a registration reads before it is written: cradle_childbirth_registration_context (migrations 0018 and 0019). */
export interface RegistrationContext {
  /** The resident's bound registry person and the spouses the registry links to them. */
  family: RegistryFacts[];
  /** Registry persons holding the declared parents' ID numbers. */
  declared: RegistryFacts[];
  /** Children of the parents, picked or declared. */
  children: RegistryRelative[];
  earlier: EarlierRegistration[];
  /** The resident's registrations in the last `hours`. */
  recent: number;
}

/**
 * Reads it in one round trip, after taking the parents' locks (sorted; seed 11, registration
 * locks: portal/identity.ts uses 7): a second submission for the same mother or father waits,
 * then sees the first among `earlier`. `picked`: person ids the form chose (only the family's
 * count); `declared`: blind indexes of the ID numbers the form typed. The resident's own lock
 * came with BEGIN (residentSubmissionsLock), so `recent` holds for parallel requests too.
 */
export async function readRegistrationContext(
  tx: Conn,
  picked: number[],
  declared: Buffer[],
  hours: number,
): Promise<RegistrationContext> {
  const rows = await tx.query(
    `SELECT kind, person_id, of_person_id, blind, name, sex, birth_date::text AS birth_date, death_date::text AS death_date, hukou_region_code,
            residence_region_code, id_masked, id_cipher, phone_cipher, household_id, registration_no, child_status, event_date, n
       FROM cradle_childbirth_registration_context($1::bigint[], $2::bytea[], $3)`,
    [picked, declared, hours],
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    family: of('family').map(factsOf),
    declared: of('declared').map(factsOf),
    children: of('child').map((r) => relativeOf({ ...r, relation: 'child' })),
    earlier: of('earlier')
      .filter((r) => r.event_date !== null)
      .map((r) => ({
        registrationId: String(r.registration_no),
        childStatus: r.child_status as 'pregnant' | 'born',
        date: String(r.event_date),
      })),
    recent: Number(of('recent')[0]?.n ?? 0),
  };
}
