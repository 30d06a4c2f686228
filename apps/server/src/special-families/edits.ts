import { checkContacts, type SpecialFamilyProblem } from '@cradle/domain';
import type { ContactInput, DecisionBody, SpecialFamilyFileDetail, SpecialFamilyNeedsBody } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import { AppError } from '../errors.js';
import { audit, type Actor, type Context } from './context.js';
import { specialFamilyError } from './errors.js';
import type { createProposal } from './propose.js';
import * as repo from './repo.js';

const refuse = (problems: SpecialFamilyProblem[]) => {
  const first = problems[0]!;
  return new AppError(first.code, 400, first.message, {
    problems: problems.map((p) => ({ code: p.code, field: p.field, clause: p.clause, message: p.message })),
  });
};

/**
 * Changes after the proposal (issue 16): the needs, and the contacts (one joins, one leaves:
 * replacing a doctor is both). Only while the file is proposed or confirmed, by its township or
 * the county (routes.ts); each change audited with what was before and what is after. A contact
 * who leaves is kept with the day they left, so the contacts' history stays on the file.
 */
export function createEdits({ scoped, detailIn }: Context, proposal: ReturnType<typeof createProposal>) {
  async function editable(tx: Conn, a: Actor, id: number): Promise<SpecialFamilyFileDetail> {
    const f = await detailIn(tx, a, id);
    if (f.status !== 'proposed' && f.status !== 'confirmed')
      throw specialFamilyError('specialFamily.notEditable', { status: f.status });
    return f;
  }

  return {
    setNeeds: (a: Actor, id: number, body: SpecialFamilyNeedsBody) =>
      scoped(a, async (tx) => {
        const before = (await editable(tx, a, id)).needs;
        const after = [...new Set(body.needs)];
        await repo.setNeeds(tx, id, after);
        await appendAudit(tx, audit(a, 'specialFamily.needs', String(id), { before, after }));
        return detailIn(tx, a, id);
      }),

    async addContact(a: Actor, id: number, c: ContactInput): Promise<SpecialFamilyFileDetail> {
      const accounts = await proposal.accountsOf([c]);
      return scoped(a, async (tx) => {
        const f = await editable(tx, a, id);
        const problems = checkContacts([...f.contacts, c]);
        if (problems.length > 0) throw refuse(problems);
        const added = proposal.contactsOf([c], accounts, f.regionCode);
        await repo.insertContacts(tx, id, f.regionCode, added);
        const after = { role: c.role, name: added[0]!.name, hasAccount: added[0]!.userId !== null };
        await appendAudit(
          tx,
          audit(a, 'specialFamily.contactAdd', String(id), {
            before: f.contacts.map((x) => ({ id: x.id, role: x.role, name: x.name })),
            added: after,
          }),
        );
        return detailIn(tx, a, id);
      });
    },

    endContact: (a: Actor, id: number, contactId: number, body: DecisionBody) =>
      scoped(a, async (tx) => {
        const f = await editable(tx, a, id);
        const leaving = f.contacts.find((x) => x.id === contactId);
        if (!leaving) throw specialFamilyError('specialFamily.contactNotFound');
        // 双岗 must still hold without them: add the successor first.
        const problems = checkContacts(f.contacts.filter((x) => x.id !== contactId));
        if (problems.length > 0) throw refuse(problems);
        if (!(await repo.endContact(tx, id, contactId))) throw specialFamilyError('specialFamily.contactNotFound');
        await appendAudit(
          tx,
          audit(a, 'specialFamily.contactEnd', String(id), {
            before: { id: leaving.id, role: leaving.role, name: leaving.name },
            note: body.note?.trim() || null,
          }),
        );
        return detailIn(tx, a, id);
      }),
  };
}
