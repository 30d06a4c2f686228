import { isCalendarDate } from '../calendar-date.js';
import type { Message } from '../messages.js';
import { withNoticeDays } from './parameters.js';
import type { ParameterDefinition, SchemeDefinition } from './scheme.js';

/** A draft of a scheme version as an administrator submits it. Amounts are integer fen. */
export interface VersionDraft {
  jurisdictionCode: string;
  effectiveFrom: string;
  values: Record<string, unknown>;
  legalBasis: { document: string; clause: string };
}

export interface VersionProblem {
  field: string;
  message: Message;
}

/** Versions are set by a province, city or county (issue 3: national → province → city → county). */
const VERSION_LEVELS = [2, 4, 6];
// Sanity bounds on what an administrator types, not policy figures: 100 million yuan is far above
// any per-person amount and well inside a safe integer; no age limit passes 120, no notice 90 days.
const MAX_FEN = 100_000_000_00;

/**
 * The problems of a draft against the scheme's definition, in both languages; none means it
 * may be stored. userJurisdiction: the drafter's, which must contain the version's.
 */
export function checkVersionDraft(
  scheme: SchemeDefinition,
  draft: VersionDraft,
  userJurisdiction: string,
): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, message: { zh, en } });
  const j = draft.jurisdictionCode;
  if (!/^\d+$/.test(j) || !VERSION_LEVELS.includes(j.length))
    add(
      'jurisdictionCode',
      '须为省、市或县级区划代码（2、4或6位）',
      'must be a province, city or county code (2, 4 or 6 digits)',
    );
  else {
    if (!j.startsWith(userJurisdiction)) add('jurisdictionCode', '不在您的辖区内', 'is outside your jurisdiction');
    if (!j.startsWith(scheme.regionCode) && !scheme.regionCode.startsWith(j))
      add('jurisdictionCode', '与该项目的适用地区不符', 'is outside the region the scheme covers');
  }
  if (!isCalendarDate(draft.effectiveFrom))
    add('effectiveFrom', '须为有效日期（YYYY-MM-DD）', 'must be a real date (YYYY-MM-DD)');
  const doc = draft.legalBasis?.document?.trim() ?? '';
  const clause = draft.legalBasis?.clause?.trim() ?? '';
  if (doc.length === 0 || doc.length > 200)
    add('legalBasis.document', '须写明文件名称或文号（200字以内）', 'must name the document (up to 200 characters)');
  if (clause.length === 0 || clause.length > 100)
    add('legalBasis.clause', '须写明条款（100字以内）', 'must name the clause (up to 100 characters)');
  const names = Object.keys(draft.values ?? {});
  if (names.length === 0) add('values', '至少设定一个参数', 'set at least one parameter');
  const parameters = withNoticeDays(scheme).parameters;
  for (const name of names) {
    const def = parameters[name];
    if (!def) {
      add(`values.${name}`, '该项目没有此参数', 'the scheme has no such parameter');
      continue;
    }
    const problem = checkValue(def, draft.values[name]);
    if (problem) add(`values.${name}`, problem.zh, problem.en);
  }
  return problems;
}

function checkValue(def: ParameterDefinition, v: unknown): Message | null {
  const fenOk = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) <= MAX_FEN;
  switch (def.unit) {
    case 'fen':
      if (!fenOk(v))
        return { zh: '金额须为以分计的非负整数', en: 'an amount must be a whole, non-negative number of fen' };
      if (def.minimum !== undefined && (v as number) < def.minimum) {
        return { zh: `不得低于 ${def.minimum / 100} 元`, en: `may not be below ${def.minimum / 100} yuan` };
      }
      return null;
    case 'days':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 90
        ? null
        : { zh: '天数须为0至90的整数', en: 'days must be a whole number from 0 to 90' };
    case 'years':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 120
        ? null
        : { zh: '年龄须为0至120的整数', en: 'an age must be a whole number from 0 to 120' };
    case 'date':
      return typeof v === 'string' && isCalendarDate(v)
        ? null
        : { zh: '须为有效日期（YYYY-MM-DD）', en: 'must be a real date (YYYY-MM-DD)' };
    case 'parities':
      return Array.isArray(v) &&
        v.length > 0 &&
        v.every((p) => Number.isInteger(p) && p >= 1 && p <= 20) &&
        new Set(v).size === v.length
        ? null
        : { zh: '孩次须为不重复的正整数列表', en: 'parities must be a list of distinct whole numbers from 1' };
    case 'fenByKey': {
      const keys = Object.keys((def.history[0]?.value as Record<string, unknown> | undefined) ?? {});
      // Every key: a version replaces the whole table, and a missing one would stop its payments.
      const ok =
        v !== null &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.entries(v).every(([k, x]) => keys.includes(k) && fenOk(x)) &&
        keys.every((k) => k in v);
      return ok
        ? null
        : { zh: `须为 ${keys.join('、')} 对应的金额（分）`, en: `must give amounts in fen for ${keys.join(', ')}` };
    }
  }
}
