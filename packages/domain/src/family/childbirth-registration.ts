import type { Sex } from '../id-number.js';
import type { Message } from '../messages.js';
import { regionLevelOf } from '../region-code.js';
import { shown } from '../person-row-errors.js';
import { addMonths } from './day-arithmetic.js';
import { about, fieldError, type FamilyFieldError } from './field-errors.js';
import { DEFAULT_WORKING_DAY_CALENDAR } from './holidays-2026.js';
import {
  checkChildBirthDate,
  checkDateAt,
  checkNameAt,
  checkParents,
  checkTextAt,
  type ParentDeclaration,
  type ParentsCheck,
} from './person-checks.js';
import { addWorkingDays, CHILDBIRTH_REGISTRATION_WORKING_DAYS, type WorkingDayCalendar } from './working-days.js';

export type ChildStatus = 'pregnant' | 'born';

export interface DeclaredChild {
  name: string;
  sex: Sex;
  birthDate: string;
}

/** 承诺制 (`byCommitment`): the applicant's written statement replaces certificates; it must be accepted. */
export interface Commitment {
  accepted: boolean;
  statement: string;
}

/**
 * 生育登记 (`childbirthRegistration`) as the family fills it in: any parity, in or out of
 * wedlock (so no father is needed when unmarried), where the family lives (004 (五): 在辖区内有
 * 固定住所的常住人口 … 无论生育几孩，是否婚内生育均可登记，对当事人提供的生育状况实行承诺制).
 * Parity is not asked: it comes from the registry (parityFromRegistry).
 */
export interface ChildbirthRegistrationForm {
  mother: ParentDeclaration;
  father: ParentDeclaration | null;
  married: boolean;
  /** Where the family lives: a 12-digit village or 9-digit township code (004 (五): 属地办理). */
  residenceRegionCode: string;
  childStatus: ChildStatus;
  /** When pregnant. */
  expectedBirthDate?: string | null;
  /** When born. */
  child?: DeclaredChild | null;
  commitment: Commitment;
}

/**
 * Our reading, not a figure from the seeds: a pregnancy lasts about 40 weeks (280 days) from
 * the last period and is known some weeks in, so a due date more than 10 months off is a typo.
 */
export const EXPECTED_BIRTH_MAX_MONTHS_AHEAD = 10;

/** Our limit on the commitment text: long enough for any statement a family writes, short enough to show. */
export const COMMITMENT_STATEMENT_MAX_LENGTH = 2000;

const EXPECTED_BIRTH_DATE: Message = { zh: '预产期', en: 'Expected date of birth' };
const STATEMENT: Message = { zh: '承诺书内容', en: 'Commitment statement' };

/** Every problem with the form, in form order; empty when it can be submitted. `today` is China's date. */
export function validateChildbirthRegistration(form: ChildbirthRegistrationForm, today: string): FamilyFieldError[] {
  const parents = checkParents(form.mother, form.father, today);
  const errors = [...parents.errors];
  if (form.married && form.father === null) {
    errors.push(
      fieldError('father', 'father.requiredWhenMarried', {
        zh: '已婚登记请填写父亲信息（非婚生育可不填）',
        en: 'A married couple registers together: enter the father (he may be left out only outside marriage)',
      }),
    );
  }
  const level = regionLevelOf(form.residenceRegionCode ?? '');
  if (level !== 'township' && level !== 'village') {
    errors.push(
      fieldError('residenceRegionCode', 'residenceRegion.format', {
        zh: `居住地代码“${shown(String(form.residenceRegionCode ?? ''))}”应为9位乡镇(街道)代码或12位村(居)委会代码`,
        en: `Place of residence "${shown(String(form.residenceRegionCode ?? ''))}" must be a 9-digit township or 12-digit village code`,
      }),
    );
  }
  errors.push(
    ...(form.childStatus === 'pregnant' ? checkPregnancy(form, today) : checkBornChild(form, today, parents)),
  );
  if (!form.commitment?.accepted) {
    errors.push(
      fieldError('commitment.accepted', 'commitment.notAccepted', {
        zh: '请阅读并确认承诺书：生育登记实行承诺制，以本人承诺代替证明材料',
        en: 'Read and accept the commitment: the registration takes your written commitment instead of certificates',
      }),
    );
  }
  errors.push(
    ...checkTextAt(
      'commitment.statement',
      STATEMENT,
      form.commitment?.statement ?? '',
      COMMITMENT_STATEMENT_MAX_LENGTH,
      true,
    ),
  );
  return errors;
}

