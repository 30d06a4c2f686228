import type {
  FilingContentView,
  FilingQueueExportQuery,
  FilingQueueItem,
  FilingQueueQuery,
  InstitutionExportQuery,
  InstitutionListItem,
  InstitutionQuery,
  PublicInstitutionList,
} from '@cradle/contract';
import {
  deadlineState,
  filingKindLabel,
  filingStateLabel,
  institutionStatusLabel,
  institutionTypeLabel,
  operatorFormLabel,
  type Lang,
} from '@cradle/domain';
import type { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { auditedXlsxExport, column, offsetPages, wordColumn } from '../exports/index.js';
import { childcareError } from './errors.js';
import * as repo from './repo.js';
import { latestRatings } from './closure-repo.js';

interface Actor {
  user: SessionUser;
  clientIp: string;
}

/** The county's queue, its institutions, their exports, and the public disclosure (信息公示). */
export function createChildcareLists(deps: { database: Database; regions: RegionService; today: () => string }) {
  const { database, regions, today } = deps;
  const scoped = <T>(user: SessionUser, fn: Parameters<typeof withScope<T>>[2]) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);
  const placeName = (code: string) =>
    regions
      .path(code)
      .filter((r) => r.level === 'township' || r.level === 'village')
      .map((r) => r.name)
      .join('');

  const queueItem = (r: repo.QueueRow, day: string): FilingQueueItem => {
    const reviewState = r.state === 'received' ? deadlineState(r.reviewDeadline, day) : null;
    const correctionState =
      r.state === 'sentBack' && r.correctionDeadline ? deadlineState(r.correctionDeadline, day) : null;
    return {
      id: r.id,
      institutionId: r.institutionId,
      name: r.name,
      uscc: r.uscc,
      regionName: placeName(r.regionCode),
      version: r.version,
      kind: r.kind,
      state: r.state,
      receivedOn: r.receivedOn,
      reviewDeadline: r.reviewDeadline,
      reviewState,
      correctionDeadline: r.correctionDeadline,
      correctionState,
      overdue: reviewState === 'overdue' || correctionState === 'overdue',
    };
  };

  const institutionItem = (r: repo.InstitutionListRow): InstitutionListItem => {
    const c = r.content as FilingContentView;
    return {
      id: r.id,
      uscc: r.uscc,
      name: r.name,
      regionCode: r.regionCode,
      regionName: placeName(r.regionCode),
      type: c.type,
      operatorForm: c.operatorForm,
      status: r.status,
      filingNo: r.filingNo,
      slots: c.slots,
      affordableSlots: c.affordableSlots,
      enrolled: Number(r.enrolled),
      latestVersion: r.latestVersion,
      latestState: r.latestState,
      latestKind: r.latestKind,
    };
  };

  const queuePage = (user: SessionUser, q: FilingQueueExportQuery, limit: number, offset: number) =>
    scoped(user, async (tx) =>
      (await repo.listQueue(tx, q.state ?? 'received', limit, offset)).map((r) => queueItem(r, today())),
    );
  const institutionPage = (user: SessionUser, q: InstitutionExportQuery, limit: number, offset: number) =>
    scoped(user, async (tx) => (await repo.listInstitutions(tx, q.status, limit, offset)).map(institutionItem));

  return {
    async queue(user: SessionUser, q: FilingQueueQuery) {
      const items = await queuePage(user, q, q.pageSize, (q.page - 1) * q.pageSize);
      const total = await scoped(user, (tx) => repo.countQueue(tx, q.state ?? 'received'));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    queueXlsx(a: Actor, q: FilingQueueExportQuery, lang: Lang): Readable {
      const yes = { zh: '是', en: 'Yes' };
      const no = { zh: '否', en: 'No' };
      return auditedXlsxExport<FilingQueueItem>(database, a, lang, {
        action: 'childcare.exportQueue',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Filings' : '托育机构备案',
        columns: [
          column('机构名称', 'Institution', 24, (r) => r.name),
          column('统一社会信用代码', 'Credit code', 22, (r) => r.uscc),
          column('所在地', 'Place', 16, (r) => r.regionName),
          wordColumn('事项', 'Kind', 12, (r) => filingKindLabel(r.kind)),
          column('版本', 'Version', 6, (r) => String(r.version)),
          wordColumn('状态', 'State', 12, (r) => filingStateLabel(r.state)),
          column('收到日期', 'Received', 12, (r) => r.receivedOn),
          column('办理时限', 'Review due', 12, (r) => r.reviewDeadline),
          column('补正时限', 'Correction due', 12, (r) => r.correctionDeadline ?? ''),
          wordColumn('已逾期', 'Overdue', 8, (r) => (r.overdue ? yes : no)),
        ],
        pages: offsetPages((limit, offset) => queuePage(a.user, q, limit, offset)),
      });
    },

    async institutions(user: SessionUser, q: InstitutionQuery) {
      const items = await institutionPage(user, q, q.pageSize, (q.page - 1) * q.pageSize);
      const total = await scoped(user, (tx) => repo.countInstitutions(tx, q.status));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    institutionsXlsx(a: Actor, q: InstitutionExportQuery, lang: Lang): Readable {
      return auditedXlsxExport<InstitutionListItem>(database, a, lang, {
        action: 'childcare.exportInstitutions',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Institutions' : '托育机构',
        columns: [
          column('备案编号', 'Filing number', 18, (r) => r.filingNo ?? ''),
          column('机构名称', 'Institution', 24, (r) => r.name),
          column('统一社会信用代码', 'Credit code', 22, (r) => r.uscc),
          column('所在地', 'Place', 16, (r) => r.regionName),
          wordColumn('类型', 'Type', 18, (r) => institutionTypeLabel(r.type)),
          wordColumn('举办形式', 'Operator form', 12, (r) => operatorFormLabel(r.operatorForm)),
          wordColumn('状态', 'Status', 10, (r) => institutionStatusLabel(r.status)),
          column('托位', 'Slots', 8, (r) => String(r.slots)),
          column('普惠托位', 'Affordable slots', 10, (r) => String(r.affordableSlots)),
          column('在托', 'Enrolled', 8, (r) => String(r.enrolled)),
        ],
        pages: offsetPages((limit, offset) => institutionPage(a.user, q, limit, offset)),
      });
    },

    /**
     * 信息公示: the county's filed institutions by township, from the version in force. Read in
     * the county's scope as a table of public fields only: no staff, no child, no account.
     */
    async disclosure(county: string): Promise<PublicInstitutionList> {
      if (!regions.exists(county) || regions.ref(county).level !== 'county') throw childcareError('childcare.notFound');
      const [rows, ratings] = await withScope(
        database,
        { jurisdictionCode: county },
        async (tx) =>
          [
            await repo.listFiledForPublic(tx),
            new Map((await latestRatings(tx)).map((g) => [g.filingNo, { year: Number(g.year), grade: g.grade }])),
          ] as const,
      );
      const townships = new Map<string, PublicInstitutionList['townships'][number]>();
      for (const r of rows) {
        const c = r.content as FilingContentView;
        const code = r.regionCode.slice(0, 9);
        const township = townships.get(code) ?? { code, name: regions.name(code), institutions: [] };
        townships.set(code, township);
        township.institutions.push({
          filingNo: r.filingNo,
          name: c.name,
          type: c.type,
          operatorForm: c.operatorForm,
          address: c.address,
          affordable: c.affordableSlots > 0,
          slots: c.slots,
          affordableSlots: c.affordableSlots,
          vacancies: Math.max(0, c.slots - Number(r.enrolled)),
          monthlyFeeFen: c.monthlyFeeFen,
          affordableFeeFen: c.affordableFeeFen,
          filedOn: r.filedOn,
          rating: ratings.get(r.filingNo) ?? null,
        });
      }
      return { county: { code: county, name: regions.name(county) }, townships: [...townships.values()] };
    },
  };
}

export type ChildcareLists = ReturnType<typeof createChildcareLists>;
