import type { Lang } from '@cradle/domain';
import type { SpecialFamilyExportQuery, SpecialFamilyQuery } from '@cradle/contract';
import type { Readable } from 'node:stream';
import { appendAudit } from '../audit/index.js';
import { auditedXlsxExport, offsetPages } from '../exports/index.js';
import { audit, contactOnly, type Actor, type Context } from './context.js';
import { EXPORT_COLUMNS } from './export.js';
import { countFiles, listFiles, type FileFilter } from './views-repo.js';

/** A file, the list and its export: each read audited as viewing a person is (issue 16). */
export function createReads({ database, scoped, today, detailIn }: Context) {
  return {
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
  };
}
