import { describe, expect, it } from 'vitest';
import { validateNewbornBundle, type NewbornBundleForm } from './newborn-bundle.js';
import { BUNDLE_FORM, idOf, NEWBORN_ID, NOW, withWrongCheck } from './test-fixtures.js';

const codes = (form: NewbornBundleForm, now = NOW) =>
  validateNewbornBundle(form, now).map((e) => `${e.field} ${e.code}`);
const newborn = (n: Partial<NewbornBundleForm['newborn']>): NewbornBundleForm => ({
  ...BUNDLE_FORM,
  newborn: { ...BUNDLE_FORM.newborn, ...n },
});
const only = (services: NewbornBundleForm['services'], extra: Partial<NewbornBundleForm> = {}): NewbornBundleForm => ({
  ...BUNDLE_FORM,
  services,
  ...extra,
});

describe('validateNewbornBundle', () => {
  it('accepts a form asking for all five services', () => {
    expect(codes(BUNDLE_FORM)).toEqual([]);
  });

  it('accepts a birth earlier today, and a mother alone', () => {
    expect(codes(newborn({ birthDate: '2026-03-10', birthTime: '09:59' }))).toEqual([]);
    expect(codes({ ...BUNDLE_FORM, father: null })).toEqual([]);
  });

  it.each<[string, NewbornBundleForm, string[]]>([
    [
      "a script tag in the newborn's name",
      newborn({ name: '<script>x</script>' }),
      ['newborn.name name.invalidCharacters'],
    ],
    ['a sex that is neither', newborn({ sex: 'x' as never }), ['newborn.sex sex.format']],
    ['29 February in a common year', newborn({ birthDate: '2026-02-29' }), ['newborn.birthDate date.format']],
    ['a birth date after today', newborn({ birthDate: '2026-03-11' }), ['newborn.birthDate birthDate.future']],
    [
      'a birth later today than now',
      newborn({ birthDate: '2026-03-10', birthTime: '10:01' }),
      ['newborn.birthTime birthDate.future'],
    ],
    ['a time that is not HH:MM', newborn({ birthTime: '24:00' }), ['newborn.birthTime time.format']],
    ['markup in the place of birth', newborn({ birthPlace: '维西<b>' }), ['newborn.birthPlace text.invalidCharacters']],
    ['no hospital', newborn({ hospitalName: '' }), ['newborn.hospitalName text.required']],
    [
      "a malformed mother's ID number",
      { ...BUNDLE_FORM, mother: { ...BUNDLE_FORM.mother, idNumber: withWrongCheck(BUNDLE_FORM.mother.idNumber) } },
      ['mother.idNumber idNumber.checkCharacter'],
    ],
    [
      'a county code for the hukou',
      { ...BUNDLE_FORM, hukouRegionCode: '533423' },
      ['hukouRegionCode hukouRegion.format'],
    ],
    ['no service', only([]), ['services services.empty']],
    ['an unknown service', only(['passport' as never]), ['services services.unknown']],
    ['a service twice', only(['birthCertificate', 'birthCertificate']), ['services services.duplicate']],
    [
      'hukou without the certificate or its number',
      only(['hukouRegistration']),
      ['existingBirthCertificateNo birthCertificateNo.required'],
    ],
    [
      'a certificate number of the wrong shape',
      only(['hukouRegistration'], { existingBirthCertificateNo: 'Q5300123' }),
      ['existingBirthCertificateNo birthCertificateNo.format'],
    ],
    [
      'a certificate number the hospital is about to issue',
      { ...BUNDLE_FORM, existingBirthCertificateNo: 'Q530012345' },
      ['existingBirthCertificateNo birthCertificateNo.notExpected'],
    ],
    [
      'insurance without hukou or an ID number',
      only(['medicalInsuranceEnrollment']),
      ['existingNewbornIdNumber newbornIdNumber.required'],
    ],
    [
      'an ID number of another county',
      only(['socialSecurityCard'], { existingNewbornIdNumber: idOf('533422', '20260302', '002') }),
      ['existingNewbornIdNumber newbornIdNumber.regionMismatch'],
    ],
    [
      'an ID number when hukou assigns one',
      { ...BUNDLE_FORM, existingNewbornIdNumber: NEWBORN_ID },
      ['existingNewbornIdNumber newbornIdNumber.notExpected'],
    ],
  ])('flags %s', (_, form, expected) => {
    expect(codes(form)).toEqual(expected);
  });

  it('accepts hukou with an existing certificate, and insurance with an existing ID number', () => {
    expect(
      codes(only(['hukouRegistration', 'vaccinationRecord'], { existingBirthCertificateNo: ' q530012345 ' })),
    ).toEqual([]);
    expect(
      codes(only(['medicalInsuranceEnrollment', 'socialSecurityCard'], { existingNewbornIdNumber: NEWBORN_ID })),
    ).toEqual([]);
  });

  it('explains a bad name and a bad date in zh-CN and English', () => {
    const [name] = validateNewbornBundle(newborn({ name: '<script>' }), NOW);
    expect(name!.message.zh).toMatch(/^新生儿：姓名含有不允许的字符：“<”/);
    expect(name!.message.en).toMatch(/^Newborn: Name contains characters that are not allowed/);
    const [date] = validateNewbornBundle(newborn({ birthDate: '2026-02-29' }), NOW);
    expect(date!.message.en).toBe('Newborn: Date of birth "2026-02-29" is not a real date; use the format 2026-01-05');
  });
});