function checkPregnancy(form: ChildbirthRegistrationForm, today: string): FamilyFieldError[] {
  const errors: FamilyFieldError[] = [];
  if (form.child != null)
    errors.push(
      conflictingStatus(
        'child',
        '怀孕登记不填子女信息；孩子已出生请选择“已出生”',
        'A pregnancy has no child details yet; choose "born" if the child is born',
      ),
    );
  const date = form.expectedBirthDate;
  if (date == null || date === '') {
    errors.push(
      fieldError('expectedBirthDate', 'expectedBirthDate.required', {
        zh: '请填写预产期',
        en: 'Expected date of birth is required',
      }),
    );
    return errors;
  }
  const format = checkDateAt('expectedBirthDate', 'form', date, EXPECTED_BIRTH_DATE);
  if (format.length > 0) return [...errors, ...format];
  if (date < today) {
    errors.push(
      fieldError('expectedBirthDate', 'expectedBirthDate.past', {
        zh: `预产期 ${date} 早于今天（${today}）；孩子已出生请选择“已出生”并填写出生日期`,
        en: `Expected date of birth ${date} is before today (${today}); if the child is born, choose "born" and give the date of birth`,
      }),
    );
  }
  const latest = addMonths(today, EXPECTED_BIRTH_MAX_MONTHS_AHEAD);
  if (date > latest) {
    errors.push(
      fieldError('expectedBirthDate', 'expectedBirthDate.tooFar', {
        zh: `预产期 ${date} 距今超过${EXPECTED_BIRTH_MAX_MONTHS_AHEAD}个月（最晚 ${latest}），请核对`,
        en: `Expected date of birth ${date} is more than ${EXPECTED_BIRTH_MAX_MONTHS_AHEAD} months away (latest ${latest}); check it`,
      }),
    );
  }
  return errors;
}

function checkBornChild(form: ChildbirthRegistrationForm, today: string, parents: ParentsCheck): FamilyFieldError[] {
  const errors: FamilyFieldError[] = [];
  if (form.expectedBirthDate != null && form.expectedBirthDate !== '') {
    errors.push(
      conflictingStatus(
        'expectedBirthDate',
        '孩子已出生，请填写出生日期而非预产期',
        'The child is born: give the date of birth, not an expected date',
      ),
    );
  }
  const child = form.child;
  if (child == null) {
    return [
      ...errors,
      fieldError('child', 'child.required', {
        zh: '孩子已出生，请填写子女的姓名、性别和出生日期',
        en: "The child is born: enter the child's name, sex and date of birth",
      }),
    ];
  }
  errors.push(...checkNameAt('child.name', 'child', child.name));
  errors.push(
    ...checkChildBirthDate('child.birthDate', 'child', child.birthDate, today, [parents.mother, parents.father]),
  );
  return errors;
}

function conflictingStatus(field: string, zh: string, en: string): FamilyFieldError {
  return fieldError(field, 'childStatus.conflicting', about('form', { zh, en }));
}

/** Issue 4: processed within 3 working days of submission online; the submission day does not count. */
export function childbirthRegistrationDeadline(
  submittedOn: string,
  cal: WorkingDayCalendar = DEFAULT_WORKING_DAY_CALENDAR,
): string {
  return addWorkingDays(submittedOn, CHILDBIRTH_REGISTRATION_WORKING_DAYS, cal);
}
