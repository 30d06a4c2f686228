import {
  checkSpecialFamilyProposal,
  checkVisitDate,
  chinaDateOf,
  DEFAULT_VISIT_INTERVAL_MONTHS,
  isVisitInterval,
  isWithinJurisdiction,
  nextVisitDue,
  normalizeIdNumber,
  parseIdNumber,
  statusEffectiveFrom,
  VISIT_INTERVAL_READING,
  type Lang,
} from '@cradle/domain';
import type {
  DecisionBody,
  ServiceInput,
  SpecialFamilyExportQuery,
  SpecialFamilyFileDetail,
  SpecialFamilyProposal,
  SpecialFamilyQuery,
  VisitInput,
  VisitSettings,
} from '@cradle/contract';
import type { Readable } from 'node:stream';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { isUniqueViolation } from '../db/savepoint.js';
import type { Pii } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { auditedXlsxExport, offsetPages } from '../exports/index.js';
import { maskPhone } from '../notifications/index.js';
import { specialFamilyError } from './errors.js';
import { EXPORT_COLUMNS } from './export.js';
import * as repo from './repo.js';
import {
  countFiles,
  findContacts,
  findHistory,
  findServices,
  findVisits,
  listFiles,
  type FileFilter,
} from './views-repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

const audit = (a: Actor, action: string, targetId: string | null, details: Record<string, unknown> | null) => ({
  userId: a.user.id,
  username: a.user.username,
  jurisdictionCode: a.user.jurisdictionCode,
  clientIp: a.clientIp,
  action,
  targetType: 'specialFamilyFile',
  targetId,
  outcome: 'success' as const,
  details,
});

/** A village worker reads only the files they are a contact of (issue 16: "its own contacts"). */
const contactOnly = (user: SessionUser) =>
  user.roles.some((r) => r === 'countyAdmin' || r === 'townshipWorker') ? null : user.id;

/**
 * The special-family register (issue 16; REQUIREMENTS C4): a township worker proposes a file with
 * its two contacts, a county officer who did not propose it confirms or rejects it (four eyes),
 * contacts record visits and services, and every read is audited as a person's view is.
 */
export function createSpecialFamilyService(database: Database, pii: Pii, now: () => Date) {
  const scoped = <T>(a: Actor, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const today = () => chinaDateOf(now());

  async function intervalFor(tx: Conn, regionCode: string): Promise<number> {
    return (await repo.findVisitInterval(tx, regionCode))?.months ?? DEFAULT_VISIT_INTERVAL_MONTHS;
  }

  async function detailIn(tx: Conn, a: Actor, id: number): Promise<SpecialFamilyFileDetail> {
    const [f] = await listFiles(tx, { ids: [id], contactUserId: contactOnly(a.user), today: today() }, 1, 0);
    if (!f) throw specialFamilyError('specialFamily.notFound');
    const { proposedBy, ...summary } = f;
    return {
      ...summary,
      mine: proposedBy === a.user.id,
      visitIntervalMonths: await intervalFor(tx, f.regionCode),
      contacts: (await findContacts(tx, id)).map(({ userId: _u, ...c }) => c),
      visits: await findVisits(tx, id, today()),
      services: await findServices(tx, id),
      history: await findHistory(tx, id),
    };
  }

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
    /** A township worker's proposal; refused with every reason at once, nothing written. */
    async propose(a: Actor, input: SpecialFamilyProposal): Promise<SpecialFamilyFileDetail> {
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
        if (isUniqueViolation(e, 'special_family_files_child_uq'))
          throw specialFamilyError('specialFamily.alreadyOpen');
        throw e;
      }
    },

    confirm: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'proposed', 'confirmed', body),
    reject: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'proposed', 'rejected', body),
    /** A confirmed file ends (a later child, both parents died): payments stop from the next period. */
    end: (a: Actor, id: number, body: DecisionBody) => decide(a, id, 'confirmed', 'ended', body),

    /** Viewing a file is viewing the family's persons: audited as registry.viewPerson is. */
    detail: (a: Actor, id: number) =>
      scoped(a, async (tx) => {
        const d = await detailIn(tx, a, id);
        await appendAudit(tx, audit(a, 'specialFamily.view', String(id), null));
        return d;
      }),

    /** The list names families: audited with its filter and what it showed (issue 16). */
    list: (a: Actor, q: SpecialFamilyQuery) =>
      scoped(a, async (tx) => {
        const f: FileFilter = {
          status: q.status,
          overdue: q.overdue,
          contactUserId: contactOnly(a.user),
          today: today(),
        };
        const items = (await listFiles(tx, f, q.pageSize, (q.page - 1) * q.pageSize)).map(
          ({ proposedBy: _p, needs: _n, decisionNote: _d, ...s }) => s,
        );
        const total = await countFiles(tx, f);
        await appendAudit(
          tx,
          audit(a, 'specialFamily.list', null, {
            filter: { status: q.status ?? null, overdue: q.overdue ?? null, page: q.page },
            files: items.map((i) => i.id),
          }),
        );
        return { items, total, page: q.page, pageSize: q.pageSize };
      }),

    exportXlsx(a: Actor, q: SpecialFamilyExportQuery, lang: Lang): Readable {
      const f: FileFilter = {
        status: q.status,
        overdue: q.overdue,
        contactUserId: contactOnly(a.user),
        today: today(),
      };
      return auditedXlsxExport(database, a, lang, {
        action: 'specialFamily.export',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Special families' : '计划生育特殊家庭',
        columns: EXPORT_COLUMNS,
        pages: offsetPages((limit, offset) => scoped(a, (tx) => listFiles(tx, f, limit, offset))),
      });
    },

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

    settings: (a: Actor): Promise<VisitSettings> =>
      scoped(a, async (tx) => {
        const s = await repo.findVisitInterval(tx, a.user.jurisdictionCode);
        return {
          jurisdictionCode: s?.jurisdictionCode ?? a.user.jurisdictionCode,
          visitIntervalMonths: s?.months ?? DEFAULT_VISIT_INTERVAL_MONTHS,
          isDefault: s === null,
          reading: VISIT_INTERVAL_READING.zh,
        };
      }),

    async setSettings(a: Actor, months: number): Promise<VisitSettings> {
      if (!isVisitInterval(months)) throw specialFamilyError('specialFamily.visitInterval');
      await scoped(a, async (tx) => {
        await repo.upsertVisitInterval(tx, a.user.jurisdictionCode, months, {
          id: a.user.id,
          name: a.user.displayName,
        });
        await appendAudit(tx, {
          ...audit(a, 'specialFamily.setVisitInterval', null, { months }),
          targetType: 'setting',
        });
      });
      return this.settings(a);
    },
  };
}

export type SpecialFamilyService = ReturnType<typeof createSpecialFamilyService>;
