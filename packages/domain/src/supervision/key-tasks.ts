import type { Message } from '../messages.js';
import { JOINT_MEETING_GROUP, TOWNSHIPS_GROUP } from './units.js';

export type TaskRole = 'lead' | 'support' | 'implementing';

export interface KeyTaskSeed {
  number: number;
  /** The body's chapter (一…七) the row carries out: the task board groups by it. */
  section: string;
  clause: string;
  text: string;
  /** The 责任单位 cell as printed. */
  responsibility: string;
  /** A deadline the text states; without one the plan's end is the default (a reading). */
  due?: { on: string; asWritten: string; recurrence?: 'yearly' };
}

export interface ResponsibilityEntry {
  role: TaskRole;
  /** The unit's name as the cell prints it, or the group's. */
  writtenAs: string;
  /** Set when writtenAs names a group that expands to its members. */
  group?: 'jointMeeting' | 'townships';
}

// The cell's roles, in the order the annex prints them. "配合落实" (#10) is read as implementing:
// the townships carry the task out in their territory (a reading, supervision README).
const ROLE_SUFFIXES: readonly [string, TaskRole][] = [
  ['配合落实', 'implementing'],
  ['牵头', 'lead'],
  ['配合', 'support'],
  ['落实', 'implementing'],
];

/**
 * Splits a 责任单位 cell ("县卫生健康局、县司法局牵头;县各乡(镇)党委、政府落实") into one entry
 * per unit and role. Groups are kept whole ("各乡(镇)党委、政府" holds a 、 of its own).
 */
export function parseResponsibility(cell: string): ResponsibilityEntry[] {
  const out: ResponsibilityEntry[] = [];
  for (const segment of cell
    .split(/[;;]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const suffix = ROLE_SUFFIXES.find(([s]) => segment.endsWith(s));
    if (!suffix) throw new Error(`no role in responsibility segment "${segment}"`);
    const names = segment.slice(0, -suffix[0].length);
    const placeholder = '\u0000';
    const parts = names.replace(TOWNSHIPS_GROUP, placeholder).split('、');
    for (const raw of parts) {
      const name = raw.replace(placeholder, TOWNSHIPS_GROUP).trim();
      if (!name) continue;
      if (name.endsWith(TOWNSHIPS_GROUP)) out.push({ role: suffix[1], writtenAs: name, group: 'townships' });
      else if (name === JOINT_MEETING_GROUP) out.push({ role: suffix[1], writtenAs: name, group: 'jointMeeting' });
      else out.push({ role: suffix[1], writtenAs: name });
    }
  }
  return out;
}

/** The body's chapters of 004 (一…七), for the task board by section. */
export const WEIXI_SECTIONS: Record<string, Message> = {
  一: { zh: '一、总体要求', en: 'I. General requirements' },
  二: { zh: '二、积极有序实施三孩生育政策', en: 'II. The three-child policy' },
  三: { zh: '三、全面提升优生优育服务水平', en: 'III. Maternal and child health services' },
  四: { zh: '四、大力发展普惠托育服务体系,扎实推进婴幼儿照护服务', en: 'IV. Affordable childcare' },
  五: { zh: '五、加快构建生育友好环境', en: 'V. A birth-friendly environment' },
  六: { zh: '六、持续关爱计划生育家庭', en: 'VI. Care for family-planning families' },
  七: { zh: '七、强化落实保障措施', en: 'VII. Safeguards' },
};

export const TASK_ROLE_LABELS: Record<TaskRole, Message> = {
  lead: { zh: '牵头', en: 'Lead' },
  support: { zh: '配合', en: 'Support' },
  implementing: { zh: '落实', en: 'Implementing' },
};
