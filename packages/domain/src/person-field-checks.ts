import type { Sex } from './id-number.js';
import { cellText, readDate, readRelationToHead, readSex, type RawCell, type RelationToHead } from './person-cells.js';
import { fieldLabel, type CanonicalField } from './person-headers.js';
import {
  describeCharacters,
  formulaMessage,
  notTextMessage,
  requiredMessage,
  rowError,
  shown,
  tooLongMessage,
  type PersonRowErrorCode,
  type RowFieldError,
} from './person-row-errors.js';
import { regionLevelOf } from './region-code.js';
import { looksLikeFormula } from './spreadsheet-formula.js';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: RowFieldError };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (...args: Parameters<typeof rowError>): FieldResult<never> => ({ ok: false, error: rowError(...args) });

// Error codes are named for the glossary idea, so the two region fields share hukouRegion/residenceRegion.
const CODE_PREFIX: Record<CanonicalField, string> = {
  name: 'name',
  idNumber: 'idNumber',
  sex: 'sex',
  birthDate: 'birthDate',
  ethnicity: 'ethnicity',
  hukouRegionCode: 'hukouRegion',
  residenceRegionCode: 'residenceRegion',
  householdNo: 'householdNo',
  relationToHead: 'relationToHead',
  phone: 'phone',
};

function code(field: CanonicalField, suffix: 'required' | 'format' | 'formula'): PersonRowErrorCode {
  return `${CODE_PREFIX[field]}.${suffix}` as PersonRowErrorCode;
}

/**
 * Free text that passed its other checks but starts like a formula (= + - @): refused rather
 * than stored, so no file Cradle or anyone else writes from the registry can run it
 * (registry/import/README.md, "Formula-looking text").
 */
function refuseFormula<T extends string | null>(field: CanonicalField, value: T): FieldResult<T> {
  return value !== null && looksLikeFormula(value)
    ? fail(field, code(field, 'formula'), formulaMessage(field, value))
    : ok(value);
}

/** Text of a cell that must be filled in; a date where text belongs is a format error. */
function requiredText(cell: RawCell, field: CanonicalField): FieldResult<string> {
  const c = cellText(cell);
  if (c.kind === 'date') return fail(field, code(field, 'format'), notTextMessage(field));
  if (c.kind === 'blank') return fail(field, code(field, 'required'), requiredMessage(field));
  return ok(c.text);
}

/** Text of an optional cell; null when blank. */
function optionalText(cell: RawCell, field: CanonicalField): FieldResult<string | null> {
  const c = cellText(cell);
  if (c.kind === 'date') return fail(field, code(field, 'format'), notTextMessage(field));
  return ok(c.kind === 'blank' ? null : c.text);
}

export const NAME_MAX_LENGTH = 50;
const NAME_CHAR = /[\p{L}\p{M}·\- ]/u;

// Letters of any script (with their combining marks), the 间隔号 of minority and foreign names, space, hyphen.
export function checkName(cell: RawCell): FieldResult<string> {
  const t = requiredText(cell, 'name');
  if (!t.ok) return t;
  const chars = [...t.value];
  if (chars.length > NAME_MAX_LENGTH) {
    return fail('name', 'name.tooLong', tooLongMessage('name', NAME_MAX_LENGTH, chars.length));
  }
  const bad = chars.filter((c) => !NAME_CHAR.test(c));
  if (bad.length > 0) {
    return fail('name', 'name.invalidCharacters', {
      zh: `姓名含有不允许的字符：${describeCharacters(bad)}。姓名只能包含汉字、字母、间隔号“·”、空格和连字符“-”`,
      en: `Name contains characters that are not allowed: ${describeCharacters(bad)}. Use letters, the middle dot "·", spaces and hyphens only`,
    });
  }
  if (!/\p{L}/u.test(t.value)) {
    return fail('name', 'name.invalidCharacters', { zh: '姓名须包含汉字或字母', en: 'Name must contain letters' });
  }
  return refuseFormula('name', t.value);
}

export function checkSex(cell: RawCell): FieldResult<Sex> {
  const t = requiredText(cell, 'sex');
  if (!t.ok) return t;
  const sex = readSex(t.value);
  if (sex !== null) return ok(sex);
  return fail('sex', 'sex.format', {
    zh: `性别“${shown(t.value)}”无法识别，请填写男或女`,
    en: `Sex "${shown(t.value)}" is not recognised; enter male or female`,
  });
}

