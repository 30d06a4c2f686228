import type { InspectionView, IncidentView, RatingView, RectificationView, SupervisionView } from '@cradle/contract';
import {
  checklistItemLabel,
  departmentLabel,
  incidentSeverityLabel,
  isDepartment,
  inspectionAreaLabel,
  ratingGradeLabel,
  rectificationStateLabel,
  type Lang,
} from '@cradle/domain';
import type { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import { auditedXlsxExport, column, wordColumn, type ExportActor, type ExportColumn } from '../exports/index.js';
import type { SupervisionService } from './supervision.js';

// One institution's supervision page (its inspections, rectifications, ratings and incidents),
// each table as XLSX: "every list a user sees exports to XLSX". The rows are the page's, read
// through the same view (row-level security, an institution's own account sees only its own,
// education only 幼儿园托班), and the access is decided before the first byte is sent, so another
// institution's list is refused with 404, not cut off mid-file. Each export is audited with the
// institution and the row count.

export const INSTITUTION_LISTS = ['inspections', 'rectifications', 'ratings', 'incidents'] as const;
export type InstitutionList = (typeof INSTITUTION_LISTS)[number];

const yes = { zh: '是', en: 'Yes' };
const no = { zh: '否', en: 'No' };
// The inspecting department in the page's words (childcareSupervision.departments in the console).
const DEPARTMENTS: Record<string, { zh: string; en: string }> = {
  healthCommission: { zh: '卫生健康部门', en: 'Health commission' },
  education: { zh: '教育部门', en: 'Education' },
  fireRescue: { zh: '消防救援部门', en: 'Fire and rescue' },
  marketRegulation: { zh: '市场监管部门', en: 'Market regulation' },
  emergencyManagement: { zh: '应急管理部门', en: 'Emergency management' },
  housing: { zh: '住房城乡建设部门', en: 'Housing' },
  diseaseControl: { zh: '疾病预防控制部门', en: 'Disease control' },
};
const department = (d: string) => DEPARTMENTS[d] ?? (isDepartment(d) ? departmentLabel(d) : { zh: d, en: d });

/** The failed checklist items of an inspection, as the page lists them; 无 when it passed. */
const findings = (r: InspectionView, lang: Lang) =>
  r.findings
    .filter((x) => x.result === 'fail')
    .map((x) => checklistItemLabel(x.item)[lang === 'en' ? 'en' : 'zh'])
    .join(lang === 'en' ? '; ' : '；') || (lang === 'en' ? 'None' : '无');

interface Sheet<R> {
  rows: (v: SupervisionView) => readonly R[];
  zh: string;
  en: string;
  columns: readonly ExportColumn<R>[];
}

const INSPECTIONS: Sheet<InspectionView> = {
  rows: (v) => v.inspections,
  zh: '检查记录',
  en: 'Inspections',
  columns: [
    column('检查日期', 'Inspected on', 12, (r) => r.inspectedOn),
    wordColumn('检查领域', 'Area', 14, (r) => inspectionAreaLabel(r.area)),
    wordColumn('检查部门', 'Department', 14, (r) => department(r.department)),
    column('检查人', 'Inspector', 18, (r) => r.inspectorName),
    wordColumn('结果', 'Result', 10, (r) => (r.passed ? { zh: '合格', en: 'Passed' } : { zh: '不合格', en: 'Failed' })),
    { header: { zh: '不合格项', en: 'Failed items' }, width: 40, cell: findings },
    column('备注', 'Note', 30, (r) => r.note ?? ''),
  ],
};

const RECTIFICATIONS: Sheet<RectificationView> = {
  rows: (v) => v.rectifications,
  zh: '整改事项',
  en: 'Rectifications',
  columns: [
    wordColumn('检查领域', 'Area', 14, (r) => inspectionAreaLabel(r.area)),
    wordColumn('检查项', 'Item', 28, (r) => checklistItemLabel(r.item)),
    column('整改要求', 'Requirement', 30, (r) => r.requirement),
    column('整改期限', 'Due', 12, (r) => r.dueOn),
    wordColumn('状态', 'State', 14, (r) => rectificationStateLabel(r.state)),
    wordColumn('已逾期', 'Overdue', 8, (r) => (r.overdue ? yes : no)),
    column('报告整改日期', 'Reported on', 12, (r) => r.reportedOn ?? ''),
    column('整改说明', 'Report', 30, (r) => r.reportNote ?? ''),
    column('销号日期', 'Closed on', 12, (r) => r.closedOn ?? ''),
  ],
};

const RATINGS: Sheet<RatingView> = {
  rows: (v) => v.ratings,
  zh: '质量评估',
  en: 'Ratings',
  columns: [
    column('评估年度', 'Year', 10, (r) => String(r.year)),
    wordColumn('评估等级', 'Grade', 10, (r) => ratingGradeLabel(r.grade)),
    column('评估日期', 'Rated on', 12, (r) => r.ratedOn),
    column('评估人', 'Rated by', 18, (r) => r.ratedByName),
    column('说明', 'Note', 30, (r) => r.note ?? ''),
  ],
};

const INCIDENTS: Sheet<IncidentView> = {
  rows: (v) => v.incidents,
  zh: '安全事故',
  en: 'Incidents',
  columns: [
    column('发生日期', 'Occurred', 12, (r) => r.occurredOn),
    wordColumn('等级', 'Class', 10, (r) => incidentSeverityLabel(r.severity)),
    column('经过', 'Summary', 40, (r) => r.summary),
    column('受伤人数', 'Injured', 8, (r) => String(r.injured)),
    column('死亡人数', 'Deaths', 8, (r) => String(r.deaths)),
    column('登记人', 'Recorded by', 18, (r) => r.recordedByName),
  ],
};

/** A sheet's export, typed by its rows; the lists' table below then holds them side by side. */
const exportOf =
  <R>(sheet: Sheet<R>) =>
  (database: Database, a: ExportActor, lang: Lang, action: string, id: number, view: SupervisionView): Readable => {
    const rows = sheet.rows(view);
    return auditedXlsxExport<R>(database, a, lang, {
      action,
      filter: { institutionId: id },
      sheetName: lang === 'en' ? sheet.en : sheet.zh,
      columns: sheet.columns,
      pages: (async function* () {
        if (rows.length) yield rows;
      })(),
    });
  };

const SHEETS = {
  inspections: { zh: INSPECTIONS.zh, write: exportOf(INSPECTIONS) },
  rectifications: { zh: RECTIFICATIONS.zh, write: exportOf(RECTIFICATIONS) },
  ratings: { zh: RATINGS.zh, write: exportOf(RATINGS) },
  incidents: { zh: INCIDENTS.zh, write: exportOf(INCIDENTS) },
} satisfies Record<InstitutionList, unknown>;

/** The file's name: the list and the institution's id (its name may hold any character). */
export const institutionListFileName = (list: InstitutionList, id: number) => ({
  zh: `${SHEETS[list].zh}-${id}`,
  en: `childcare-${list}-${id}`,
});

export function createInstitutionExports(deps: { database: Database; svc: SupervisionService }) {
  return {
    /** One table of the institution's page as XLSX; refuses (404) an institution the user may not see. */
    xlsx: async (a: ExportActor, id: number, list: InstitutionList, lang: Lang): Promise<Readable> => {
      const view = await deps.svc.read(a.user, id);
      const action = `childcare.exportInstitution${list[0]!.toUpperCase()}${list.slice(1)}`;
      return SHEETS[list].write(deps.database, a, lang, action, id, view);
    },
  };
}

export type InstitutionExports = ReturnType<typeof createInstitutionExports>;
