import {
  causeCategoryLabel,
  chinaDateOf,
  deathPlaceLabel,
  isCauseCategory,
  isDeathPlace,
  kindsOfDepartment,
  lifeEventKindLabel,
  mayUseRegistry,
  type Lang,
} from '@cradle/domain';
import type { LifeEventExportQuery, LifeEventInput, LifeEventQuery, LifeEventView } from '@cradle/contract';
import type { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import type { JobRunner } from '../jobs/index.js';
import { kickWarnings } from '../monitoring/index.js';
import { withScope } from '../db/scope.js';
import { isUniqueViolation } from '../db/savepoint.js';
import type { Pii } from '../crypto/pii.js';
import type { SessionUser } from '../auth/index.js';
import { auditedXlsxExport, column, keysetPages, wordColumn, chinaDateTime } from '../exports/index.js';
import { departmentSender, recordEvent, type EventSender } from './record.js';
import { countEvents, listEvents, type EventFilter, type EventListRow } from './repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

/** A form's sender: the operator's department in its jurisdiction (issue 13: a double click records once). */
export function formSender(
  a: Actor,
  channel: 'form' | 'import' = 'form',
  importJobId: number | null = null,
): EventSender {
  const department = a.user.department ?? '';
  return {
    channel,
    sender: departmentSender(department, a.user.jurisdictionCode),
    department,
    kinds: kindsOfDepartment(department),
    jurisdictionCode: a.user.jurisdictionCode,
    importJobId,
    userId: a.user.id,
    username: a.user.username,
    recordedByName: a.user.displayName,
    clientIp: a.clientIp,
  };
}

/**
 * Records one event in its own scoped transaction. Two requests with one reference at once: the
 * second waits on the unique index, fails, and answers the first's event.
 */
export async function recordOne(
  database: Database,
  pii: Pii,
  from: EventSender,
  input: LifeEventInput,
  now: Date,
): Promise<{ eventId: number; duplicate: boolean }> {
  const scope = { jurisdictionCode: from.jurisdictionCode };
  try {
    return await withScope(database, scope, (tx) => recordEvent(tx, pii, from, input, chinaDateOf(now)));
  } catch (e) {
    if (!isUniqueViolation(e, 'life_events_sender_ref_uq')) throw e;
    return withScope(database, scope, (tx) => recordEvent(tx, pii, from, input, chinaDateOf(now)));
  }
}

/** The list's filter for this user: a department operator sees its department's events only. */
export function filterFor(user: SessionUser, q: LifeEventExportQuery): EventFilter {
  const department =
    mayUseRegistry(user.roles) || user.department === null
      ? null
      : { department: user.department, sender: departmentSender(user.department, user.jurisdictionCode) };
  return { ...q, department };
}

export function createEventService(database: Database, pii: Pii, now: () => Date, jobs: Pick<JobRunner, 'kick'>) {
  // Each event queues an evaluation of the warnings in its transaction (record.ts); after the
  // commit the runner is kicked, so the figures' warnings follow within seconds, not at its sweep.
  const recorded = async (from: EventSender, input: LifeEventInput) => {
    const result = await recordOne(database, pii, from, input, now());
    if (!result.duplicate) kickWarnings(jobs);
    return result;
  };

  const scoped = <T>(user: SessionUser, fn: Parameters<typeof withScope<T>>[2]) =>
    withScope(database, { jurisdictionCode: user.jurisdictionCode }, fn);

  async function get(user: SessionUser, id: number): Promise<LifeEventView> {
    const [row] = await scoped(user, (tx) => listEvents(tx, { ids: [id] }, 1, { offset: 0 }));
    return row!;
  }

  return {
    async record(a: Actor, input: LifeEventInput) {
      const { eventId, duplicate } = await recorded(formSender(a), input);
      return { event: await get(a.user, eventId), duplicate };
    },

    get,

    /** A service account's event, answered by its id alone (the batch, which lists no event). */
    recordIdAs: recorded,

    /** A service account's event: its own sender, jurisdiction and kinds. */
    async recordAs(from: EventSender, input: LifeEventInput) {
      const { eventId, duplicate } = await recorded(from, input);
      const [row] = await withScope(database, { jurisdictionCode: from.jurisdictionCode }, (tx) =>
        listEvents(tx, { ids: [eventId] }, 1, { offset: 0 }),
      );
      return { event: row!, duplicate };
    },

    async list(user: SessionUser, q: LifeEventQuery) {
      const f = filterFor(user, q);
      return scoped(user, async (tx) => ({
        items: await listEvents(tx, f, q.pageSize, { offset: (q.page - 1) * q.pageSize }),
        total: await countEvents(tx, f),
        page: q.page,
        pageSize: q.pageSize,
      }));
    },

    exportXlsx(a: Actor, q: LifeEventExportQuery, lang: Lang): Readable {
      const f = filterFor(a.user, q);
      return auditedXlsxExport<EventListRow>(database, a, lang, {
        action: 'lifeEvent.export',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Life events' : '生命事件',
        columns: EXPORT_COLUMNS,
        pages: keysetPages(
          (after: number | undefined, limit) => scoped(a.user, (tx) => listEvents(tx, f, limit, { beforeId: after })),
          (r) => r.id,
        ),
      });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;

const CHANNELS = {
  form: { zh: '表单', en: 'Form' },
  import: { zh: '文件导入', en: 'File import' },
  api: { zh: '接口', en: 'API' },
} as const;
const none = { zh: '', en: '' };

const EXPORT_COLUMNS = [
  column<EventListRow>('公民身份号码', 'ID number', 22, (r) => r.idMasked),
  column<EventListRow>('姓名', 'Name', 12, (r) => r.name),
  wordColumn<EventListRow>('事件', 'Event', 8, (r) => lifeEventKindLabel(r.kind)),
  column<EventListRow>('日期', 'Date', 12, (r) => r.eventDate),
  column<EventListRow>('地区', 'Region', 20, (r) => r.regionName),
  wordColumn<EventListRow>('死亡地点', 'Place of death', 14, (r) =>
    r.deathPlace && isDeathPlace(r.deathPlace) ? deathPlaceLabel(r.deathPlace) : none,
  ),
  wordColumn<EventListRow>('死因分类', 'Cause', 20, (r) =>
    r.causeCategory && isCauseCategory(r.causeCategory) ? causeCategoryLabel(r.causeCategory) : none,
  ),
  wordColumn<EventListRow>('孕产妇死亡', 'Maternal death', 10, (r) =>
    r.maternal === null ? none : r.maternal ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' },
  ),
  column<EventListRow>('迁出地/迁入地', 'Other region', 20, (r) =>
    [r.otherRegionCode, r.otherRegionName].filter(Boolean).join(' '),
  ),
  column<EventListRow>('配偶公民身份号码', 'Spouse ID number', 22, (r) => r.spouseIdMasked ?? ''),
  wordColumn<EventListRow>('渠道', 'Channel', 10, (r) => CHANNELS[r.channel]),
  column<EventListRow>('报送编号', 'Reference', 20, (r) => r.reference),
  column<EventListRow>('登记人', 'Recorded by', 12, (r) => r.recordedByName),
  column<EventListRow>('登记时间', 'Recorded at', 18, (r) => chinaDateTime(r.recordedAt)),
];
