import {
  ANNUAL_REPORT_DUE_READING,
  annualReportDueDate,
  chinaDateOf,
  DEFAULT_ANNUAL_REPORT_DUE,
  isAnnualReportDue,
  isAnnualReportOverdue,
  regionLevelOf,
  wasSubmittedLate,
  type Lang,
} from '@cradle/domain';
import type {
  AnnualReportDecision,
  AnnualReportDetail,
  AnnualReportList,
  AnnualReportSettings,
  AnnualReportSummary,
  ReportFigures,
} from '@cradle/contract';
import type { Readable } from 'node:stream';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { auditedXlsxExport } from '../exports/index.js';
import type { RegionService } from '../regions/index.js';
import { annualReportError } from './errors.js';
import { EXPORT_COLUMNS } from './export.js';
import { collectFigures, type FigureSources } from './figures.js';
import * as repo from './repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

/** The county a user's jurisdiction lies in (its first six digits): where the deadline is set. */
const countyOf = (code: string) => code.slice(0, 6);

/**
 * Township annual population-work reports (issue 15; 004 (二十六), 000 三): the county opens a
 * year, each township's report opens with its figures frozen, the township writes and submits
 * it, the county accepts it or sends it back with a reason; the daily job flags late ones.
 */
export function createAnnualReportService(deps: {
  database: Database;
  regions: RegionService;
  sources: FigureSources;
  now: () => Date;
}) {
  const { database, regions, sources, now } = deps;
  const today = () => chinaDateOf(now());
  const scoped = <T>(a: Actor, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const audit = (tx: Conn, a: Actor, action: string, id: number | null, details?: Record<string, unknown>) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType: 'annualReport',
      targetId: id === null ? null : String(id),
      outcome: 'success',
      details,
    });

  async function dueSetting(tx: Conn, code: string) {
    const set = await repo.findDueSetting(tx, countyOf(code));
    return { monthDay: set ?? DEFAULT_ANNUAL_REPORT_DUE, isDefault: set === null };
  }

  function summary(r: repo.ReportRow): AnnualReportSummary {
    const submittedOn = r.submittedAt ? chinaDateOf(r.submittedAt) : null;
    return {
      id: r.id,
      year: r.year,
      regionCode: r.regionCode,
      regionName: regions.name(r.regionCode),
      dueDate: r.dueDate,
      status: r.status,
      overdue: isAnnualReportOverdue(r, today()),
      submittedLate: wasSubmittedLate(r.dueDate, submittedOn),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      submittedByName: r.submittedByName,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedByName: r.decidedByName,
      decisionNote: r.decisionNote,
    };
  }
  const detail = (r: repo.ReportRow): AnnualReportDetail => ({
    ...summary(r),
    body: r.body,
    figures: r.figures as ReportFigures,
    openedByName: r.openedByName,
    openedAt: r.openedAt.toISOString(),
  });

  async function reportFor(tx: Conn, id: number, lock = false) {
    const r = await repo.findReport(tx, id, lock);
    if (!r) throw annualReportError('annualReport.notFound');
    return r;
  }

  const defaultYear = () => Number(today().slice(0, 4));

  async function list(a: Actor, year = defaultYear()): Promise<AnnualReportList> {
    return scoped(a, async (tx) => {
      const rows = (await repo.listReports(tx, year)).map(summary);
      const { monthDay } = await dueSetting(tx, a.user.jurisdictionCode);
      const county = regionLevelOf(a.user.jurisdictionCode) === 'county';
      const townships =
        county && regions.exists(a.user.jurisdictionCode) ? regions.childCodes(a.user.jurisdictionCode) : [];
      const opened = new Set(rows.map((r) => r.regionCode));
      return {
        year,
        dueDate: annualReportDueDate(year, monthDay),
        rows,
        notOpened: townships.filter((c) => !opened.has(c)).length,
      };
    });
  }

  return {
    today,
    list,

    exportXlsx(a: Actor, year: number | undefined, lang: Lang): Readable {
      const y = year ?? defaultYear();
      async function* pages() {
        yield (await list(a, y)).rows;
      }
      return auditedXlsxExport(database, a, lang, {
        action: 'annualReport.export',
        filter: { year: y },
        sheetName: lang === 'en' ? 'Annual reports' : '乡镇年度人口工作报告',
        columns: EXPORT_COLUMNS,
        pages: pages(),
      });
    },

    /** The county opens the year: each township's report, its figures read now and kept. */
    async open(a: Actor, year: number) {
      const county = a.user.jurisdictionCode;
      if (regionLevelOf(county) !== 'county' || !regions.exists(county))
        throw annualReportError('annualReport.notCounty');
      if (year > defaultYear()) throw annualReportError('annualReport.futureYear', { year });
      const { due, have } = await scoped(a, async (tx) => ({
        due: annualReportDueDate(year, (await dueSetting(tx, county)).monthDay),
        have: await repo.existingRegions(tx, year),
      }));
      const townships = regions.childCodes(county).filter((c) => !have.has(c));
      if (regions.childCodes(county).length === 0) throw annualReportError('annualReport.noCountyReports');
      // Figures are read first, each through its own service (one connection on PGlite), then
      // the reports are written in one transaction.
      const figures = new Map<string, ReportFigures>();
      for (const code of townships)
        figures.set(code, await collectFigures(sources, (fn) => scoped(a, fn), a.user, code, year, today()));
      return scoped(a, async (tx) => {
        let opened = 0;
        for (const code of townships) {
          const id = await repo.insertReport(tx, {
            year,
            regionCode: code,
            dueDate: due,
            figures: figures.get(code),
            by: a.user.id,
            byName: a.user.displayName,
          });
          if (id !== null) opened++;
        }
        await audit(tx, a, 'annualReport.open', null, { year, opened, dueDate: due });
        return { opened, year };
      });
    },

    detail: (a: Actor, id: number) =>
      scoped(a, async (tx) => {
        const r = await reportFor(tx, id);
        await audit(tx, a, 'annualReport.view', id);
        return detail(r);
      }),

    /** The township saves its draft (open or sent back). */
    save: (a: Actor, id: number, body: string) =>
      scoped(a, async (tx) => {
        const r = await reportFor(tx, id, true);
        if (r.status !== 'open' && r.status !== 'sentBack') throw annualReportError('annualReport.wrongStatus');
        await repo.saveBody(tx, id, body);
        await audit(tx, a, 'annualReport.save', id, { length: body.length });
        return detail((await repo.findReport(tx, id))!);
      }),

    submit: (a: Actor, id: number, body: string) =>
      scoped(a, async (tx) => {
        const r = await reportFor(tx, id, true);
        if (r.status !== 'open' && r.status !== 'sentBack') throw annualReportError('annualReport.wrongStatus');
        if (!body.trim()) throw annualReportError('annualReport.emptyBody');
        await repo.markSubmitted(tx, id, body, a.user.id, a.user.displayName);
        await audit(tx, a, 'annualReport.submit', id, { late: today() > r.dueDate });
        return detail((await repo.findReport(tx, id))!);
      }),

    decide: (a: Actor, id: number, d: AnnualReportDecision) =>
      scoped(a, async (tx) => {
        const r = await reportFor(tx, id, true);
        if (r.status !== 'submitted') throw annualReportError('annualReport.wrongStatus');
        const note = d.note?.trim() || null;
        if (d.decision === 'sendBack' && !note) throw annualReportError('annualReport.noteRequired');
        const status = d.decision === 'accept' ? 'accepted' : 'sentBack';
        await repo.markDecided(tx, id, status, a.user.id, a.user.displayName, note);
        await audit(tx, a, `annualReport.${d.decision}`, id, { note });
        return detail((await repo.findReport(tx, id))!);
      }),

    settings: (a: Actor, lang: Lang): Promise<AnnualReportSettings> =>
      scoped(a, async (tx) => {
        const s = await dueSetting(tx, a.user.jurisdictionCode);
        return {
          jurisdictionCode: countyOf(a.user.jurisdictionCode),
          dueMonthDay: s.monthDay,
          isDefault: s.isDefault,
          reading: lang === 'en' ? ANNUAL_REPORT_DUE_READING.en : ANNUAL_REPORT_DUE_READING.zh,
        };
      }),

    setSettings: async (a: Actor, monthDay: string, lang: Lang): Promise<AnnualReportSettings> => {
      if (!isAnnualReportDue(monthDay)) throw annualReportError('annualReport.badDue', { dueMonthDay: monthDay });
      if (regionLevelOf(a.user.jurisdictionCode) !== 'county') throw annualReportError('annualReport.notCounty');
      await scoped(a, async (tx) => {
        await repo.upsertDueSetting(tx, a.user.jurisdictionCode, monthDay, a.user.id, a.user.displayName);
        await audit(tx, a, 'annualReport.setDeadline', null, { dueMonthDay: monthDay });
      });
      return {
        jurisdictionCode: a.user.jurisdictionCode,
        dueMonthDay: monthDay,
        isDefault: false,
        reading: lang === 'en' ? ANNUAL_REPORT_DUE_READING.en : ANNUAL_REPORT_DUE_READING.zh,
      };
    },
  };
}

export type AnnualReportService = ReturnType<typeof createAnnualReportService>;
