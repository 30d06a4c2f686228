import { parseIdNumber, canWrite, isWithinJurisdiction } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { Pii } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { registryError } from './errors.js';
import { AppError } from '../errors.js';
import * as repo from './repo.js';
import type { Readable } from 'node:stream';
import type { Lang } from '@cradle/domain';
import { auditedXlsxExport, keysetPages } from '../exports/index.js';
import { personColumns } from './export-columns.js';
import type { PersonDetail, PersonExportQuery, PersonSearchQuery, PersonSummary } from '@cradle/contract';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

export function createRegistryService(database: Database, pii: Pii, regions: RegionService) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  const region = (code: string) => ({ code, name: regions.name(code) });
  const summary = (r: repo.PersonRow): PersonSummary => ({
    id: Number(r.id),
    name: r.name,
    sex: r.sex,
    age: Number(r.age),
    idNumberMasked: r.id_masked,
    idKind: r.id_kind as PersonSummary['idKind'],
    hukouRegion: region(r.hukou_region_code),
    residenceRegion: region(r.residence_region_code),
    parity: r.parity === null ? null : Number(r.parity),
  });
  const ref = (r: repo.PersonRow) => ({
    id: Number(r.id),
    name: r.name,
    sex: r.sex,
    age: Number(r.age),
    idNumberMasked: r.id_masked,
    parity: r.parity === null ? null : Number(r.parity),
  });
  const audit = (a: Actor, action: string, targetId: string | null, details: Record<string, unknown> | null) => ({
    userId: a.user.id,
    username: a.user.username,
    jurisdictionCode: a.user.jurisdictionCode,
    clientIp: a.clientIp,
    action,
    targetType: 'person',
    targetId,
    outcome: 'success' as const,
    details,
  });

  /** A look-up of a person the user may not see is refused and recorded (outside the rolled-back transaction). */
  const recordingRefusal = async <T>(a: Actor, action: string, id: number, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError && err.code === 'registry.personNotFound')
        await appendAudit(database, { ...audit(a, action, String(id), null), outcome: 'denied' });
      throw err;
    }
  };

  /** The search's filter, checked: a malformed ID number or a region outside the jurisdiction is refused. */
  const filterOf = (a: Actor, q: PersonExportQuery): repo.PersonFilter => {
    let idBlindIndex: Buffer | undefined;
    if (q.idNumber) {
      const parsed = parseIdNumber(q.idNumber);
      if (!parsed.ok) throw registryError('registry.invalidIdNumber', { reason: parsed.code }, parsed.message);
      idBlindIndex = pii.idBlindIndex(parsed.value.idNumber);
    }
    if (
      q.region &&
      !isWithinJurisdiction(q.region, a.user.jurisdictionCode) &&
      !isWithinJurisdiction(a.user.jurisdictionCode, q.region)
    ) {
      throw registryError('registry.regionOutsideJurisdiction');
    }
    return { name: q.name?.trim() || undefined, idBlindIndex, regionCode: q.region };
  };

  return {
    async search(a: Actor, q: PersonSearchQuery) {
      const filter = filterOf(a, q);
      const idBlindIndex = filter.idBlindIndex;
      return withScope(database, scope(a), async (tx) => {
        const { total, items } = await repo.searchPersons(tx, filter, q.page, q.pageSize);
        // Looking a person up by full ID number confirms who they are: audited.
        if (idBlindIndex)
          await appendAudit(
            tx,
            audit(a, 'registry.searchByIdNumber', items[0] ? String(items[0].id) : null, { found: total }),
          );
        return { items: items.map(summary), total, page: q.page, pageSize: q.pageSize };
      });
    },

    /** The search's results as a streamed workbook (exports/), audited with the filter and row count. */
    exportXlsx(a: Actor, q: PersonExportQuery, lang: Lang): Readable {
      const filter = filterOf(a, q);
      const pages = keysetPages(
        (after: number | undefined, limit) =>
          withScope(database, scope(a), (tx) => repo.listPersonsAfter(tx, filter, after ?? 0, limit)),
        (r) => Number(r.id),
      );
      return auditedXlsxExport(database, a, lang, {
        action: 'registry.exportPersons',
        // Never the ID number itself: only that the search was by one.
        filter: { name: filter.name ?? null, region: q.region ?? null, byIdNumber: Boolean(q.idNumber) },
        sheetName: lang === 'en' ? 'Persons' : '人员',
        columns: personColumns((code) => regions.name(code)),
        pages,
      });
    },

    async detail(a: Actor, id: number): Promise<PersonDetail> {
      return recordingRefusal(a, 'registry.viewPerson', id, () =>
        withScope(database, scope(a), async (tx) => {
          const p = await repo.findPerson(tx, id);
          if (!p) throw registryError('registry.personNotFound');
          const hh = p.household_id ? await repo.findHousehold(tx, Number(p.household_id)) : undefined;
          const links = await repo.findRelationships(tx, id);
          await appendAudit(tx, audit(a, 'registry.viewPerson', String(id), null));
          return {
            ...summary(p),
            birthDate: p.birth_date,
            ethnicity: p.ethnicity,
            relationToHead: p.relation_to_head,
            household: hh
              ? {
                  id: Number(hh.id),
                  householdNo: hh.household_no,
                  address: hh.address,
                  region: region(hh.region_code),
                  members: hh.members.map((m) => ({ ...ref(m), relationToHead: m.relation_to_head })),
                }
              : null,
            relationships: links.map((l) => ({
              kind: (l.kind === 'spouse' ? 'spouse' : l.direction === 'out' ? 'child' : l.kind) as
                'spouse' | 'mother' | 'father' | 'child',
              person: l.id ? ref(l as repo.PersonRow) : null,
            })),
          };
        }),
      );
    },

    async revealIdNumber(a: Actor, id: number, reason: string): Promise<string> {
      if (!canWrite(a.user.roles)) throw registryError('registry.readOnly');
      return recordingRefusal(a, 'registry.revealIdNumber', id, () =>
        withScope(database, scope(a), async (tx) => {
          const cipher = await repo.findPersonCipher(tx, id);
          if (!cipher) throw registryError('registry.personNotFound');
          await appendAudit(tx, audit(a, 'registry.revealIdNumber', String(id), { reason }));
          return pii.decryptIdNumber(cipher);
        }),
      );
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
