import type { Message } from './messages.js';
import { calendarDate } from './calendar-date.js';
import type { Sex } from './id-number.js';

/** One spreadsheet or CSV cell as the reader hands it over. */
export type RawCell = string | number | Date | null | undefined;

/** A cell read as text: absent, text (trimmed, numbers spelled out), or a Date where text was expected. */
export type CellText = { kind: 'blank' } | { kind: 'text'; text: string } | { kind: 'date' };

export function cellText(cell: RawCell): CellText {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  if (cell instanceof Date) return { kind: 'date' };
  const text = typeof cell === 'number' ? String(cell) : cell.trim();
  return text === '' ? { kind: 'blank' } : { kind: 'text', text };
}

const SEXES: Record<string, Sex> = {
  男: 'male',
  男性: 'male',
  male: 'male',
  m: 'male',
  '1': 'male',
  女: 'female',
  女性: 'female',
  female: 'female',
  f: 'female',
  '2': 'female',
};

export function readSex(text: string): Sex | null {
  return Object.hasOwn(SEXES, text.toLowerCase()) ? SEXES[text.toLowerCase()]! : null;
}

const DATE_PATTERNS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/,
  /^(\d{4})()(\d{2})(\d{2})$/,
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日$/,
];

/**
 * An ISO date from a cell, or null. Date cells use their UTC parts: exceljs returns a date cell
 * as UTC midnight of that day, so local parts would move it a day back west of Greenwich.
 */
export function readDate(cell: RawCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return calendarDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  const c = cellText(cell);
  if (c.kind !== 'text') return null;
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(c.text);
    if (m) return calendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  return null;
}

export type RelationToHead = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other';

export const RELATIONS_TO_HEAD: readonly RelationToHead[] = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'other',
];

const RELATION_LABELS: Record<RelationToHead, Message> = {
  head: { zh: '户主', en: 'Head of household' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  other: { zh: '其他', en: 'Other' },
};

/** 与户主关系 in words: the registry stores the key, every screen shows this. */
export function relationToHeadLabel(r: RelationToHead): Message {
  return RELATION_LABELS[r];
}

const RELATIONS: Record<string, RelationToHead> = {
  户主: 'head',
  本人: 'head',
  配偶: 'spouse',
  妻子: 'spouse',
  丈夫: 'spouse',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  子女: 'child',
  父母: 'parent',
  父亲: 'parent',
  母亲: 'parent',
  孙子女: 'grandchild',
  孙子: 'grandchild',
  孙女: 'grandchild',
  其他: 'other',
};

export function readRelationToHead(text: string): RelationToHead | null {
  const key = text.toLowerCase();
  if ((RELATIONS_TO_HEAD as readonly string[]).includes(key)) return key as RelationToHead;
  return Object.hasOwn(RELATIONS, key) ? RELATIONS[key]! : null;
}
