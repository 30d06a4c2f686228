import { checkVisitDate, chinaDateOf, nextVisitDue } from '@cradle/domain';
import type { ServiceInput, VisitInput } from '@cradle/contract';
import { appendAudit } from '../audit/index.js';
import { audit, type Actor, type Context } from './context.js';
import { specialFamilyError } from './errors.js';
import * as repo from './repo.js';
import { findContacts } from './views-repo.js';

/** Visits and services, recorded by a contact or the township on a confirmed file. */
export function createRecords({ scoped, today, detailIn }: Context) {
  return {
    /** A contact's (or the township's) visit: fills the planned one and plans the next. */
    recordVisit: (a: Actor, id: number, v: VisitInput) =>
      scoped(a, async (tx) => {
        const file = await detailIn(tx, a, id);
        if (file.status !== 'confirmed') throw specialFamilyError('specialFamily.wrongStatus', { status: file.status });
        const wrong = checkVisitDate(v.visitDate, chinaDateOf(new Date(file.proposedAt)), today());
        if (wrong) throw specialFamilyError('specialFamily.visitDate', { field: 'visitDate' }, wrong);
        const contactId = (await findContacts(tx, id)).find((c) => c.userId === a.user.id)?.id ?? null;
        const visit = {
          visitDate: v.visitDate,
          kind: v.kind,
          note: v.note?.trim() || null,
          contactId,
          by: a.user.id,
          byName: a.user.displayName,
        };
        await repo.recordPlannedVisit(tx, id, visit);
        await repo.insertPlannedVisit(tx, id, file.regionCode, nextVisitDue(v.visitDate, file.visitIntervalMonths));
        await appendAudit(tx, audit(a, 'specialFamily.visit', String(id), { visitDate: v.visitDate, kind: v.kind }));
        return detailIn(tx, a, id);
      }),

    recordService: (a: Actor, id: number, s: ServiceInput) =>
      scoped(a, async (tx) => {
        const file = await detailIn(tx, a, id);
        if (file.status !== 'confirmed') throw specialFamilyError('specialFamily.wrongStatus', { status: file.status });
        if (s.serviceDate > today()) throw specialFamilyError('specialFamily.serviceDate', { field: 'serviceDate' });
        await repo.insertService(tx, id, file.regionCode, {
          kind: s.kind,
          serviceDate: s.serviceDate,
          detail: s.detail?.trim() || null,
          by: a.user.id,
          byName: a.user.displayName,
        });
        await appendAudit(tx, audit(a, 'specialFamily.service', String(id), { kind: s.kind }));
        return detailIn(tx, a, id);
      }),
  };
}
