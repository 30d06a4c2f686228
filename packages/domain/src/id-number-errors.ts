import type { Message } from './messages.js';

export type IdNumberErrorCode =
  | 'idNumber.empty'
  | 'idNumber.format'
  | 'idNumber.province'
  | 'idNumber.birthDate'
  | 'idNumber.futureBirthDate'
  | 'idNumber.checkCharacter';

/** What the parser found, so the message can name it. */
export type IdNumberErrorDetail = {
  length?: number;
  oldFormat?: boolean;
  province?: string;
  foreign?: boolean;
  digits?: string;
  tooEarly?: boolean;
  birthDate?: string;
  expected?: string;
};

function messageFor(code: IdNumberErrorCode, d: IdNumberErrorDetail): Message {
  switch (code) {
    case 'idNumber.empty':
      return { zh: '请填写公民身份号码', en: 'ID number is required' };
    case 'idNumber.format':
      if (d.oldFormat) {
        return {
          zh: '这是15位旧号码，请填写18位公民身份号码',
          en: 'This is an old 15-digit number; enter the 18-character ID number',
        };
      }
      if (d.length !== undefined && d.length !== 18) {
        return {
          zh: `公民身份号码应为18位，当前为${d.length}位`,
          en: `ID number must be 18 characters; this one has ${d.length}`,
        };
      }
      return {
        zh: '公民身份号码应为17位数字加最后一位数字或X',
        en: 'ID number must be 17 digits followed by a digit or X',
      };
    case 'idNumber.province':
      return d.foreign
        ? {
            zh: `外国人永久居留身份证号码第2–3位“${d.province}”不是有效的省级行政区划代码`,
            en: `Digits 2–3 of the foreign permanent resident ID number, "${d.province}", are not a valid province code`,
          }
        : {
            zh: `公民身份号码前两位“${d.province}”不是有效的省级行政区划代码`,
            en: `The first two digits of the ID number, "${d.province}", are not a valid province code`,
          };
    case 'idNumber.birthDate':
      return d.tooEarly
        ? {
            zh: `公民身份号码中的出生日期 ${d.digits} 早于1900年1月1日`,
            en: `The birth date in the ID number, ${d.digits}, is before 1 January 1900`,
          }
        : {
            zh: `公民身份号码第7–14位 ${d.digits} 不是有效的出生日期`,
            en: `Digits 7–14 of the ID number, ${d.digits}, are not a real birth date`,
          };
    case 'idNumber.futureBirthDate':
      return {
        zh: `公民身份号码中的出生日期 ${d.birthDate} 晚于今天`,
        en: `The birth date in the ID number, ${d.birthDate}, is in the future`,
      };
    case 'idNumber.checkCharacter':
      // Name the expected character but steer the user to the card: a typo elsewhere also changes it.
      return {
        zh: `公民身份号码校验位错误，应为 ${d.expected}；请对照证件核对全部18位，不要只改最后一位`,
        en: `ID number check character is wrong; expected ${d.expected}. Check all 18 characters against the card, not just the last one`,
      };
  }
}

export function idNumberError(
  code: IdNumberErrorCode,
  detail: IdNumberErrorDetail = {},
): { ok: false; code: IdNumberErrorCode; message: Message } {
  return { ok: false, code, message: messageFor(code, detail) };
}
