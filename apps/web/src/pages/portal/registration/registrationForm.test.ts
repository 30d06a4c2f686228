import type { ChildbirthPrefill } from '@cradle/contract';
import { describe, expect, it } from 'vitest';
import {
  checkRegistration,
  initialValues,
  locateRegistrationField,
  registryParentsOf,
  toRegistrationBody,
  type RegistrationValues,
} from './registrationForm';

const TODAY = '2026-03-10';
const STATEMENT = '本人承诺所填信息真实。';
const person = (personId: number, sex: 'male' | 'female') => ({
  personId,
  name: sex === 'female' ? '和丽' : '李强',
  idMasked: '533423********1234',
  sex,
  age: 30,
  hukouRegion: '',
  residenceRegion: '',
});
const BOUND: ChildbirthPrefill = {
  bound: true,
  mother: person(11, 'female'),
  father: person(12, 'male'),
  registrySpouse: true,
  children: [{ name: '李一', sex: 'male', age: 3 }],
  parity: 2,
  residenceRegionCode: '533423101001',
  residenceRegion: '保和镇南路社区',
};
const UNBOUND: ChildbirthPrefill = {
  bound: false,
  mother: null,
  father: null,
  registrySpouse: false,
  children: [],
  parity: null,
  residenceRegionCode: null,
  residenceRegion: null,
};

describe('the childbirth registration form', () => {
  it('sends the registry parents by person number and a pregnancy with its due date', () => {
    const v: RegistrationValues = {
      ...initialValues(BOUND),
      expectedBirthDate: '2026-08-01',
      commitmentAccepted: true,
    };
    expect(toRegistrationBody(v, registryParentsOf(BOUND), STATEMENT)).toEqual({
      mother: { personId: 11 },
      father: { personId: 12 },
      married: true,
      residenceRegionCode: '533423101001',
      childStatus: 'pregnant',
      expectedBirthDate: '2026-08-01',
      child: null,
      commitment: { accepted: true, statement: STATEMENT },
    });
    expect(checkRegistration(v, registryParentsOf(BOUND), STATEMENT, TODAY)).toEqual([]);
  });

  it('leaves the father out when an unmarried mother registers alone', () => {
    const v: RegistrationValues = { ...initialValues(UNBOUND), married: false, withFather: false };
    expect(toRegistrationBody(v, registryParentsOf(UNBOUND), STATEMENT).father).toBeNull();
  });

  it("applies the domain's rules: a future birth date, a name with markup, no commitment", () => {
    const v: RegistrationValues = {
      ...initialValues(BOUND),
      childStatus: 'born',
      child: { name: '<script>', sex: 'male', birthDate: '2026-04-01' },
    };
    const fields = checkRegistration(v, registryParentsOf(BOUND), STATEMENT, TODAY).map((e) => e.field);
    expect(fields).toEqual(['child.name', 'child.birthDate', 'commitment.accepted']);
  });

  it('checks declared parents but not the ones the registry holds', () => {
    const v: RegistrationValues = {
      ...initialValues(UNBOUND),
      mother: { name: '和丽', idNumber: '123' },
      expectedBirthDate: '2026-08-01',
      commitmentAccepted: true,
    };
    const fields = checkRegistration(v, registryParentsOf(UNBOUND), STATEMENT, TODAY).map((e) => e.field);
    expect(fields).toContain('mother.idNumber');
    expect(fields).toContain('father.name');
    expect(fields.every((f) => locateRegistrationField(f) !== null)).toBe(true);
  });
});
