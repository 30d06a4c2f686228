import { normalizeIdNumber, parseIdNumber, type Sex } from '../id-number.js';
import { shown } from '../person-row-errors.js';
import type { Message } from '../messages.js';
import { instantOfChinaDate } from './day-arithmetic.js';
import { about, fieldError, type FamilyErrorCode, type FamilyFieldError } from './field-errors.js';
import { isLateEnrolment } from './medical-insurance.js';
import { checkDateAt } from './person-checks.js';

/** What a department enters when it completes its task. */
export type CompletionInput =
  | { service: 'birthCertificate'; certificateNo: string }
  | { service: 'vaccinationRecord'; recordNo?: string | null }
  | { service: 'hukouRegistration'; idNumber: string }
  | { service: 'medicalInsuranceEnrollment'; enrolledOn: string }
  | { service: 'socialSecurityCard'; cardNo?: string | null };

/** The completion as recorded: numbers normalised, and for medical insurance whether enrolment was late. */
export type CompletionRecord =
  | { service: 'birthCertificate'; certificateNo: string }
  | { service: 'vaccinationRecord'; recordNo: string | null }
  | { service: 'hukouRegistration'; idNumber: string }
  | { service: 'medicalInsuranceEnrollment'; enrolledOn: string; lateEnrolment: boolean }
  | { service: 'socialSecurityCard'; cardNo: string | null };

/** What the checks need from the bundle: the newborn as declared and where the hukou goes. */
export interface CompletionContext {
  newborn: { birthDate: string; sex: Sex };
  hukouRegionCode: string;
  today: string;
}

export type CompletionCheck = { ok: true; record: CompletionRecord } | { ok: false; errors: FamilyFieldError[] };

/**
 * 出生医学证明编号. Our reading of the format: one capital letter and nine digits, as printed
 * on the certificates in use (e.g. Q530012345); we have not seen the format in a published
 * standard, so a deployment that meets another edition should widen this pattern.
 */
export const BIRTH_CERTIFICATE_NO = /^[A-Z]\d{9}$/;

// Vaccination record and social security card numbers differ by province and card edition and
// we found no published format; we accept letters and digits of a plausible length, which
// catches a pasted name or markup without refusing a real number (our reading).
const VACCINATION_RECORD_NO = /^[A-Z0-9-]{6,32}$/;
const SOCIAL_SECURITY_CARD_NO = /^[A-Z0-9]{6,20}$/;

const normalizeNo = (raw: string) => raw.trim().toUpperCase();

export function checkBirthCertificateNo(field: string, raw: string): FamilyFieldError[] {
  if (BIRTH_CERTIFICATE_NO.test(normalizeNo(raw ?? ''))) return [];
  return [
    fieldError(field, 'birthCertificateNo.format', {
      zh: `出生医学证明编号“${shown(String(raw ?? ''))}”应为1个大写字母加9位数字，如 Q530012345`,
      en: `Birth certificate number "${shown(String(raw ?? ''))}" must be one capital letter and 9 digits, e.g. Q530012345`,
    }),
  ];
}

/**
 * The newborn's ID number as public security assigns it: valid (GB 11643-1999, check
 * character), a resident ID, the declared birth date and sex, and the county of the hukou region.
 */
export function checkNewbornIdNumber(field: string, raw: string, ctx: CompletionContext): FamilyFieldError[] {
  const parsed = parseIdNumber(raw ?? '', instantOfChinaDate(ctx.today));
  if (!parsed.ok) return [fieldError(field, parsed.code, about('newborn', parsed.message))];
  const id = parsed.value;
  const county = ctx.hukouRegionCode.slice(0, 6);
  const fail = (code: FamilyErrorCode, message: Message) => [fieldError(field, code, about('newborn', message))];
  if (id.kind !== 'resident')
    return fail('newbornIdNumber.notResident', {
      zh: '新生儿落户后应为居民身份号码',
      en: 'A newborn registered in a hukou gets a resident ID number',
    });
  if (id.birthDate !== ctx.newborn.birthDate) {
    return fail('newbornIdNumber.birthDateMismatch', {
      zh: `公民身份号码中的出生日期 ${id.birthDate} 与申报的 ${ctx.newborn.birthDate} 不符`,
      en: `The birth date in the ID number, ${id.birthDate}, differs from the declared ${ctx.newborn.birthDate}`,
    });
  }
  if (id.sex !== ctx.newborn.sex) {
    return fail('newbornIdNumber.sexMismatch', {
      zh: `公民身份号码第17位表示${id.sex === 'male' ? '男' : '女'}性，与申报的性别不符`,
      en: `The ID number's 17th digit means ${id.sex}, which differs from the declared sex`,
    });
  }
  if (id.regionCode !== county) {
    return fail('newbornIdNumber.regionMismatch', {
      zh: `公民身份号码前6位 ${id.regionCode} 不是落户地所在县(区) ${county}`,
      en: `The first 6 digits, ${id.regionCode}, are not the county of the hukou region, ${county}`,
    });
  }
  return [];
}

