import { checkSpecialFamilyProposal, isWithinJurisdiction, normalizeIdNumber, parseIdNumber } from '@cradle/domain';
import type { SpecialFamilyFileDetail, SpecialFamilyProposal } from '@cradle/contract';
import { isUniqueViolation } from '../db/savepoint.js';
import { appendAudit } from '../audit/index.js';
import { AppError } from '../errors.js';
import { maskPhone } from '../notifications/index.js';
import { audit, type Actor, type Context } from './context.js';
import { specialFamilyError } from './errors.js';
import * as repo from './repo.js';

/**
 * A township worker proposes a file: the couple from the registry's links to the only child, the
 * two contacts (a worker's account checked, phones encrypted). Every reason to refuse at once,
 * nothing written.
 */
export function createProposal({ database, pii, now, scoped, today, detailIn }: Context) {
  /** The contacts' accounts, read before the scoped transaction (one connection on PGlite). */
  async function accountsOf(input: SpecialFamilyProposal['contacts']) {
    const names = [...new Set(input.map((c) => c.username?.trim()).filter((u): u is string => Boolean(u)))];
    const found = new Map<string, Awaited<ReturnType<typeof repo.findStaffUser>>>();
    for (const u of names) found.set(u, await repo.findStaffUser(database, u));
    return found;
  }

  /** Contacts as stored: a worker's account checked (of the family's township), phones encrypted. */
  function contactsOf(
    input: SpecialFamilyProposal['contacts'],
    accounts: Awaited<ReturnType<typeof accountsOf>>,
    familyRegion: string,
  ): repo.NewContact[] {
    return input.map((c) => {
      let userId: number | null = null;
      const username = c.username?.trim();
      if (username) {
        const u = accounts.get(username) ?? null;
        const township = familyRegion.slice(0, 9);
        const ok =
          u !== null &&
          !u.disabled &&
          u.roles.some((r) => r === 'townshipWorker' || r === 'villageWorker') &&
          (isWithinJurisdiction(familyRegion, u.jurisdictionCode) ||
            isWithinJurisdiction(u.jurisdictionCode, township));
        if (!ok) throw specialFamilyError('specialFamily.contactAccount', { username });
        userId = u.id;
      }
      const phone = c.phone?.replace(/[\s-]/g, '') || null;
      return {
        role: c.role,
        userId,
        name: c.name.trim(),
        organisation: c.organisation?.trim() || null,
        phoneCipher: phone ? pii.encryptPhone(phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
      };
    });
  }

  /** A township worker's proposal; refused with every reason at once, nothing written. */
  async function propose(a: Actor, input: SpecialFamilyProposal): Promise<SpecialFamilyFileDetail> {
    const parsed = parseIdNumber(normalizeIdNumber(input.childIdNumber), now());
    if (!parsed.ok) throw specialFamilyError('specialFamily.badIdNumber', { field: 'childIdNumber' });
    const blind = pii.idBlindIndex(parsed.value.idNumber);
    const accounts = await accountsOf(input.contacts);
    try {
      return await scoped(a, async (tx) => {
        const child = await repo.findPersonByBlind(tx, blind);
        if (!child) throw specialFamilyError('specialFamily.unknownChild');
        const parents = await repo.findParents(tx, child.id);
        const children = parents.length
          ? await repo.findChildrenOf(
              tx,
              parents.map((p) => p.id),
            )
          : [];
        const problems = checkSpecialFamilyProposal(
          {
            kind: input.kind,
            eventDate: input.eventDate,
            disabilityGrade: input.disabilityGrade ?? null,
            contacts: input.contacts,
          },
          {
            child,
            parents,
            otherChildren: children.filter((c) => c.id !== child.id).length,
          },
          today(),
        );
        if (problems.length > 0) {
          const first = problems[0]!;
          throw new AppError(first.code, 400, first.message, {
            problems: problems.map((p) => ({ code: p.code, field: p.field, clause: p.clause, message: p.message })),
          });
        }
        const mother = parents.find((p) => p.kind === 'mother') ?? null;
        const father = parents.find((p) => p.kind === 'father') ?? null;
        // The family lives where its living mother lives, else its father.
        const home = [mother, father].find((p) => p !== null && p.deathDate === null)!;
        if (!isWithinJurisdiction(home.residenceRegionCode, a.user.jurisdictionCode))
          throw specialFamilyError('specialFamily.outsideJurisdiction');
        const contacts = contactsOf(input.contacts, accounts, home.residenceRegionCode);
        const id = await repo.insertFile(tx, {
          regionCode: home.residenceRegionCode,
          kind: input.kind,
          childPersonId: child.id,
          motherPersonId: mother?.id ?? null,
          fatherPersonId: father?.id ?? null,
          eventDate: input.eventDate,
          disabilityGrade: input.kind === 'disabledChild' ? (input.disabilityGrade ?? null) : null,
          needs: [...new Set(input.needs ?? [])],
          proposedBy: a.user.id,
          proposedByName: a.user.displayName,
        });
        await repo.insertContacts(tx, id, home.residenceRegionCode, contacts);
        await repo.insertStatusChange(tx, {
          fileId: id,
          regionCode: home.residenceRegionCode,
          version: 1,
          status: 'proposed',
          effectiveFrom: today(),
          by: a.user.id,
          byName: a.user.displayName,
          note: null,
        });
        await appendAudit(
          tx,
          audit(a, 'specialFamily.propose', String(id), { kind: input.kind, contacts: contacts.length }),
        );
        return detailIn(tx, a, id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'special_family_files_child_uq')) throw specialFamilyError('specialFamily.alreadyOpen');
      throw e;
    }
  }

  return { propose, accountsOf, contactsOf };
}
