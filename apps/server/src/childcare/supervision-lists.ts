import type {
  IncidentView,
  RectificationExportQuery,
  RectificationQuery,
  RectificationView,
  SafetyRecord,
  SupervisedInstitution,
} from '@cradle/contract';
import {
  checklistItemLabel,
  incidentSeverityLabel,
  inspectionAreaLabel,
  institutionStatusLabel,
  institutionTypeLabel,
  ratingGradeLabel,
  rectificationOverdue,
  rectificationStateLabel,
  type InstitutionType,
  type Lang,
  type RatingGrade,
} from '@cradle/domain';
import type { Readable } from 'node:stream';
import type { Conn, Database } from '../db/client.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { auditedXlsxExport, column, offsetPages, wordColumn } from '../exports/index.js';
import { reachOf, type SupervisionService } from './supervision.js';
import { supervisionError } from './supervision-errors.js';
import * as sv from './supervision-repo.js';
import * as cl from './closure-repo.js';
import { majorIncidentsIn } from './safety-record.js';
import { createInstitutionExports } from './institution-exports.js';

interface Actor {
  user: SessionUser;
  clientIp: string;
}
const yes = { zh: '是', en: 'Yes' };
const no = { zh: '否', en: 'No' };

/** The supervision lists, their XLSX exports, the safety record and the slots in force. */
export function createSupervisionLists(deps: { database: Database; regions: RegionService; svc: SupervisionService }) {
  const { database, regions, svc } = deps;
  // A department operator's reach: education 幼儿园托班; an inspecting department its own areas.
  const typeFor = (u: SessionUser) => reachOf(u)?.type ?? null;
  const areasFor = (u: SessionUser) => reachOf(u)?.areas ?? null;
  const rectFilter = (u: SessionUser, q: RectificationExportQuery): sv.RectificationFilter => {
    const type = typeFor(u);
    const areas = areasFor(u);
    return {
      ...(q.state ? { state: q.state } : {}),
      ...(q.overdue ? { overdueOn: svc.today() } : {}),
      ...(u.roles.includes('institutionOperator') ? { ownerUserId: u.id } : {}),
      ...(type ? { type } : {}),
      ...(areas ? { areas } : {}),
    };
  };
  const rectPage = (u: SessionUser, q: RectificationExportQuery, limit: number, offset: number) =>
    svc.scoped(u, async (tx) => {
      const day = svc.today();
      return (await sv.listRectifications(tx, rectFilter(u, q), limit, offset)).map((r): RectificationView => ({
        ...r,
        regionName: svc.placeName(r.regionCode),
        overdue: rectificationOverdue(r, day),
      }));
    });
  const supervisedPage = (u: SessionUser, limit: number, offset: number) =>
    svc.scoped(u, async (tx) => {
      // An inspecting department reads the institution's facts and its own areas' counts, no rating.
      const ratings = reachOf(u)?.whole ?? true;
      const filter = { type: typeFor(u), areas: areasFor(u) };
      return (await cl.listSupervised(tx, svc.today(), filter, limit, offset)).map((r): SupervisedInstitution => ({
        id: r.id,
        name: r.name,
        regionName: svc.placeName(r.regionCode),
        address: r.address,
        type: r.type as InstitutionType,
        status: r.status,
        slots: r.slots,
        openRectifications: r.openRectifications,
        overdueRectifications: r.overdueRectifications,
        latestRating: ratings && r.ratingYear ? { year: r.ratingYear, grade: r.ratingGrade as RatingGrade } : null,
        lastInspectedOn: r.lastInspectedOn,
      }));
    });
  const incidentPage = (u: SessionUser, limit: number, offset: number) =>
    svc.scoped(u, async (tx) =>
      (await sv.listIncidents(tx, {}, limit, offset)).map((x): IncidentView => ({
        ...x,
        regionName: svc.placeName(x.regionCode),
      })),
    );

  const institutionExports = createInstitutionExports({ database, svc });

  return {
    /** One table of an institution's supervision page as XLSX (institution-exports.ts). */
    institutionXlsx: institutionExports.xlsx,
    async supervised(u: SessionUser, q: { page: number; pageSize: number }) {
      const items = await supervisedPage(u, q.pageSize, (q.page - 1) * q.pageSize);
      const total = await svc.scoped(u, (tx) => cl.countSupervised(tx, typeFor(u)));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
    supervisedXlsx(a: Actor, lang: Lang): Readable {
      return auditedXlsxExport<SupervisedInstitution>(database, a, lang, {
        action: 'childcare.exportSupervision',
        filter: {},
        sheetName: lang === 'en' ? 'Supervision' : '托育机构监管',
        columns: [
          column('机构名称', 'Institution', 24, (r) => r.name),
          column('所在地', 'Place', 16, (r) => r.regionName),
          column('地址', 'Address', 28, (r) => r.address),
          wordColumn('类型', 'Type', 18, (r) => institutionTypeLabel(r.type)),
          wordColumn('状态', 'Status', 10, (r) => institutionStatusLabel(r.status)),
          column('托位', 'Slots', 8, (r) => String(r.slots)),
          column('未销号整改', 'Open rectifications', 10, (r) => String(r.openRectifications)),
          column('逾期整改', 'Overdue', 10, (r) => String(r.overdueRectifications)),
          column('评估年度', 'Rating year', 10, (r) => (r.latestRating ? String(r.latestRating.year) : '')),
          wordColumn('评估等级', 'Grade', 10, (r) =>
            r.latestRating ? ratingGradeLabel(r.latestRating.grade) : { zh: '', en: '' },
          ),
          column('最近检查', 'Last inspected', 12, (r) => r.lastInspectedOn ?? ''),
        ],
        pages: offsetPages((limit, offset) => supervisedPage(a.user, limit, offset)),
      });
    },

    async rectifications(u: SessionUser, q: RectificationQuery) {
      const items = await rectPage(u, q, q.pageSize, (q.page - 1) * q.pageSize);
      const total = await svc.scoped(u, (tx) => sv.countRectifications(tx, rectFilter(u, q)));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
    rectificationsXlsx(a: Actor, q: RectificationExportQuery, lang: Lang): Readable {
      return auditedXlsxExport<RectificationView>(database, a, lang, {
        action: 'childcare.exportRectifications',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Rectifications' : '整改事项',
        columns: [
          column('机构名称', 'Institution', 24, (r) => r.institutionName),
          column('所在地', 'Place', 16, (r) => r.regionName),
          wordColumn('检查领域', 'Area', 14, (r) => inspectionAreaLabel(r.area)),
          wordColumn('检查项', 'Item', 28, (r) => checklistItemLabel(r.item)),
          column('整改要求', 'Requirement', 30, (r) => r.requirement),
          column('整改期限', 'Due', 12, (r) => r.dueOn),
          wordColumn('状态', 'State', 14, (r) => rectificationStateLabel(r.state)),
          wordColumn('已逾期', 'Overdue', 8, (r) => (r.overdue ? yes : no)),
        ],
        pages: offsetPages((limit, offset) => rectPage(a.user, q, limit, offset)),
      });
    },

    async incidents(u: SessionUser, q: { page: number; pageSize: number }) {
      const items = await incidentPage(u, q.pageSize, (q.page - 1) * q.pageSize);
      const total = await svc.scoped(u, (tx) => sv.countIncidents(tx));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
    incidentsXlsx(a: Actor, lang: Lang): Readable {
      return auditedXlsxExport<IncidentView>(database, a, lang, {
        action: 'childcare.exportIncidents',
        filter: {},
        sheetName: lang === 'en' ? 'Incidents' : '安全事故',
        columns: [
          column('发生日期', 'Occurred', 12, (r) => r.occurredOn),
          column('机构名称', 'Institution', 24, (r) => r.institutionName),
          column('所在地', 'Place', 16, (r) => r.regionName),
          wordColumn('等级', 'Class', 10, (r) => incidentSeverityLabel(r.severity)),
          column('经过', 'Summary', 40, (r) => r.summary),
          column('受伤人数', 'Injured', 8, (r) => String(r.injured)),
          column('死亡人数', 'Deaths', 8, (r) => String(r.deaths)),
        ],
        pages: offsetPages((limit, offset) => incidentPage(a.user, limit, offset)),
      });
    },

    /** 003 三(三) "近三年无重大安全事故发生": for a region of the user's jurisdiction and a year. */
    async safetyRecord(u: SessionUser, year: number, region?: string): Promise<SafetyRecord> {
      const code = region ?? u.jurisdictionCode;
      if (!regions.exists(code) || !code.startsWith(u.jurisdictionCode))
        throw supervisionError('childcareSupervision.region');
      const r = await svc.scoped(u, (tx: Conn) => majorIncidentsIn(tx, code, year));
      return {
        regionCode: code,
        regionName: regions.name(code),
        year,
        from: r.from,
        to: r.to,
        noMajorIncident: r.noMajorIncident,
        majorIncidents: r.majorIncidents.map((x) => ({ ...x, regionName: svc.placeName(x.regionCode) })),
      };
    },

    /** The slots in force under a region on a day: closed institutions count none from their date. */
    slotsInForce(u: SessionUser, region: string, day: string) {
      return svc.scoped(u, (tx) => cl.slotsInForce(tx, region, day));
    },
  };
}

export type SupervisionLists = ReturnType<typeof createSupervisionLists>;
