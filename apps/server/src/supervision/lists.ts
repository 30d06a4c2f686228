import type { Readable } from 'node:stream';
import type { TaskBoard, TaskBoardQuery, MeetingView, KeyTaskItem, KeyTaskQuery, UnitView } from '@cradle/contract';
import {
  POSITION_LABELS,
  TASK_ROLE_LABELS,
  TASK_STATUS_LABELS,
  UNIT_KIND_LABELS,
  WEIXI_SECTIONS,
  type Lang,
} from '@cradle/domain';
import { auditedXlsxExport, column, wordColumn } from '../exports/index.js';
import type { SessionUser } from '../auth/index.js';
import type { SupervisionService, Actor } from './service.js';
import type { SupervisionDirectory } from './directory.js';
import type { SupervisionMeetings } from './meetings.js';

// The task board (red/amber/green by unit and by plan section) and every list as XLSX.

const names = (l: { name: string }[]) => l.map((u) => u.name).join('、');
const once = <R>(rows: () => Promise<readonly R[]>) =>
  (async function* () {
    yield await rows();
  })();

export function createSupervisionLists(deps: {
  database: Parameters<typeof auditedXlsxExport>[0];
  service: SupervisionService;
  directory: SupervisionDirectory;
  meetings: SupervisionMeetings;
}) {
  const { database, service, directory, meetings } = deps;

  async function board(user: SessionUser, q: TaskBoardQuery): Promise<TaskBoard> {
    const { items } = await service.tasks(user, {});
    const rows = new Map<string, TaskBoard['rows'][number]>();
    const add = (key: string, label: { zh: string; en: string }, t: KeyTaskItem) => {
      const row = rows.get(key) ?? { key, label, red: 0, amber: 0, green: 0, done: 0, total: 0 };
      rows.set(key, row);
      row.total++;
      if (t.status === 'done') row.done++;
      else row[t.rag]++;
    };
    for (const t of items) {
      if (q.by === 'section') {
        const s = t.section ?? '';
        add(s || 'other', WEIXI_SECTIONS[s] ?? { zh: '会议议定事项及其他', en: 'Decisions and other tasks' }, t);
      } else {
        const units = new Map([...t.leads, ...t.supports, ...t.implementing].map((u) => [u.unitId, u.name]));
        for (const [id, name] of units) add(String(id), { zh: name, en: name }, t);
      }
    }
    const list = [...rows.values()];
    if (q.by === 'unit') list.sort((a, b) => b.red - a.red || b.amber - a.amber || b.total - a.total);
    return { rows: list };
  }

  return {
    board,
    tasksXlsx: (a: Actor, q: KeyTaskQuery, lang: Lang): Readable =>
      auditedXlsxExport<KeyTaskItem>(database, a, lang, {
        action: 'supervision.exportTasks',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Key tasks' : '重点任务',
        columns: [
          column('序号', 'No.', 6, (r) => (r.number === null ? '' : String(r.number))),
          column('条款', 'Clause', 14, (r) => r.clause),
          column('工作任务', 'Task', 60, (r) => r.text),
          column('牵头单位', 'Lead units', 30, (r) => names(r.leads)),
          column('配合单位', 'Supporting units', 30, (r) =>
            r.supports.some((s) => s.viaGroup) ? r.supports.find((s) => s.viaGroup)!.viaGroup! : names(r.supports),
          ),
          column('落实单位', 'Implementing units', 20, (r) =>
            r.implementing.length ? (r.implementing[0]!.viaGroup ?? names(r.implementing)) : '',
          ),
          column('完成时限', 'Due', 12, (r) => r.dueOn),
          wordColumn('状态', 'Status', 10, (r) => TASK_STATUS_LABELS[r.status]),
          column('本单位职责', 'My role', 12, (r) =>
            r.myRoles.map((x) => TASK_ROLE_LABELS[x][lang === 'en' ? 'en' : 'zh']).join('、'),
          ),
        ],
        pages: once(async () => (await service.tasks(a.user, q)).items),
      }),
    boardXlsx: (a: Actor, q: TaskBoardQuery, lang: Lang): Readable =>
      auditedXlsxExport<TaskBoard['rows'][number]>(database, a, lang, {
        action: 'supervision.exportBoard',
        filter: { ...q },
        sheetName: lang === 'en' ? 'Task board' : '任务督办看板',
        columns: [
          wordColumn(
            q.by === 'unit' ? '单位' : '方案章节',
            q.by === 'unit' ? 'Unit' : 'Plan section',
            36,
            (r) => r.label,
          ),
          column('逾期(红)', 'Overdue (red)', 10, (r) => String(r.red)),
          column('即将到期(黄)', 'Due soon (amber)', 12, (r) => String(r.amber)),
          column('按期推进(绿)', 'On track (green)', 12, (r) => String(r.green)),
          column('已完成', 'Done', 8, (r) => String(r.done)),
          column('合计', 'Total', 8, (r) => String(r.total)),
        ],
        pages: once(async () => (await board(a.user, q)).rows),
      }),
    unitsXlsx: (a: Actor, lang: Lang): Readable =>
      auditedXlsxExport<UnitView>(database, a, lang, {
        action: 'supervision.exportUnits',
        filter: {},
        sheetName: lang === 'en' ? 'Units' : '单位名录',
        columns: [
          column('单位', 'Unit', 28, (r) => r.name),
          column('别称', 'Also written', 28, (r) => r.aliases.join('、')),
          wordColumn('类别', 'Kind', 16, (r) => UNIT_KIND_LABELS[r.kind]),
          column('联席会议职务', 'Joint-meeting seat', 30, (r) =>
            r.seats
              .filter((s) => !s.untilOn)
              .map((s) => `${POSITION_LABELS[s.position][lang === 'en' ? 'en' : 'zh']}(${s.post})`)
              .join('、'),
          ),
          column('联络员', 'Liaisons', 30, (r) => r.liaisons.map((l) => l.displayName).join('、')),
        ],
        pages: once(async () => (await directory.list(a.user)).items),
      }),
    meetingsXlsx: (a: Actor, lang: Lang): Readable =>
      auditedXlsxExport<MeetingView>(database, a, lang, {
        action: 'supervision.exportMeetings',
        filter: {},
        sheetName: lang === 'en' ? 'Joint meetings' : '联席会议',
        columns: [
          column('会议日期', 'Held on', 12, (r) => r.heldOn),
          wordColumn('会议类型', 'Kind', 10, (r) =>
            r.kind === 'plenary' ? { zh: '全体会议', en: 'Plenary' } : { zh: '专题会议', en: 'Topical' },
          ),
          column('会议名称', 'Title', 30, (r) => r.title),
          column('主持人', 'Chair', 12, (r) => r.chair),
          column('签发人', 'Signed by', 12, (r) => r.signedBy),
          column('参会单位数', 'Units attending', 10, (r) => String(r.attendees.length)),
          column('议定事项数', 'Decisions', 10, (r) => String(r.decisionTaskIds.length)),
        ],
        pages: once(async () => (await meetings.list(a.user)).items),
      }),
  };
}

export type SupervisionLists = ReturnType<typeof createSupervisionLists>;
