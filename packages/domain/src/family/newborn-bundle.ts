import { chinaDateOf } from '../calendar-date.js';
import type { ParsedIdNumber, Sex } from '../id-number.js';
import type { Message } from '../messages.js';
import { shown } from '../person-row-errors.js';
import { regionLevelOf } from '../region-code.js';
import { isBundleService, type BundleService } from './bundle-services.js';
import { checkBirthCertificateNo, checkNewbornIdNumber } from './completion-checks.js';
import { chinaTimeOf } from './day-arithmetic.js';
import { about, fieldError, type FamilyFieldError } from './field-errors.js';
import {
  checkChildBirthDate,
  checkNameAt,
  checkParents,
  checkTextAt,
  type ParentDeclaration,
} from './person-checks.js';

export interface NewbornDetails {
  name: string;
  sex: Sex;
  birthDate: string;
  /** HH:MM, Beijing time. */
  birthTime: string;
  birthPlace: string;
  hospitalName: string;
}

/** 出生一件事 (`newbornBundle`): one form after a birth, fanned out to the services chosen. */
export interface NewbornBundleForm {
  newborn: NewbornDetails;
  mother: ParentDeclaration;
  father: ParentDeclaration | null;
  /** Where the child will be registered: a 9-digit township or 12-digit village code. */
  hukouRegionCode: string;
  /** At least one. */
  services: readonly BundleService[];
  /** The hospital's certificate when it was issued outside the bundle: needed for hukou registration without birthCertificate. */
  existingBirthCertificateNo?: string | null;
  /**
   * The newborn's ID number when hukou was registered outside the bundle: medical insurance and
   * the social security card need it (our addition; the issue names only the certificate case).
   */
  existingNewbornIdNumber?: string | null;
}

/** Our limit for a birth place or a hospital name: the longest full institution names are well under it. */
export const PLACE_MAX_LENGTH = 100;

const BIRTH_PLACE: Message = { zh: '出生地点', en: 'Place of birth' };
const HOSPITAL: Message = { zh: '助产机构名称', en: 'Hospital' };

/** Every problem with the form, in form order; empty when it can be submitted. `now` is the submission instant. */
export function validateNewbornBundle(form: NewbornBundleForm, now: Date): FamilyFieldError[] {
  const today = chinaDateOf(now);
  const parents = checkParents(form.mother, form.father, today);
  const errors = [...checkNewborn(form.newborn, now, [parents.mother, parents.father]), ...parents.errors];
  const level = regionLevelOf(form.hukouRegionCode ?? '');
  const hukouOk = level === 'township' || level === 'village';
  if (!hukouOk) {
    errors.push(
      fieldError('hukouRegionCode', 'hukouRegion.format', {
        zh: `落户地代码“${shown(String(form.hukouRegionCode ?? ''))}”应为9位乡镇(街道)代码或12位村(居)委会代码`,
        en: `Hukou region "${shown(String(form.hukouRegionCode ?? ''))}" must be a 9-digit township or 12-digit village code`,
      }),
    );
  }
  errors.push(...checkServices(form.services ?? []));
  errors.push(...checkExistingNumbers(form, today, hukouOk ? form.hukouRegionCode : null));
  return errors;
}

function checkNewborn(n: NewbornDetails, now: Date, parents: readonly (ParsedIdNumber | null)[]): FamilyFieldError[] {
  const today = chinaDateOf(now);
  const errors = [...checkNameAt('newborn.name', 'newborn', n.name)];
  if (n.sex !== 'male' && n.sex !== 'female') {
    errors.push(
      fieldError(
        'newborn.sex',
        'sex.format',
        about('newborn', { zh: '请选择性别：男或女', en: 'Choose the sex: male or female' }),
      ),
    );
  }
  const date = checkChildBirthDate('newborn.birthDate', 'newborn', n.birthDate, today, parents);
  errors.push(...date);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(n.birthTime ?? '')) {
    errors.push(
      fieldError(
        'newborn.birthTime',
        'time.format',
        about('newborn', {
          zh: `出生时间“${shown(String(n.birthTime ?? ''))}”应为24小时制的时:分，如 08:30`,
          en: `Time of birth "${shown(String(n.birthTime ?? ''))}" must be 24-hour HH:MM, e.g. 08:30`,
        }),
      ),
    );
  } else if (date.length === 0 && n.birthDate === today && n.birthTime > chinaTimeOf(now)) {
    errors.push(
      fieldError(
        'newborn.birthTime',
        'birthDate.future',
        about('newborn', {
          zh: `出生时间 ${n.birthDate} ${n.birthTime} 晚于现在`,
          en: `Time of birth ${n.birthDate} ${n.birthTime} is later than now`,
        }),
      ),
    );
  }
  errors.push(...checkTextAt('newborn.birthPlace', BIRTH_PLACE, n.birthPlace, PLACE_MAX_LENGTH));
  errors.push(...checkTextAt('newborn.hospitalName', HOSPITAL, n.hospitalName, PLACE_MAX_LENGTH));
  return errors;
}

