import { describe, expect, it } from 'vitest';
import { applyCorrections } from './corrections.js';
import { BUNDLE_FORM } from './test-fixtures.js';

describe('applyCorrections', () => {
  it('changes the corrected fields and nothing else', () => {
    const next = applyCorrections(BUNDLE_FORM, {
      'newborn.birthPlace': '维西县保和镇',
      'mother.phone': '13900139000',
      hukouRegionCode: '533423100202',
    });
    expect(next).toEqual({
      ...BUNDLE_FORM,
      newborn: { ...BUNDLE_FORM.newborn, birthPlace: '维西县保和镇' },
      mother: { ...BUNDLE_FORM.mother, phone: '13900139000' },
      hukouRegionCode: '533423100202',
    });
    expect(BUNDLE_FORM.newborn.birthPlace).toBe('云南省迪庆州维西县');
  });

  it('clears an optional number or phone with null', () => {
    const form = { ...BUNDLE_FORM, existingBirthCertificateNo: 'Q530012345' };
    expect(applyCorrections(form, { existingBirthCertificateNo: null, 'mother.phone': null })).toMatchObject({
      existingBirthCertificateNo: null,
      mother: { phone: null },
    });
  });

  it('starts a father from empty fields when none was declared', () => {
    expect(applyCorrections({ ...BUNDLE_FORM, father: null }, { 'father.name': '余建国' }).father).toEqual({
      name: '余建国',
      idNumber: '',
    });
  });

  it('sets the sex', () => {
    expect(applyCorrections(BUNDLE_FORM, { 'newborn.sex': 'male' }).newborn.sex).toBe('male');
  });
});
