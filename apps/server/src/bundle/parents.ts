import type { NewbornBundleForm, ParentDeclaration, ParentRole } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { SessionResident } from '../portal/session.js';
import { findFamilyFacts, findRegistryRelatives, type RegistryFacts } from '../registry/family-repo.js';
import { blindOf, registryFactsOf, sameNamed, type Crypto } from './form.js';
import type { BundleRow } from './repo.js';
import type { BundleParentInput } from '@cradle/contract';

/** A field error in the domain's shape (field-errors.ts), for what only the server can check. */
export interface FieldProblem {
  field: string;
  code: string;
  message: { zh: string; en: string };
}

export interface ResolvedParent {
  declaration: ParentDeclaration;
  personId: number | null;
}

type Resolution = { parent: ResolvedParent } | { problem: FieldProblem };

/**
 * The parents as the form names them, from one look-up of the registry. `{ personId }` may be the
 * signed-in resident's own registry record or their registry spouse, nobody else's: a bound
 * account proves who the resident is, not who their neighbours are. Name and ID number then come
 * from the registry.
 *
 * A declared parent gets a person id only when the declaration is that same resident or spouse
 * (they could have chosen them). Anyone else's match stays unknown to the family: a person id
 * coming back would tell a stranger that a name and ID number go together (ADR 006), and only
 * public security, with the papers in hand, links a declared parent (newborn-registry.ts).
 */
export async function resolveParents(
  tx: Conn,
  c: Crypto,
  resident: SessionResident,
  inputs: { mother: BundleParentInput; father: BundleParentInput | null },
): Promise<{ mother: Resolution; father: Resolution | null }> {
  // The family's own records, in one round trip: picked parents are read from them, and a
  // declaration is compared with them only to see whether it is the family itself.
  const family = await findFamilyFacts(tx, resident.personId);
  const roles = (['mother', 'father'] as const).flatMap((role) => {
    const input = inputs[role];
    if (input === null) return [];
    const declaration =
      input.personId === undefined
        ? { name: input.name ?? '', idNumber: input.idNumber ?? '', phone: input.phone ?? null }
        : null;
    return [{ role, input, declaration }];
  });
  const resolve = ({ role, input, declaration }: (typeof roles)[number]): Resolution => {
    if (declaration) return { parent: { declaration, personId: familyMatch(c, family, declaration) } };
    const facts = family.find((f) => f.personId === input.personId);
    if (!facts) {
      return {
        problem: {
          field: `${role}.personId`,
          code: 'parent.notFamily',
          message: {
            zh: `${role === 'mother' ? '母亲' : '父亲'}：只能选择本人或配偶在人口库中的信息，其他人请填写姓名和公民身份号码`,
            en: `${role === 'mother' ? 'Mother' : 'Father'}: only yourself or your spouse can be chosen from the registry; give anyone else's name and ID number`,
          },
        },
      };
    }
    return {
      parent: {
        declaration: { name: facts.name, idNumber: c.pii.decryptIdNumber(facts.idCipher), phone: input.phone ?? null },
        personId: facts.personId,
      },
    };
  };
  const [mother, father] = roles.map(resolve);
  return { mother: mother!, father: inputs.father === null ? null : father! };
}

/** A parent the family declared (no person id on the bundle) and the registry person it matches, if any. */
export interface DeclaredMatch {
  role: ParentRole;
  declaration: ParentDeclaration;
  facts: RegistryFacts | null;
  /** The registry's count of their children (what public security weighs against the papers). */
  children: number;
}

/**
 * The bundle's declared parents with their registry matches, for public security alone: it
 * confirms identity with the papers in hand before a match is linked (newborn-registry.ts).
 * Parents chosen by person id (the resident, their spouse) are not here: they need no confirming.
 */
export async function declaredParents(
  tx: Conn,
  c: Crypto,
  b: Pick<BundleRow, 'mother_person_id' | 'father_person_id'>,
  form: NewbornBundleForm,
): Promise<DeclaredMatch[]> {
  const out: DeclaredMatch[] = [];
  for (const role of ['mother', 'father'] as const) {
    const declaration = form[role];
    if (declaration === null || b[`${role}_person_id`] !== null) continue;
    const facts = await registryFactsOf(tx, c, declaration);
    const children =
      facts === null
        ? 0
        : (await findRegistryRelatives(tx, [facts.personId])).filter((r) => r.relation === 'child').length;
    out.push({ role, declaration, facts, children });
  }
  return out;
}

/** The registry person a declaration names, when that is the resident or their spouse; otherwise null, whoever it matches. */
export async function familyPersonOf(
  tx: Conn,
  c: Crypto,
  resident: SessionResident,
  declaration: ParentDeclaration | null,
): Promise<number | null> {
  return declaration === null ? null : familyMatch(c, await findFamilyFacts(tx, resident.personId), declaration);
}

/** Of the family's registry records, the one a declaration names (same ID number, same name), if any. */
function familyMatch(c: Crypto, family: readonly RegistryFacts[], declaration: ParentDeclaration): number | null {
  const blind = family.length > 0 ? blindOf(c, declaration) : null;
  return blind ? (sameNamed(declaration, family, blind)?.personId ?? null) : null;
}