export function checkBirthDate(cell: RawCell): FieldResult<string> {
  const c = cellText(cell);
  if (c.kind === 'blank') return fail('birthDate', 'birthDate.required', requiredMessage('birthDate'));
  const date = readDate(cell);
  if (date !== null) return ok(date);
  const value = c.kind === 'text' ? shown(c.text) : '';
  return fail('birthDate', 'birthDate.format', {
    zh: `出生日期“${value}”无法识别或不是有效日期，请按 2024-01-05 的格式填写`,
    en: `Date of birth "${value}" is not recognised or not a real date; use a format like 2024-01-05`,
  });
}

export const ETHNICITY_MAX_LENGTH = 20;

export function checkEthnicity(cell: RawCell): FieldResult<string | null> {
  const t = optionalText(cell, 'ethnicity');
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const chars = [...t.value];
  if (chars.length > ETHNICITY_MAX_LENGTH) {
    return fail('ethnicity', 'ethnicity.tooLong', tooLongMessage('ethnicity', ETHNICITY_MAX_LENGTH, chars.length));
  }
  const bad = chars.filter((c) => /[\p{Cc}<>]/u.test(c));
  if (bad.length > 0) {
    return fail('ethnicity', 'ethnicity.invalidCharacters', {
      zh: `民族含有不允许的字符：${describeCharacters(bad)}`,
      en: `Ethnicity contains characters that are not allowed: ${describeCharacters(bad)}`,
    });
  }
  return refuseFormula('ethnicity', t.value);
}

export const HOUSEHOLD_NO_MAX_LENGTH = 32;

export function checkHouseholdNo(cell: RawCell): FieldResult<string | null> {
  const t = optionalText(cell, 'householdNo');
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const length = [...t.value].length;
  if (length > HOUSEHOLD_NO_MAX_LENGTH) {
    return fail('householdNo', 'householdNo.tooLong', tooLongMessage('householdNo', HOUSEHOLD_NO_MAX_LENGTH, length));
  }
  if (!/^[A-Za-z0-9-]+$/.test(t.value)) {
    return fail('householdNo', 'householdNo.format', {
      zh: `户号“${shown(t.value)}”只能包含字母、数字和连字符“-”`,
      en: `Household number "${shown(t.value)}" may contain only letters, digits and hyphens`,
    });
  }
  return refuseFormula('householdNo', t.value);
}

export function checkRelationToHead(cell: RawCell): FieldResult<RelationToHead | null> {
  const t = optionalText(cell, 'relationToHead');
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const relation = readRelationToHead(t.value);
  if (relation !== null) return ok(relation);
  return fail('relationToHead', 'relationToHead.format', {
    zh: `与户主关系“${shown(t.value)}”无法识别，请填写户主、配偶、子、女、父母、孙子女或其他`,
    en: `Relation to head "${shown(t.value)}" is not recognised; use head, spouse, child, parent, grandchild or other`,
  });
}

export function checkPhone(cell: RawCell): FieldResult<string | null> {
  const t = optionalText(cell, 'phone');
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  // Spaces and hyphens are grouping only (138 0013 8000); dropping them loses nothing.
  const digits = t.value.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return ok(digits);
  return fail('phone', 'phone.format', {
    zh: `联系电话“${shown(t.value)}”不是11位手机号码`,
    en: `Phone "${shown(t.value)}" is not an 11-digit mainland mobile number`,
  });
}

/**
 * A 9-digit township or 12-digit village code; for hukou also a 6-digit county code, since a
 * deployment holds townships and villages only inside its scope and a hukou may be anywhere.
 * Existence and jurisdiction are checked by the caller.
 */
export function checkRegionCodeFormat(
  cell: RawCell,
  field: 'hukouRegionCode' | 'residenceRegionCode',
): FieldResult<string> {
  const t = requiredText(cell, field);
  if (!t.ok) return t;
  const level = regionLevelOf(t.value);
  if (level === 'township' || level === 'village') return ok(t.value);
  if (level === 'county' && field === 'hukouRegionCode') return ok(t.value);
  const label = fieldLabel(field);
  return fail(
    field,
    code(field, 'format'),
    field === 'hukouRegionCode'
      ? {
          zh: `${label.zh}“${shown(t.value)}”应为6位县(区)、9位乡镇(街道)或12位村(居)委会代码`,
          en: `${label.en} "${shown(t.value)}" must be a 6-digit county, 9-digit township or 12-digit village code`,
        }
      : {
          zh: `${label.zh}“${shown(t.value)}”应为9位乡镇(街道)代码或12位村(居)委会代码`,
          en: `${label.en} "${shown(t.value)}" must be a 9-digit township or 12-digit village code`,
        },
  );
}
