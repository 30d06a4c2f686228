import type { IdNumberErrorCode } from './id-number-errors.js';
import type { Message } from './messages.js';
import { fieldLabel, type CanonicalField } from './person-headers.js';

export type PersonRowErrorCode =
  | IdNumberErrorCode
  | 'idNumber.storedAsNumber'
  | 'name.required'
  | 'name.format'
  | 'name.tooLong'
  | 'name.invalidCharacters'
  | 'name.formula'
  | 'sex.required'
  | 'sex.format'
  | 'sex.mismatch'
  | 'birthDate.required'
  | 'birthDate.format'
  | 'birthDate.mismatch'
  | 'ethnicity.format'
  | 'ethnicity.tooLong'
  | 'ethnicity.invalidCharacters'
  | 'ethnicity.formula'
  | 'hukouRegion.required'
  | 'hukouRegion.format'
  | 'hukouRegion.notFound'
  | 'residenceRegion.required'
  | 'residenceRegion.format'
  | 'residenceRegion.notFound'
  | 'residenceRegion.outsideJurisdiction'
  | 'householdNo.format'
  | 'householdNo.tooLong'
  | 'householdNo.formula'
  | 'relationToHead.format'
  | 'phone.format';

export type RowFieldError = { field: CanonicalField; code: PersonRowErrorCode; message: Message };

export function rowError(field: CanonicalField, code: PersonRowErrorCode, message: Message): RowFieldError {
  return { field, code, message };
}

// Echo enough of a bad value to find it in the sheet, without pasting a whole paragraph into the message.
export function shown(value: string): string {
  const chars = [...value];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : value;
}

export function requiredMessage(field: CanonicalField): Message {
  const label = fieldLabel(field);
  return { zh: `请填写${label.zh}`, en: `${label.en} is required` };
}

export function notTextMessage(field: CanonicalField): Message {
  const label = fieldLabel(field);
  return {
    zh: `“${label.zh}”一栏应为文字，却是日期；请将该列设置为文本格式`,
    en: `${label.en} must be text but the cell holds a date; format the column as text`,
  };
}

/** Text that starts like a spreadsheet formula (looksLikeFormula): refused, never stored. */
export function formulaMessage(field: CanonicalField, value: string): Message {
  const label = fieldLabel(field);
  const first = describeCharacters([[...value][0] ?? '']);
  return {
    zh: `${label.zh}“${shown(value)}”不能以${first}开头：电子表格软件会把这样的内容当作公式执行；请删除开头的符号`,
    en: `${label.en} "${shown(value)}" may not start with ${first}: spreadsheet programs run such text as a formula. Remove the leading character`,
  };
}

export function tooLongMessage(field: CanonicalField, max: number, length: number): Message {
  const label = fieldLabel(field);
  return {
    zh: `${label.zh}不能超过${max}个字符，当前为${length}个`,
    en: `${label.en} must be at most ${max} characters; it has ${length}`,
  };
}

/** Name characters the way a user can find them: visible ones as is, invisible ones by code point. */
export function describeCharacters(chars: readonly string[]): string {
  return [...new Set(chars)].map((c) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? `“${c}”` : codePoint(c))).join('、');
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const SEX_ZH = { male: '男', female: '女' } as const;

export function sexMismatchMessage(fromId: 'male' | 'female', stated: 'male' | 'female'): Message {
  return {
    zh: `性别与公民身份号码不符：号码显示为${SEX_ZH[fromId]}，填写为${SEX_ZH[stated]}`,
    en: `Sex does not match the ID number: the number shows ${fromId}, the row says ${stated}`,
  };
}

export function birthDateMismatchMessage(fromId: string, stated: string): Message {
  return {
    zh: `出生日期与公民身份号码不符：号码显示为 ${fromId}，填写为 ${stated}`,
    en: `Date of birth does not match the ID number: the number shows ${fromId}, the row says ${stated}`,
  };
}

export const ID_STORED_AS_NUMBER: Message = {
  zh: '公民身份号码被存成了数字，后几位可能已丢失；请将该列设置为文本格式后重新填写',
  en: 'The ID number was stored as a number, so its last digits may be lost; format the column as text and enter it again',
};
