import type { Message } from '@cradle/domain';
import type { TargetValue } from '@cradle/contract';

// Words the scorecard's exports share with the console (apps/web/src/i18n monitoring.*).

export const STATUS_WORDS: Record<'met' | 'atRisk' | 'notMet' | 'none' | 'notJudged', Message> = {
  met: { zh: '达标', en: 'Met' },
  atRisk: { zh: '有风险', en: 'At risk' },
  notMet: { zh: '未达标', en: 'Not met' },
  none: { zh: '无数据', en: 'No data' },
  notJudged: { zh: '不评判', en: 'Not judged' },
};

export const COMPARISON_WORDS: Record<'atMost' | 'atLeast' | 'equal', Message> = {
  atMost: { zh: '≤', en: '≤' },
  atLeast: { zh: '≥', en: '≥' },
  equal: { zh: '=', en: '=' },
};

/** A value as shown: at most two decimals, blank for none. */
export function figure(v: number | null): string {
  if (v === null) return '';
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
}

export const statusWord = (v: TargetValue): Message =>
  STATUS_WORDS[v.status ?? (v.reason === 'notBrokenDown' ? 'notJudged' : 'none')];

export function intervalText(v: TargetValue): string {
  if (!v.interval) return '';
  return `${figure(v.interval.lower)}–${v.interval.upper === null ? '∞' : figure(v.interval.upper)}`;
}
