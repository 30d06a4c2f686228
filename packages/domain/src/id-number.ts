import { calendarDate, chinaDateOf } from './calendar-date.js';
import { computeIdCheckCharacter } from './id-check.js';
import { idNumberError, type IdNumberErrorCode } from './id-number-errors.js';
import type { Message } from './messages.js';
import { isProvinceCode } from './province-codes.js';

export type IdKind = 'resident' | 'foreignPermanentResident' | 'hkMacaoTaiwanResidencePermit';

export type Sex = 'male' | 'female';

export type ParsedIdNumber = {
  /** Trimmed, full-width digits made ASCII, x read as X. */
  idNumber: string;
  kind: IdKind;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** The first 6 characters. For a foreign permanent resident: 9, province, nationality; not an address code. */
  regionCode: string;
};

export type IdNumberResult =
  { ok: true; value: ParsedIdNumber } | { ok: false; code: IdNumberErrorCode; message: Message };

// 港澳台居民居住证 carries these fixed address codes instead of a county (国办发〔2018〕81号).
const RESIDENCE_PERMIT_PREFIXES = ['810000', '820000', '830000'];
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Trim, turn full-width digits and Ｘ (typed with a Chinese input method) into ASCII, and read x as X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

function kindOf(idNumber: string): IdKind {
  if (idNumber.startsWith('9')) return 'foreignPermanentResident';
  if (RESIDENCE_PERMIT_PREFIXES.includes(idNumber.slice(0, 6))) return 'hkMacaoTaiwanResidencePermit';
  return 'resident';
}

/**
 * Parse an 18-character ID number (GB 11643-1999), a 港澳台居民居住证 number, or a 2023-format
 * 外国人永久居留身份证 number (9, issuing province, 3-digit nationality, birth date, sequence, check).
 */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const idNumber = normalizeIdNumber(raw);
  if (idNumber === '') return idNumberError('idNumber.empty');
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    const length = [...idNumber].length;
    if (length === 15 && /^\d+$/.test(idNumber)) return idNumberError('idNumber.format', { oldFormat: true });
    return idNumberError('idNumber.format', { length });
  }

  const kind = kindOf(idNumber);
  if (kind === 'foreignPermanentResident') {
    const province = idNumber.slice(1, 3);
    if (!isProvinceCode(province)) return idNumberError('idNumber.province', { province, foreign: true });
  } else if (kind === 'resident') {
    const province = idNumber.slice(0, 2);
    if (!isProvinceCode(province)) return idNumberError('idNumber.province', { province });
  }

  const digits = idNumber.slice(6, 14);
  const birthDate = calendarDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
  if (birthDate === null) return idNumberError('idNumber.birthDate', { digits });
  if (birthDate < EARLIEST_BIRTH_DATE) return idNumberError('idNumber.birthDate', { digits, tooEarly: true });
  if (birthDate > chinaDateOf(today)) return idNumberError('idNumber.futureBirthDate', { birthDate });

  const expected = computeIdCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) return idNumberError('idNumber.checkCharacter', { expected });

  const sex: Sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { idNumber, kind, birthDate, sex, regionCode: idNumber.slice(0, 6) } };
}

const KIND_LABELS: Record<IdKind, Message> = {
  resident: { zh: '居民身份证', en: 'Resident identity card' },
  foreignPermanentResident: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card' },
  hkMacaoTaiwanResidencePermit: {
    zh: '港澳台居民居住证',
    en: 'Residence permit for Hong Kong, Macao and Taiwan residents',
  },
};

export function idKindLabel(kind: IdKind): Message {
  return KIND_LABELS[kind];
}

/**
 * Show the region part and the last four, e.g. 533423********123X. Anything that is not
 * 18 characters is masked whole, so a malformed number never leaks more than a good one.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...normalizeIdNumber(idNumber)];
  if (chars.length !== 18) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(8) + chars.slice(14).join('');
}
