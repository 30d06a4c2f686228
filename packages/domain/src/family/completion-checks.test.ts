import { describe, expect, it } from 'vitest';
import { checkCompletion, type CompletionContext, type CompletionInput } from './completion-checks.js';
import { idOf, NEWBORN_ID, TODAY, withWrongCheck } from './test-fixtures.js';

const CTX: CompletionContext = {
  newborn: { birthDate: '2026-03-02', sex: 'female' },
  hukouRegionCode: '533423100201',
  today: TODAY,
};
const codes = (input: CompletionInput, ctx = CTX) => {
  const r = checkCompletion(input, ctx);
  return r.ok ? [] : r.errors.map((e) => `${e.field} ${e.code}`);
};

describe('checkCompletion', () => {
  it.each<[string, CompletionInput, string[]]>([
    ['a certificate number: a letter and 9 digits', { service: 'birthCertificate', certificateNo: 'Q530012345' }, []],
    [
      'a certificate number one digit short',
      { service: 'birthCertificate', certificateNo: 'Q53001234' },
      ['certificateNo birthCertificateNo.format'],
    ],
    [
      'a certificate number without its letter',
      { service: 'birthCertificate', certificateNo: '5300123456' },
      ['certificateNo birthCertificateNo.format'],
    ],
    ["the newborn's ID number", { service: 'hukouRegistration', idNumber: NEWBORN_ID }, []],
    [
      'an ID number whose check character is wrong',
      { service: 'hukouRegistration', idNumber: withWrongCheck(NEWBORN_ID) },
      ['idNumber idNumber.checkCharacter'],
    ],
    [
      'an ID number of another birth date',
      { service: 'hukouRegistration', idNumber: idOf('533423', '20260303', '002') },
      ['idNumber newbornIdNumber.birthDateMismatch'],
    ],
    [
      'an ID number of the other sex',
      { service: 'hukouRegistration', idNumber: idOf('533423', '20260302', '001') },
      ['idNumber newbornIdNumber.sexMismatch'],
    ],
    [
      'an ID number of another county',
      { service: 'hukouRegistration', idNumber: idOf('533401', '20260302', '002') },
      ['idNumber newbornIdNumber.regionMismatch'],
    ],
    [
      'a residence permit number',
      { service: 'hukouRegistration', idNumber: idOf('810000', '20260302', '002') },
      ['idNumber newbornIdNumber.notResident'],
    ],
    ['an enrolment date', { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-03-05' }, []],
    [
      'an enrolment before birth',
      { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-03-01' },
      ['enrolledOn enrolledOn.beforeBirth'],
    ],
    [
      'an enrolment after today',
      { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-03-11' },
      ['enrolledOn enrolledOn.future'],
    ],
    [
      'an enrolment date that does not exist',
      { service: 'medicalInsuranceEnrollment', enrolledOn: '2026-02-30' },
      ['enrolledOn date.format'],
    ],
    ['no vaccination record number', { service: 'vaccinationRecord' }, []],
    ['a vaccination record number', { service: 'vaccinationRecord', recordNo: '5334-2026-000123' }, []],
    [
      'markup as a vaccination record number',
      { service: 'vaccinationRecord', recordNo: '<b>123456</b>' },
      ['recordNo vaccinationRecordNo.format'],
    ],
    ['a social security card number', { service: 'socialSecurityCard', cardNo: 'A12345678' }, []],
    [
      'a name as a card number',
      { service: 'socialSecurityCard', cardNo: '余小禾' },
      ['cardNo socialSecurityCardNo.format'],
    ],
  ])('%s', (_, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('records numbers normalised, and whether insurance was late', () => {
    expect(checkCompletion({ service: 'birthCertificate', certificateNo: ' q530012345 ' }, CTX)).toEqual({
      ok: true,
      record: { service: 'birthCertificate', certificateNo: 'Q530012345' },
    });
    expect(checkCompletion({ service: 'vaccinationRecord', recordNo: '  ' }, CTX)).toEqual({
      ok: true,
      record: { service: 'vaccinationRecord', recordNo: null },
    });
    const late = { ...CTX, today: '2026-07-01' };
    expect(checkCompletion({ service: 'medicalInsuranceEnrollment', enrolledOn: '2026-05-31' }, late)).toMatchObject({
      ok: true,
      record: { lateEnrolment: false },
    });
    expect(checkCompletion({ service: 'medicalInsuranceEnrollment', enrolledOn: '2026-06-01' }, late)).toMatchObject({
      ok: true,
      record: { lateEnrolment: true },
    });
  });

  it('names the format in both languages', () => {
    const r = checkCompletion({ service: 'birthCertificate', certificateNo: 'ABC' }, CTX);
    expect(r.ok ? null : r.errors[0]!.message).toEqual({
      zh: '出生医学证明编号“ABC”应为1个大写字母加9位数字，如 Q530012345',
      en: 'Birth certificate number "ABC" must be one capital letter and 9 digits, e.g. Q530012345',
    });
  });
});
