import type { ChildbirthPrefill } from '@cradle/contract';
import { describe, expect, it } from 'vitest';
import { registryParentsOf } from '../registration/registrationForm';
import {
  checkBundle,
  initialBundleValues,
  locateBundleField,
  needsExistingCertificate,
  needsExistingNewbornId,
  toBundleBody,
  type BundleValues,
} from './bundleForm';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Beijing
const person = (personId: number, sex: 'male' | 'female') => ({
  personId,
  name: 'x',
  idMasked: '',
  sex,
  age: 30,
  hukouRegion: '',
  residenceRegion: '',
});
const PREFILL: ChildbirthPrefill = {
  bound: true,
  mother: person(11, 'female'),
  father: person(12, 'male'),
  registrySpouse: true,
  children: [],
  parity: 2,
  residenceRegionCode: '533423101001',
  residenceRegion: '',
};
const NEWBORN = {
  name: '李二',
  sex: 'female',
  birthDate: '2026-03-01',
  birthTime: '08:30',
  birthPlace: '云南省维西县',
  hospitalName: '维西县人民医院',
} as const;

describe('the newborn bundle form', () => {
  it('asks for an existing certificate number only for hukou without the certificate service', () => {
    expect(needsExistingCertificate(['hukouRegistration'])).toBe(true);
    expect(needsExistingCertificate(['birthCertificate', 'hukouRegistration'])).toBe(false);
    expect(needsExistingNewbornId(['medicalInsuranceEnrollment'])).toBe(true);
    expect(needsExistingNewbornId(['hukouRegistration', 'socialSecurityCard'])).toBe(false);
  });

  it('sends the registry parents by person number, the services in their order, no numbers they do not need', () => {
    const v: BundleValues = {
      ...initialBundleValues(PREFILL),
      newborn: { ...NEWBORN },
      services: ['socialSecurityCard', 'birthCertificate', 'hukouRegistration'],
      existingBirthCertificateNo: 'Q530012345',
    };
    const body = toBundleBody(v, registryParentsOf(PREFILL));
    expect(body.mother).toEqual({ personId: 11 });
    expect(body.father).toEqual({ personId: 12 });
    expect(body.services).toEqual(['birthCertificate', 'hukouRegistration', 'socialSecurityCard']);
    expect(body.existingBirthCertificateNo).toBeNull();
    expect(body.hukouRegionCode).toBe('533423101001');
    expect(checkBundle(v, registryParentsOf(PREFILL), NOW)).toEqual([]);
  });

  it("applies the domain's rules: no services, a birth in the future, hukou without a certificate number", () => {
    const v: BundleValues = {
      ...initialBundleValues(PREFILL),
      newborn: { ...NEWBORN, birthDate: '2026-04-01' },
      services: [],
    };
    expect(checkBundle(v, registryParentsOf(PREFILL), NOW).map((e) => e.field)).toEqual([
      'newborn.birthDate',
      'services',
    ]);
    const hukouOnly: BundleValues = { ...v, newborn: { ...NEWBORN }, services: ['hukouRegistration'] };
    const errors = checkBundle(hukouOnly, registryParentsOf(PREFILL), NOW);
    expect(errors.map((e) => e.field)).toEqual(['existingBirthCertificateNo']);
    expect(errors.every((e) => locateBundleField(e.field) !== null)).toBe(true);
  });
});
