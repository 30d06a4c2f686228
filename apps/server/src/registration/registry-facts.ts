import {
  normalizeIdNumber,
  type EarlierRegistration,
  type ParentDeclaration,
  type ParentFacts,
  type RegistryChild,
  type RegistryFacts,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { Pii } from '../crypto/pii.js';
import {
  findFamilyFacts,
  type RegistryFacts as RegistryPerson,
  type RegistryRelative,
} from '../registry/family-repo.js';
import type { FieldError } from './errors.js';
import type { RegistrationContext } from './lookups-repo.js';
import type { ParentInput } from '@cradle/contract';

/** A parent as the domain checks them, and the registry person the family picked, if it did. */
export interface ResolvedParent extends ParentDeclaration {
  chosenPersonId: number | null;
}

type Role = 'mother' | 'father';

/**
 * The registry persons a resident may pick and whose registry facts the prefill shows them: the
 * person they are bound to and the spouses the registry links to that person. Empty when unbound.
 */
export async function familyOf(tx: Conn, boundPersonId: number | null): Promise<Set<number>> {
  return new Set((await findFamilyFacts(tx, boundPersonId)).map((p) => p.personId));
}

/**
 * The body's parents as declarations. A parent picked from the prefill ({personId}) must be the
 * bound resident or a spouse the registry links to them (`family`: findFamilyFacts of the bound
 * resident): their name and ID number are read from the registry, so a family never types again
 * what the registry holds (issue 4), and no one can name another family's member by id.
 */
export function resolveParents(
  pii: Pii,
  family: readonly RegistryPerson[],
  inputs: { mother: ParentInput; father: ParentInput | null },
): { mother: ResolvedParent | null; father: ResolvedParent | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const resolve = (role: Role): ResolvedParent | null => {
    const input = inputs[role];
    if (input === null) return null;
    if (!('personId' in input))
      return { name: input.name, idNumber: input.idNumber, phone: input.phone ?? null, chosenPersonId: null };
    const person = family.find((p) => p.personId === input.personId);
    if (!person) {
      errors.push({
        field: role,
        code: 'parent.notInFamily',
        message: {
          zh: `${role === 'mother' ? '母亲' : '父亲'}：只能选择本人或人口库中登记的配偶，其他人请填写姓名和公民身份号码`,
          en: `${role === 'mother' ? 'Mother' : 'Father'}: pick only yourself or the spouse the registry links to you; enter anyone else's name and ID number`,
        },
      });
      return null;
    }
    return {
      name: person.name,
      idNumber: pii.decryptIdNumber(person.idCipher),
      phone: null,
      chosenPersonId: person.personId,
    };
  };
  return { mother: resolve('mother'), father: resolve('father'), errors };
}

export interface GatheredFacts {
  facts: RegistryFacts;
  /** The registry persons holding the declared ID numbers, when it knows them. */
  mother: RegistryPerson | null;
  father: RegistryPerson | null;
  children: RegistryRelative[];
}

/** What the registry holds for the parents' ID numbers, wherever registered, as the domain's check reads it. */
export function gatherRegistryFacts(
  pii: Pii,
  mother: ParentDeclaration,
  father: ParentDeclaration | null,
  ctx: RegistrationContext,
): GatheredFacts {
  const blinds = [mother, father].flatMap((p) => (p === null ? [] : [pii.idBlindIndex(normalizeIdNumber(p.idNumber))]));
  const found = [...ctx.family, ...ctx.declared];
  const byBlind = (b: Buffer | undefined) => (b === undefined ? null : (found.find((f) => f.blind.equals(b)) ?? null));
  const m = byBlind(blinds[0]);
  const f = father === null ? null : byBlind(blinds[1]);
  const factsOf = (p: RegistryPerson | null): ParentFacts =>
    p === null
      ? { known: false }
      : {
          known: true,
          name: p.name,
          sex: p.sex,
          birthDate: p.birthDate,
          children: ctx.children.filter((c) => c.ofPersonId === p.personId).map(registryChild),
        };
  return {
    facts: { mother: factsOf(m), father: father === null ? null : factsOf(f), earlierRegistrations: ctx.earlier },
    mother: m,
    father: f,
    children: ctx.children,
  };
}

export const registryChild = (c: RegistryRelative): RegistryChild => ({
  personId: String(c.personId),
  name: c.name,
  birthDate: c.birthDate,
});
