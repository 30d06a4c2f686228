import type { Message } from '../messages.js';
import { PROVINCE_CODES, PROVINCE_NAMES_EN } from '../province-codes.js';
import { monthKeyOf } from './periods.js';
import type { ParameterDefinition } from './scheme.js';

// The words of an eligibility trace: what each rule saw, in both languages, so the server, the
// console and the family portal say the same (issue 12: no internal key, code or English word in
// the Chinese interface).

export const msg = (zh: string, en: string): Message => ({ zh, en });

/** The eligible months of a period, counted and bounded: "12 个月（2025-01 至 2025-12）". */
export function monthsWords(months: readonly number[]): Message {
  if (months.length === 0) return msg('0 个月', '0 months');
  const first = monthKeyOf(months[0]!);
  const last = monthKeyOf(months[months.length - 1]!);
  const n = months.length;
  return msg(`${n} 个月（${first} 至 ${last}）`, `${n} ${n === 1 ? 'month' : 'months'} (${first} to ${last})`);
}

/** A hukou region code with the name of its province, never the bare code. */
export function hukouWords(code: string, inside: boolean, regionName: Message): Message {
  const p = code.slice(0, 2);
  const zhProvince = PROVINCE_CODES[p] ?? '未知省份';
  const enProvince = PROVINCE_NAMES_EN[p] ?? 'an unknown province';
  if (inside) return msg(`户籍地在${regionName.zh}（代码 ${code}）`, `hukou in ${regionName.en} (code ${code})`);
  return msg(
    `户籍地在${zhProvince}（代码 ${code}），不在${regionName.zh}`,
    `hukou in ${enProvince} (code ${code}), outside ${regionName.en}`,
  );
}

export function birthWords(birthDate: string, bound: string, kind: 'from' | 'to', pass: boolean): Message {
  if (pass) return msg(`出生日期 ${birthDate}`, `born ${birthDate}`);
  return kind === 'from'
    ? msg(`出生日期 ${birthDate}，早于本补贴起始日期 ${bound}`, `born ${birthDate}, before the scheme's start ${bound}`)
    : msg(`出生日期 ${birthDate}，晚于本补贴截止日期 ${bound}`, `born ${birthDate}, after the scheme's end ${bound}`);
}

const ORDINAL_EN = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** "第 2 孩" / "a second child": a parity in words, not a bare number. */
export function parityWords(parity: number): Message {
  return msg(`第 ${parity} 孩`, `a ${ORDINAL_EN[parity] ?? `${parity}th`} child`);
}

export function ageWords(years: number): Message {
  if (years < 0) return msg('尚未出生', 'not yet born');
  return msg(`${years} 周岁`, `${years} ${years === 1 ? 'year' : 'years'} old`);
}

const SET_BY: Record<NonNullable<ParameterDefinition['setBy']>, Message> = {
  province: msg('省级', 'the province'),
  city: msg('市级', 'the city'),
  county: msg('县级', 'the county'),
};

/** A parameter with no value in force on a day, by its label (never its internal name) and who sets it. */
export function notSetWords(def: ParameterDefinition | undefined, on: string): Message {
  const label = def?.label ?? msg('参数', 'a parameter');
  const by = def?.setBy ? SET_BY[def.setBy] : null;
  return msg(
    `「${label.zh}」在 ${on} 尚无生效值${by ? `，须由${by.zh}设定` : ''}`,
    `no value of "${label.en}" is in force on ${on}${by ? `; ${by.en} must set it` : ''}`,
  );
}