function checkServices(services: readonly string[]): FamilyFieldError[] {
  if (services.length === 0) {
    return [
      fieldError('services', 'services.empty', { zh: '请至少选择一项要办理的服务', en: 'Choose at least one service' }),
    ];
  }
  const unknown = services.filter((s) => !isBundleService(s));
  if (unknown.length > 0) {
    return [
      fieldError('services', 'services.unknown', {
        zh: `未知的服务：${unknown.map((s) => shown(String(s))).join('、')}`,
        en: `Unknown services: ${unknown.map((s) => shown(String(s))).join(', ')}`,
      }),
    ];
  }
  if (new Set(services).size !== services.length) {
    return [
      fieldError('services', 'services.duplicate', {
        zh: '同一项服务只能选择一次',
        en: 'Each service may be chosen once',
      }),
    ];
  }
  return [];
}

/**
 * A service outside the bundle is already done, so its result must come with the form: the
 * certificate number when hukou is wanted without the certificate, the newborn's ID number when
 * insurance or the card is wanted without hukou. Given when not needed, it would contradict
 * what the bundle's own department produces, so it is refused.
 */
function checkExistingNumbers(
  form: NewbornBundleForm,
  today: string,
  hukouRegionCode: string | null,
): FamilyFieldError[] {
  const wants = (s: BundleService) => (form.services ?? []).includes(s);
  const given = (v: string | null | undefined): v is string => v != null && v.trim() !== '';
  const errors: FamilyFieldError[] = [];
  const needsCertificate = wants('hukouRegistration') && !wants('birthCertificate');
  if (needsCertificate && !given(form.existingBirthCertificateNo)) {
    errors.push(
      fieldError('existingBirthCertificateNo', 'birthCertificateNo.required', {
        zh: '不申办出生医学证明时，户口登记需填写已有的出生医学证明编号',
        en: 'Hukou registration without the birth certificate service needs the number of the certificate already issued',
      }),
    );
  } else if (!needsCertificate && given(form.existingBirthCertificateNo)) {
    errors.push(
      fieldError('existingBirthCertificateNo', 'birthCertificateNo.notExpected', {
        zh: '只有不申办出生医学证明而申办户口登记时才填写已有的证明编号',
        en: 'Give an existing certificate number only for hukou registration without the birth certificate service',
      }),
    );
  } else if (needsCertificate) {
    errors.push(...checkBirthCertificateNo('existingBirthCertificateNo', form.existingBirthCertificateNo!));
  }
  const needsId = (wants('medicalInsuranceEnrollment') || wants('socialSecurityCard')) && !wants('hukouRegistration');
  if (needsId && !given(form.existingNewbornIdNumber)) {
    errors.push(
      fieldError('existingNewbornIdNumber', 'newbornIdNumber.required', {
        zh: '不申办户口登记时，医保参保和社保卡申领需填写新生儿的公民身份号码',
        en: "Medical insurance and the social security card without hukou registration need the newborn's ID number",
      }),
    );
  } else if (!needsId && given(form.existingNewbornIdNumber)) {
    errors.push(
      fieldError('existingNewbornIdNumber', 'newbornIdNumber.notExpected', {
        zh: '只有申办医保参保或社保卡申领而不申办户口登记时才填写新生儿的公民身份号码',
        en: "Give the newborn's ID number only for medical insurance or the social security card without hukou registration",
      }),
    );
  } else if (needsId && hukouRegionCode !== null) {
    errors.push(
      ...checkNewbornIdNumber('existingNewbornIdNumber', form.existingNewbornIdNumber!, {
        newborn: form.newborn,
        hukouRegionCode,
        today,
      }),
    );
  }
  return errors;
}
