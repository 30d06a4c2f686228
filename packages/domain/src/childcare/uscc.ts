import type { Message } from '../messages.js';

// 统一社会信用代码 (GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》): 18 characters
// from 31 (0-9 and the capitals without I, O, S, V, Z): 1 registration authority, 1 entity
// category, 6 the registering office's region code (GB/T 2260), 9 the organisation code
// (GB 11714), 1 check character. §4.2 and annex: each of the first 17 characters' value times
// 3^i mod 31 (i from 0), summed; the check is 31 − (sum mod 31), 31 reading as 0.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/**
 * GB 32100-2015 table 1, the registration authorities an institution's legal form sends it to
 * (the 编制部门 / 民政 / 市场监管): 1 机构编制, 5 民政, 9 工商 (now 市场监管).
 */
export const REGISTRATION_AUTHORITIES = ['staffing', 'civilAffairs', 'marketRegulation'] as const;
export type RegistrationAuthority = (typeof REGISTRATION_AUTHORITIES)[number];
const AUTHORITY_CHAR: Record<RegistrationAuthority, string> = {
  staffing: '1',
  civilAffairs: '5',
  marketRegulation: '9',
};
const AUTHORITY_LABELS: Record<RegistrationAuthority, Message> = {
  staffing: { zh: '机构编制部门（事业单位）', en: 'Staffing office (public institution)' },
  civilAffairs: { zh: '民政部门（民办非企业单位等）', en: 'Civil affairs (private non-enterprise unit)' },
  marketRegulation: { zh: '市场监管部门（企业、个体工商户）', en: 'Market regulation (company, sole trader)' },
};
export function registrationAuthorityLabel(a: RegistrationAuthority): Message {
  return AUTHORITY_LABELS[a];
}
export function isRegistrationAuthority(v: string): v is RegistrationAuthority {
  return (REGISTRATION_AUTHORITIES as readonly string[]).includes(v);
}

export type UsccErrorCode = 'uscc.empty' | 'uscc.length' | 'uscc.character' | 'uscc.checkCharacter' | 'uscc.authority';
export type UsccResult =
  | { ok: true; value: { uscc: string; authority: RegistrationAuthority | null; regionCode: string } }
  | { ok: false; code: UsccErrorCode; message: Message };

/** Trim, full-width letters and digits made ASCII, lower case made upper (typed with a Chinese input method). */
export function normalizeUscc(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for the first 17 characters (each from the GB 32100 charset). */
export function computeUsccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => !CHARSET.includes(c)))
    throw new Error('computeUsccCheckCharacter needs 17 characters of the GB 32100 charset');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

function fail(code: UsccErrorCode, message: Message): UsccResult {
  return { ok: false, code, message };
}

/**
 * Checks a unified social credit code as ID numbers are checked: shape, characters, check
 * character; and, when the institution says where it is registered, that the first character
 * names that authority.
 */
export function parseUscc(raw: string, authority?: RegistrationAuthority): UsccResult {
  const uscc = normalizeUscc(raw);
  if (uscc === '')
    return fail('uscc.empty', { zh: '请填写统一社会信用代码', en: 'The unified social credit code is required' });
  const length = [...uscc].length;
  if (length !== 18)
    return fail('uscc.length', {
      zh: `统一社会信用代码应为18位，当前为${length}位`,
      en: `A unified social credit code has 18 characters; this one has ${length}`,
    });
  const bad = [...uscc].find((c) => !CHARSET.includes(c));
  if (bad !== undefined)
    return fail('uscc.character', {
      zh: `统一社会信用代码中不能有“${bad}”：只用数字和除 I、O、S、V、Z 以外的大写字母`,
      en: `"${bad}" cannot appear in a unified social credit code: digits and capitals other than I, O, S, V, Z only`,
    });
  const expected = computeUsccCheckCharacter(uscc.slice(0, 17));
  if (uscc[17] !== expected)
    return fail('uscc.checkCharacter', {
      zh: `统一社会信用代码校验位错误，应为 ${expected}；请对照营业执照或登记证书核对全部18位`,
      en: `The check character is wrong; expected ${expected}. Check all 18 characters against the licence or certificate`,
    });
  const found = REGISTRATION_AUTHORITIES.find((a) => AUTHORITY_CHAR[a] === uscc[0]) ?? null;
  if (authority !== undefined && found !== authority)
    return fail('uscc.authority', {
      zh: `统一社会信用代码首位为“${uscc[0]}”，与所选登记机关“${AUTHORITY_LABELS[authority].zh}”（首位应为 ${AUTHORITY_CHAR[authority]}）不符`,
      en: `The code starts with "${uscc[0]}", which does not match the chosen authority, ${AUTHORITY_LABELS[authority].en} (it starts with ${AUTHORITY_CHAR[authority]})`,
    });
  return { ok: true, value: { uscc, authority: found, regionCode: uscc.slice(2, 8) } };
}
