import { describe, expect, it } from 'vitest';
import {
  childbirthRegistrationDeadline,
  validateChildbirthRegistration,
  type ChildbirthRegistrationForm,
} from './childbirth-registration.js';
import { BORN_FORM, FATHER_ID, idOf, MOTHER_ID, PREGNANT_FORM, TODAY, withWrongCheck } from './test-fixtures.js';

type Change = (f: ChildbirthRegistrationForm) => ChildbirthRegistrationForm;
const codes = (form: ChildbirthRegistrationForm) =>
  validateChildbirthRegistration(form, TODAY).map((e) => `${e.field} ${e.code}`);
const mother =
  (m: Partial<ChildbirthRegistrationForm['mother']>): Change =>
  (f) => ({ ...f, mother: { ...f.mother, ...m } });
const father =
  (m: Partial<NonNullable<ChildbirthRegistrationForm['father']>>): Change =>
  (f) => ({ ...f, father: { ...f.father!, ...m } });
const child =
  (c: Partial<NonNullable<ChildbirthRegistrationForm['child']>>): Change =>
  (f) => ({ ...f, child: { ...f.child!, ...c } });

describe('validateChildbirthRegistration', () => {
  it('accepts a married couple registering a born child', () => {
    expect(codes(BORN_FORM)).toEqual([]);
  });

  it('accepts an unmarried mother registering a pregnancy alone, with a 间隔号 in her name', () => {
    expect(codes(PREGNANT_FORM)).toEqual([]);
  });

  it.each<[string, ChildbirthRegistrationForm, string[]]>([
    [
      "a mother's ID number whose check character is wrong",
      mother({ idNumber: withWrongCheck(MOTHER_ID) })(BORN_FORM),
      ['mother.idNumber idNumber.checkCharacter'],
    ],
    [
      "a 15-digit mother's ID number",
      mother({ idNumber: '533423950312124' })(BORN_FORM),
      ['mother.idNumber idNumber.format'],
    ],
    [
      "a mother's ID number whose sex digit is male",
      mother({ idNumber: idOf('533423', '19950312', '125') })(BORN_FORM),
      ['mother.idNumber idNumber.sexContradictsRole'],
    ],
    [
      "a father's ID number whose sex digit is female",
      father({ idNumber: idOf('533423', '19930708', '130') })(BORN_FORM),
      ['father.idNumber idNumber.sexContradictsRole'],
    ],
    [
      'the same person as mother and father',
      father({ idNumber: MOTHER_ID })(BORN_FORM),
      ['father.idNumber idNumber.sexContradictsRole', 'father.idNumber parents.samePerson'],
    ],
    [
      'a script tag in a name',
      mother({ name: '<script>alert(1)</script>' })(BORN_FORM),
      ['mother.name name.invalidCharacters'],
    ],
    [
      'a control character in a name',
      father({ name: '余建\u0007国' })(BORN_FORM),
      ['father.name name.invalidCharacters'],
    ],
    ['an empty name', child({ name: '  ' })(BORN_FORM), ['child.name name.required']],
    ['a name of 51 characters', mother({ name: '和'.repeat(51) })(BORN_FORM), ['mother.name name.tooLong']],
    [
      'a phone that is not a mobile number',
      mother({ phone: '0887-1234567' })(BORN_FORM),
      ['mother.phone phone.format'],
    ],
    ['a married couple without the father', { ...BORN_FORM, father: null }, ['father father.requiredWhenMarried']],
    [
      'a county code where the family lives',
      { ...BORN_FORM, residenceRegionCode: '533423' },
      ['residenceRegionCode residenceRegion.format'],
    ],
    [
      'a birth date that does not exist',
      child({ birthDate: '2026-02-29' })(BORN_FORM),
      ['child.birthDate date.format'],
    ],
    ['a birth date after today', child({ birthDate: '2026-03-11' })(BORN_FORM), ['child.birthDate birthDate.future']],
    [
      'a child born before its father',
      child({ birthDate: '1990-01-01' })(BORN_FORM),
      ['child.birthDate birthDate.beforeParent'],
    ],
    ['a born child without details', { ...BORN_FORM, child: null }, ['child child.required']],
    [
      'a born child with an expected date',
      { ...BORN_FORM, expectedBirthDate: '2026-04-01' },
      ['expectedBirthDate childStatus.conflicting'],
    ],
    [
      'a pregnancy without a due date',
      { ...PREGNANT_FORM, expectedBirthDate: null },
      ['expectedBirthDate expectedBirthDate.required'],
    ],
    [
      'a due date that does not exist',
      { ...PREGNANT_FORM, expectedBirthDate: '2026-13-01' },
      ['expectedBirthDate date.format'],
    ],
    [
      'a due date in the past',
      { ...PREGNANT_FORM, expectedBirthDate: '2026-03-09' },
      ['expectedBirthDate expectedBirthDate.past'],
    ],
    [
      'a due date more than 10 months ahead',
      { ...PREGNANT_FORM, expectedBirthDate: '2027-01-11' },
      ['expectedBirthDate expectedBirthDate.tooFar'],
    ],
    [
      'a pregnancy with child details',
      { ...PREGNANT_FORM, child: BORN_FORM.child! },
      ['child childStatus.conflicting'],
    ],
    [
      'a commitment not accepted',
      { ...BORN_FORM, commitment: { ...BORN_FORM.commitment, accepted: false } },
      ['commitment.accepted commitment.notAccepted'],
    ],
    [
      'an empty commitment statement',
      { ...BORN_FORM, commitment: { accepted: true, statement: ' ' } },
      ['commitment.statement text.required'],
    ],
    [
      'markup in the commitment statement',
      { ...BORN_FORM, commitment: { accepted: true, statement: '承诺<img src=x>' } },
      ['commitment.statement text.invalidCharacters'],
    ],
  ])('flags %s', (_, form, expected) => {
    expect(codes(form)).toEqual(expected);
  });

  it('takes a due date today, or exactly 10 months ahead', () => {
    expect(codes({ ...PREGNANT_FORM, expectedBirthDate: TODAY })).toEqual([]);
    expect(codes({ ...PREGNANT_FORM, expectedBirthDate: '2027-01-10' })).toEqual([]);
  });

  it('takes a multi-line statement and a grouped phone number', () => {
    const form = {
      ...mother({ phone: '138 0013 8000' })(BORN_FORM),
      commitment: { accepted: true, statement: '第一行\n第二行' },
    };
    expect(codes(form)).toEqual([]);
  });

  it('says in both languages whose field is wrong and what is wrong', () => {
    const [error] = validateChildbirthRegistration(mother({ name: '<b>和</b>' })(BORN_FORM), TODAY);
    expect(error!.message.zh).toMatch(/^母亲：姓名含有不允许的字符：“<”/);
    expect(error!.message.en).toMatch(/^Mother: Name contains characters that are not allowed/);
    const [dateError] = validateChildbirthRegistration(child({ birthDate: '2026-02-29' })(BORN_FORM), TODAY);
    expect(dateError!.message).toEqual({
      zh: '子女：出生日期“2026-02-29”不是有效日期，请按 2026-01-05 的格式填写',
      en: 'Child: Date of birth "2026-02-29" is not a real date; use the format 2026-01-05',
    });
  });

  it('gives every message in zh-CN and English', () => {
    const broken: ChildbirthRegistrationForm = {
      ...BORN_FORM,
      mother: { name: '', idNumber: 'x', phone: '1' },
      father: { name: '<', idNumber: FATHER_ID.slice(0, 17) },
      residenceRegionCode: '',
      child: { name: '', sex: 'male', birthDate: '' },
      commitment: { accepted: false, statement: '' },
    };
    const errors = validateChildbirthRegistration(broken, TODAY);
    expect(errors.length).toBeGreaterThan(6);
    for (const e of errors) {
      expect(e.message.zh).not.toBe('');
      expect(e.message.en).not.toBe('');
    }
  });
});

describe('childbirthRegistrationDeadline', () => {
  it('is 3 working days after submission, the submission day not counted', () => {
    expect(childbirthRegistrationDeadline('2026-03-06')).toBe('2026-03-11');
    expect(childbirthRegistrationDeadline('2026-02-13')).toBe('2026-02-25');
  });
});
