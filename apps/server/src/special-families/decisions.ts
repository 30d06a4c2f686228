import { nextVisitDue, statusEffectiveFrom } from '@cradle/domain';
import type { DecisionBody, SpecialFamilyFileDetail } from '@cradle/contract';
import { appendAudit } from '../audit/index.js';
import { audit, type Actor, type Context } from './context.js';
import { specialFamilyError } from './errors.js';
import * as repo from './repo.js';

/**
 * The county's decisions (four eyes: never the proposer): confirm or reject a proposal, end a
 * confirmed file. Each is a new version of the status, in force from the next monthly period.
 */
export function createDecisions({ scoped, today, intervalFor, detailIn }: Context) {
  async function decide(
    a: Actor,
    id: number,
    from: 'proposed' | 'confirmed',
    to: 'confirmed' | 'rejected' | 'ended',
    body: DecisionBody,
  ): Promise<SpecialFamilyFileDetail> {
    const note = body.note?.trim() || null;
    if (to !== 'confirmed' && !note) throw specialFamilyError('specialFamily.noteRequired');
    return scoped(a, async (tx) => {
      const current = await detailIn(tx, a, id);
      if (current.status !== from) throw specialFamilyError('specialFamily.wrongStatus', { status: current.status });
      // Four eyes: the proposer never decides (the database holds it too: special_family_files_four_eyes_ck).
      if (from === 'proposed' && current.mine) throw specialFamilyError('specialFamily.sameDecider');
      const changed = await repo.setFileStatus(tx, id, from, to, { id: a.user.id, name: a.user.displayName }, note);
      if (!changed) throw specialFamilyError('specialFamily.wrongStatus');
      const day = today();
      const effectiveFrom = statusEffectiveFrom(day);
      await repo.insertStatusChange(tx, {
        fileId: id,
        regionCode: changed.regionCode,
        version: changed.version,
        status: to,
        effectiveFrom,
        by: a.user.id,
        byName: a.user.displayName,
        note,
      });
      // The first visit falls one interval after the confirmation (the jurisdiction's reading of 定期).
      if (to === 'confirmed')
        await repo.insertPlannedVisit(
          tx,
          id,
          changed.regionCode,
          nextVisitDue(day, await intervalFor(tx, changed.regionCode)),
        );
      await appendAudit(
        tx,
        audit(a, `specialFamily.${to === 'confirmed' ? 'confirm' : to === 'rejected' ? 'reject' : 'end'}`, String(id), {
          from,
          to,
          version: changed.version,
          effectiveFrom,
        }),
      );
      return detailIn(tx, a, id);
    });
  }

  return {
    confirm: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'proposed', 'confirmed', body),
    reject: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'proposed', 'rejected', body),
    /** A confirmed file ends (a later child, both parents died): payments stop from the next period. */
    end: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'confirmed', 'ended', body),
  };
}
