import { parentAgreesWithRegistry, withoutRegistrySide, type RegistryConflict } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import {
  findPersonIdsInScope,
  findRegistryFacts,
  findRegistryRelatives,
  type RegistryFacts as RegistryPerson,
} from '../registry/index.js';
import { findRegistrationNosInScope, type RegistrationRow } from './repo.js';
import type { StaffRegistrationDetail } from '@cradle/contract';
import { childView, personView } from './views.js';

// Need to know (issue 11; PIPL art. 6): a family may type anyone's ID number, and the registry
// finds that person wherever registered. The worker sees a record's details only where their
// jurisdiction holds it, as GET /api/persons/:id would show it; elsewhere only whether it agrees
// with the declaration. The same for the conflicts found at submission, which quote the record.

type Match = StaffRegistrationDetail['registryMatches']['mother'];

/** What the registry holds now for each declared ID number, and whose records were read (for the audit entry). */
export interface RegistryMatches {
  matches: StaffRegistrationDetail['registryMatches'];
  /** The conflicts as this worker may see them. */
  conflicts: RegistryConflict[];
  /** The matched parents and their children: every registry person whose record the detail read. */
  personIds: number[];
}

const UNKNOWN: Match = {
  known: false,
  inJurisdiction: false,
  matchesDeclared: null,
  childrenOutside: 0,
  personId: null,
  name: null,
  sex: null,
  age: null,
  idMasked: null,
  hukouRegion: null,
  residenceRegion: null,
  children: [],
};

/** A registration number quoted by an earlier-registration conflict (`SY…`, README "Readings we chose"). */
const registrationNoIn = (c: RegistryConflict) =>
  c.code === 'childAlreadyRegistered' ? (/^SY\d+(?= )/.exec(c.seen.registry ?? '')?.[0] ?? null) : null;

/** Looked up by blind index wherever registered; shown as the worker's jurisdiction allows. */
export async function readRegistryMatches(
  tx: Conn,
  deps: FamilyServiceDeps,
  r: RegistrationRow,
  today: string,
): Promise<RegistryMatches> {
  const { regions, pii } = deps;
  const blinds = [r.motherIdBlindIndex, r.fatherIdBlindIndex].filter((b): b is Buffer => b !== null);
  const persons = await findRegistryFacts(tx, blinds);
  const children = (
    await findRegistryRelatives(
      tx,
      persons.map((p) => p.personId),
    )
  ).filter((c) => c.relation === 'child');
  const personIds = [...new Set([...persons, ...children].map((p) => p.personId))].sort((a, b) => a - b);
  const inScope = await findPersonIdsInScope(tx, personIds);
  const earlierNos = r.conflicts.map(registrationNoIn).filter((n): n is string => n !== null);
  const registrationsInScope = await findRegistrationNosInScope(tx, earlierNos);

  const match = (blind: Buffer, declaredName: string): Match => {
    const p: RegistryPerson | undefined = persons.find((x) => x.blind.equals(blind));
    if (!p) return UNKNOWN;
    const own = children.filter((c) => c.ofPersonId === p.personId);
    const shown = inScope.has(p.personId) ? own.filter((c) => inScope.has(c.personId)) : [];
    const facts = { known: true as const, name: p.name, sex: p.sex, birthDate: p.birthDate, children: [] };
    const verdict = {
      matchesDeclared: parentAgreesWithRegistry(declaredName, pii.decryptIdNumber(p.idCipher), facts),
      childrenOutside: own.length - shown.length,
    };
    if (!inScope.has(p.personId)) return { ...UNKNOWN, known: true, ...verdict };
    return {
      known: true,
      inJurisdiction: true,
      ...verdict,
      ...personView(regions, p, today),
      children: shown.map((c) => childView(c, today)),
    };
  };
  const mother = match(r.motherIdBlindIndex, r.motherName);
  const father = r.fatherIdBlindIndex ? match(r.fatherIdBlindIndex, r.fatherName ?? '') : null;

  // A record outside the jurisdiction (a parent, or a child the couple's conflicts may name) keeps its content hidden.
  const outside = {
    mother: mother.known && !mother.inJurisdiction,
    father: father !== null && father.known && !father.inJurisdiction,
  };
  const familyOutside = outside.mother || outside.father || personIds.some((id) => !inScope.has(id));
  const hidden = (c: RegistryConflict): boolean => {
    const no = registrationNoIn(c);
    if (no !== null) return !registrationsInScope.has(no);
    if (c.subject === 'child' || c.code === 'parentsChildrenDiffer') return familyOutside;
    return c.subject === 'mother' ? outside.mother : outside.father;
  };
  return {
    matches: { mother, father },
    conflicts: r.conflicts.map((c) => (hidden(c) ? withoutRegistrySide(c) : c)),
    personIds,
  };
}
