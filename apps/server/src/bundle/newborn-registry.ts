import {
  isWithinJurisdiction,
  maskIdNumber,
  parityFromRegistry,
  type NewbornBundleForm,
  type ParentRole,
} from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { isUniqueViolation } from '../db/savepoint.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { findRegistryFacts, findRegistryRelatives } from '../registry/index.js';
import { bundleError } from './errors.js';
import type { Crypto } from './form.js';
import { declaredParents } from './parents.js';
import type { BundleRow } from './repo.js';

/**
 * Public security's completion of hukou registration writes the newborn into the registry, in
 * the completion's scoped transaction (issue 4: "creates the person in the registry linked to
 * both parents"). Our readings, where the issue leaves a choice:
 * - hukou region: the bundle's hukouRegionCode. Residence: the mother's, when it lies in the
 *   officer's jurisdiction (the child lives with her); otherwise the hukou region, since
 *   persons_insert only lets a jurisdiction create people who live in it.
 * - household: the mother's, when it is in the jurisdiction (households_scope), as her child
 *   ('child' when she heads the household or is the head's spouse, 'grandchild' when she is the
 *   head's child, else 'other'); otherwise none, and the quality flag household.missing says so.
 * - parents: those the family chose by person id (the resident, their spouse) are linked. A
 *   declared parent whose name and ID number match a registry person is linked only when the
 *   officer confirms (`confirmDeclared`), having seen the match in the task (name, age, residence,
 *   children) and the papers: a name and an ID number alone are known to too many people, and a
 *   link files the child into that person's household and counts it among their children.
 *   Unconfirmed, the newborn is registered without that link and the result says so
 *   (`parentsNotLinked`). Links go through cradle_link_newborn_parents, which reaches parents
 *   living elsewhere and (0014) only a newborn inserted in this transaction.
 * - parity: birth order among the mother's registry children (parityFromRegistry, the
 *   persons.parity basis); null without a mother in the registry. After commit the owner runs
 *   cradle_recompute_parity for her (recomputeParity), which also reorders siblings if needed.
 * - source 'newbornBundle'; row_hash '' as an import row without a phone (import/prepare.ts).
 */
export async function registerNewborn(
  tx: Conn,
  c: Crypto,
  user: SessionUser,
  b: BundleRow,
  form: NewbornBundleForm,
  idNumber: string,
  clientIp: string,
  confirmDeclared: boolean,
): Promise<{
  personId: number;
  idMasked: string;
  eventId: number;
  motherId: number | null;
  fatherId: number | null;
  parentsNotLinked: ParentRole[];
}> {
  const blind = c.pii.idBlindIndex(idNumber);
  if ((await findRegistryFacts(tx, [blind])).length > 0) throw bundleError('bundle.newbornIdTaken');
  const declared = await declaredParents(tx, c, b, form);
  const matched = (role: ParentRole) => declared.find((d) => d.role === role)?.facts?.personId ?? null;
  const motherId = b.mother_person_id ?? (confirmDeclared ? matched('mother') : null);
  const fatherId = b.father_person_id ?? (confirmDeclared ? matched('father') : null);
  const parentsNotLinked = confirmDeclared ? [] : declared.filter((d) => d.facts !== null).map((d) => d.role);
  const [mother] = motherId === null ? [] : await findRegistryFacts(tx, [], [motherId]);
  const residence =
    mother && isWithinJurisdiction(mother.residenceRegionCode, user.jurisdictionCode)
      ? mother.residenceRegionCode
      : b.region_code;
  const household = mother?.householdId ? await visibleHousehold(tx, mother.householdId, mother.personId) : null;
  const parity = mother
    ? parityFromRegistry(
        {
          mother: (await findRegistryRelatives(tx, [mother.personId]))
            .filter((r) => r.relation === 'child')
            .map((r) => ({ personId: String(r.personId), name: r.name, birthDate: r.birthDate })),
          father: null,
        },
        { name: form.newborn.name, birthDate: form.newborn.birthDate },
      )
    : null;
  const idMasked = maskIdNumber(idNumber);
  let personId: number;
  try {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code,
         household_id, relation_to_head, parity, source, row_hash, quality_issues)
       VALUES ($1, $2, $3, 'resident', $4, $5, $6, $7, $8, $9, $10, $11, 'newbornBundle', '', cradle_quality_issues($9, $8, $7, $3, $12::date))
       RETURNING id`,
      [
        b.newborn_name,
        b.newborn_sex,
        b.birth_date,
        c.pii.encryptIdNumber(idNumber),
        blind,
        idMasked,
        b.region_code,
        residence,
        household?.id ?? null,
        household?.relation ?? null,
        parity,
        mother?.birthDate ?? null,
      ],
    );
    personId = Number(row!.id);
  } catch (e) {
    // Registered by someone else since the check above.
    if (isUniqueViolation(e, 'persons_id_blind_uq')) throw bundleError('bundle.newbornIdTaken');
    throw e;
  }
  if (motherId !== null || fatherId !== null)
    await tx.query('SELECT cradle_link_newborn_parents($1, $2, $3)', [personId, motherId, fatherId]);
  const [event] = await tx.query<{ id: number }>(
    "INSERT INTO registry_events (kind, person_id, region_code, payload) VALUES ('newbornRegistered', $1, $2, $3::jsonb) RETURNING id",
    [personId, b.region_code, JSON.stringify({ bundleId: b.id, residentId: b.resident_id, motherId, fatherId })],
  );
  await appendAudit(tx, {
    userId: user.id,
    username: user.username,
    jurisdictionCode: user.jurisdictionCode,
    clientIp,
    action: 'registry.registerNewborn',
    targetType: 'person',
    targetId: String(personId),
    outcome: 'success',
    details: {
      bundleId: b.id,
      motherId,
      fatherId,
      householdId: household?.id ?? null,
      declaredConfirmed: confirmDeclared,
      parentsNotLinked,
    },
  });
  return { personId, idMasked, eventId: Number(event!.id), motherId, fatherId, parentsNotLinked };
}

async function visibleHousehold(
  tx: Conn,
  householdId: number,
  motherId: number,
): Promise<{ id: number; relation: string } | null> {
  const [row] = await tx.query<{ id: number; mother_relation: string | null }>(
    'SELECT h.id, (SELECT relation_to_head FROM persons WHERE id = $2) AS mother_relation FROM households h WHERE h.id = $1',
    [householdId, motherId],
  );
  if (!row) return null;
  const relation =
    row.mother_relation === 'head' || row.mother_relation === 'spouse'
      ? 'child'
      : row.mother_relation === 'child'
        ? 'grandchild'
        : 'other';
  return { id: Number(row.id), relation };
}

/**
 * Parity of the mother's children from the registry's links, as the owner once the registration
 * committed: cradle_recompute_parity (migration 0001) reads and writes across jurisdictions,
 * so it is not granted to cradle_app (the import runs its upkeep the same way).
 */
export async function recomputeParity(database: Database, motherId: number): Promise<void> {
  await database.query('SELECT cradle_recompute_parity($1::bigint[])', [[motherId]]);
}
