import { isCalendarDate } from '../calendar-date.js';
import { parseIdNumber, type ParsedIdNumber, type Sex } from '../id-number.js';
import type { Message } from '../messages.js';
import { checkName, checkPhone } from '../person-field-checks.js';
import { describeCharacters, shown } from '../person-row-errors.js';
import { instantOfChinaDate } from './day-arithmetic.js';
import { about, fieldError, type FamilyErrorCode, type FamilyFieldError, type Subject } from './field-errors.js';

/** A parent as the family declares them. The phone is optional: one number per form is enough. */
export interface ParentDeclaration {
  name: string;
  idNumber: string;
  phone?: string | null;
}

export type ParentRole = 'mother' | 'father';

// The same name rule as the registry import (letters of any script, the 间隔号 “·”, space,
// hyphen; NAME_MAX_LENGTH), so a name accepted here can always be written to the registry.
export function checkNameAt(field: string, subject: Subject, value: string): FamilyFieldError[] {
  const r = checkName(value);
  if (r.ok) return [];
  return [fieldError(field, r.error.code as FamilyErrorCode, about(subject, r.error.message))];
}

/** Optional; a mainland mobile number, 11 digits starting with 1 (the import's rule). */
export function checkPhoneAt(field: string, subject: Subject, value: string | null | undefined): FamilyFieldError[] {
  const r = checkPhone(value ?? null);
  return r.ok ? [] : [fieldError(field, 'phone.format', about(subject, r.error.message))];
}

export function checkDateAt(field: string, subject: Subject, value: string, label: Message): FamilyFieldError[] {
  if (isCalendarDate(value)) return [];
  return [
    fieldError(
      field,
      'date.format',
      about(subject, {
        zh: `${label.zh}“${shown(String(value ?? ''))}”不是有效日期，请按 2026-01-05 的格式填写`,
        en: `${label.en} "${shown(String(value ?? ''))}" is not a real date; use the format 2026-01-05`,
      }),
    ),
  ];
}

/**
 * Free text (a place, a hospital, a statement): required, at most `max` characters, no control
 * characters and no angle brackets, which have no place in these texts and start markup.
 */
export function checkTextAt(
  field: string,
  label: Message,
  value: string,
  max: number,
  multiline = false,
): FamilyFieldError[] {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '')
    return [fieldError(field, 'text.required', { zh: `请填写${label.zh}`, en: `${label.en} is required` })];
  const chars = [...text];
  if (chars.length > max) {
    return [
      fieldError(field, 'text.tooLong', {
        zh: `${label.zh}不能超过${max}个字符，当前为${chars.length}个`,
        en: `${label.en} must be at most ${max} characters; it has ${chars.length}`,
      }),
    ];
  }
  const bad = chars.filter((c) => /[\p{Cc}<>]/u.test(c) && !(multiline && (c === '\n' || c === '\t')));
  if (bad.length === 0) return [];
  return [
    fieldError(field, 'text.invalidCharacters', {
      zh: `${label.zh}含有不允许的字符：${describeCharacters(bad)}`,
      en: `${label.en} contains characters that are not allowed: ${describeCharacters(bad)}`,
    }),
  ];
}

const ROLE_SEX: Record<ParentRole, Sex> = { mother: 'female', father: 'male' };

export type ParentCheck = { errors: FamilyFieldError[]; id: ParsedIdNumber | null };

/** Name, ID number (GB 11643-1999, and its sex digit must fit the role), phone. */
export function checkParent(role: ParentRole, parent: ParentDeclaration, today: string): ParentCheck {
  const errors = [
    ...checkNameAt(`${role}.name`, role, parent.name),
    ...checkPhoneAt(`${role}.phone`, role, parent.phone),
  ];
  const parsed = parseIdNumber(parent.idNumber ?? '', instantOfChinaDate(today));
  if (!parsed.ok) {
    errors.push(fieldError(`${role}.idNumber`, parsed.code, about(role, parsed.message)));
    return { errors, id: null };
  }
  if (parsed.value.sex !== ROLE_SEX[role]) {
    errors.push(
      fieldError(
        `${role}.idNumber`,
        'idNumber.sexContradictsRole',
        about(
          role,
          role === 'mother'
            ? {
                zh: '公民身份号码第17位为单数，表示男性；母亲的号码应为女性，请核对',
                en: "The ID number's 17th digit is odd, which means male; check the mother's number",
              }
            : {
                zh: '公民身份号码第17位为双数，表示女性；父亲的号码应为男性，请核对',
                en: "The ID number's 17th digit is even, which means female; check the father's number",
              },
        ),
      ),
    );
  }
  return { errors, id: parsed.value };
}

export type ParentsCheck = { errors: FamilyFieldError[]; mother: ParsedIdNumber | null; father: ParsedIdNumber | null };

export function checkParents(mother: ParentDeclaration, father: ParentDeclaration | null, today: string): ParentsCheck {
  const m = checkParent('mother', mother, today);
  const f = father === null ? { errors: [], id: null } : checkParent('father', father, today);
  const errors = [...m.errors, ...f.errors];
  if (m.id !== null && f.id !== null && m.id.idNumber === f.id.idNumber) {
    errors.push(
      fieldError('father.idNumber', 'parents.samePerson', {
        zh: '父亲和母亲的公民身份号码相同，请核对',
        en: "The father's and the mother's ID numbers are the same; check them",
      }),
    );
  }
  return { errors, mother: m.id, father: f.id };
}

const BIRTH_DATE: Message = { zh: '出生日期', en: 'Date of birth' };

/** A real date, not after today, and not before a parent's own birth date. */
export function checkChildBirthDate(
  field: string,
  subject: Subject,
  value: string,
  today: string,
  parents: readonly (ParsedIdNumber | null)[],
): FamilyFieldError[] {
  const format = checkDateAt(field, subject, value, BIRTH_DATE);
  if (format.length > 0) return format;
  if (value > today) {
    return [
      fieldError(
        field,
        'birthDate.future',
        about(subject, {
          zh: `出生日期 ${value} 晚于今天（${today}）`,
          en: `Date of birth ${value} is after today (${today})`,
        }),
      ),
    ];
  }
  const older = parents.find((p) => p !== null && value <= p.birthDate);
  if (older === undefined || older === null) return [];
  return [
    fieldError(
      field,
      'birthDate.beforeParent',
      about(subject, {
        zh: `出生日期 ${value} 不晚于父母一方的出生日期 ${older.birthDate}，请核对`,
        en: `Date of birth ${value} is not after a parent's own date of birth, ${older.birthDate}; check it`,
      }),
    ),
  ];
}