/** Checks a department's completion of its task against the bundle. */
export function checkCompletion(input: CompletionInput, ctx: CompletionContext): CompletionCheck {
  switch (input.service) {
    case 'birthCertificate': {
      const errors = checkBirthCertificateNo('certificateNo', input.certificateNo);
      return errors.length > 0
        ? { ok: false, errors }
        : { ok: true, record: { service: input.service, certificateNo: normalizeNo(input.certificateNo) } };
    }
    case 'vaccinationRecord': {
      const r = optionalNo(
        'recordNo',
        input.recordNo,
        VACCINATION_RECORD_NO,
        'vaccinationRecordNo.format',
        { zh: '预防接种证编号', en: 'Vaccination record number' },
        '6–32',
      );
      return r.ok ? { ok: true, record: { service: input.service, recordNo: r.value } } : r;
    }
    case 'hukouRegistration': {
      const errors = checkNewbornIdNumber('idNumber', input.idNumber, ctx);
      return errors.length > 0
        ? { ok: false, errors }
        : { ok: true, record: { service: input.service, idNumber: normalizeIdNumber(input.idNumber) } };
    }
    case 'medicalInsuranceEnrollment': {
      const errors = checkEnrolmentDate(input.enrolledOn, ctx);
      if (errors.length > 0) return { ok: false, errors };
      return {
        ok: true,
        record: {
          service: input.service,
          enrolledOn: input.enrolledOn,
          lateEnrolment: isLateEnrolment(ctx.newborn.birthDate, input.enrolledOn),
        },
      };
    }
    case 'socialSecurityCard': {
      const r = optionalNo(
        'cardNo',
        input.cardNo,
        SOCIAL_SECURITY_CARD_NO,
        'socialSecurityCardNo.format',
        { zh: '社保卡卡号', en: 'Social security card number' },
        '6–20',
      );
      return r.ok ? { ok: true, record: { service: input.service, cardNo: r.value } } : r;
    }
  }
}

function checkEnrolmentDate(enrolledOn: string, ctx: CompletionContext): FamilyFieldError[] {
  const format = checkDateAt('enrolledOn', 'newborn', enrolledOn, { zh: '参保日期', en: 'Enrolment date' });
  if (format.length > 0) return format;
  if (enrolledOn < ctx.newborn.birthDate) {
    return [
      fieldError('enrolledOn', 'enrolledOn.beforeBirth', {
        zh: `参保日期 ${enrolledOn} 早于出生日期 ${ctx.newborn.birthDate}`,
        en: `Enrolment date ${enrolledOn} is before the date of birth, ${ctx.newborn.birthDate}`,
      }),
    ];
  }
  if (enrolledOn > ctx.today) {
    return [
      fieldError('enrolledOn', 'enrolledOn.future', {
        zh: `参保日期 ${enrolledOn} 晚于今天（${ctx.today}）`,
        en: `Enrolment date ${enrolledOn} is after today (${ctx.today})`,
      }),
    ];
  }
  return [];
}

type OptionalNo = { ok: true; value: string | null } | { ok: false; errors: FamilyFieldError[] };

function optionalNo(
  field: string,
  raw: string | null | undefined,
  pattern: RegExp,
  code: FamilyErrorCode,
  label: Message,
  length: string,
): OptionalNo {
  const value = normalizeNo(raw ?? '');
  if (value === '') return { ok: true, value: null };
  if (pattern.test(value)) return { ok: true, value };
  return {
    ok: false,
    errors: [
      fieldError(field, code, {
        zh: `${label.zh}“${shown(String(raw))}”应为${length}位字母或数字`,
        en: `${label.en} "${shown(String(raw))}" must be ${length} letters or digits`,
      }),
    ],
  };
}
