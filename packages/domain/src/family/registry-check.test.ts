import { describe, expect, it } from 'vitest';
import type { ChildbirthRegistrationForm } from './childbirth-registration.js';
import type { RegistryChild } from './parity.js';
import {
  checkAgainstRegistry,
  parityOfRegistration,
  SAME_BIRTH_WINDOW_DAYS,
  type ParentFacts,
  type RegistryFacts,
} from './registry-check.js';
import { BORN_FORM, PREGNANT_FORM } from './test-fixtures.js';

const ELDER: RegistryChild = { personId: 'p1', name: '余小山', birthDate: '2021-05-04' };
const MOTHER: ParentFacts = { known: true, name: '和丽华', sex: 'female', birthDate: '1995-03-12', children: [ELDER] };
const FATHER: ParentFacts = { known: true, name: '余建国', sex: 'male', birthDate: '1993-07-08', children: [ELDER] };
const PREGNANT_MOTHER: ParentFacts = { ...MOTHER, name: '阿依古丽·买买提' };
const FACTS: RegistryFacts = { mother: MOTHER, father: FATHER, earlierRegistrations: [] };

const check = (facts: Partial<RegistryFacts>, form: ChildbirthRegistrationForm = BORN_FORM) =>
  checkAgainstRegistry(form, { ...FACTS, ...facts });
const codes = (facts: Partial<RegistryFacts>, form?: ChildbirthRegistrationForm) =>
  check(facts, form).map((c) => `${c.subject} ${c.code}`);

describe('checkAgainstRegistry', () => {
  it('finds nothing when the registry agrees with the form', () => {
    expect(codes({})).toEqual([]);
  });

  it.each<[string, Partial<RegistryFacts>, string[]]>([
    ["the mother's ID number unknown to the registry", { mother: { known: false } }, ['mother parentUnknownIdNumber']],
    ["the father's ID number unknown", { father: { known: false } }, ['father parentUnknownIdNumber']],
    ['another name on record for the mother', { mother: { ...MOTHER, name: '和莉华' } }, ['mother parentNameDiffers']],
    [
      'a recorded sex that contradicts the ID number',
      { father: { ...FATHER, sex: 'female' } },
      ['father parentSexContradictsId'],
    ],
    [
      'a recorded birth date that contradicts the ID number',
      { mother: { ...MOTHER, birthDate: '1995-03-21' } },
      ['mother parentBirthDateContradictsId'],
    ],
    [
      'the child already on record under the same name and day',
      { mother: { ...MOTHER, children: [ELDER, { personId: 'p2', name: '余小禾', birthDate: '2026-03-02' }] } },
      ['child childAlreadyRegistered', 'father parentsChildrenDiffer'],
    ],
    [
      'a child born the same day under another name (a twin?)',
      { mother: { ...MOTHER, children: [ELDER, { personId: 'p2', name: '余小苗', birthDate: '2026-03-02' }] } },
      ['child sameBirthDateSibling', 'father parentsChildrenDiffer'],
    ],
    [
      'a registration of the same birth on record',
      { earlierRegistrations: [{ registrationId: 'R2026-0001', childStatus: 'pregnant', date: '2026-03-20' }] },
      ['child childAlreadyRegistered'],
    ],
    [
      'a child linked to the father only',
      { father: { ...FATHER, children: [ELDER, { personId: 'p9', name: '余大宝', birthDate: '2015-01-01' }] } },
      ['mother parentsChildrenDiffer'],
    ],
  ])('flags %s', (_, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  it('shows what the registry holds against what was declared, ID numbers masked', () => {
    const [unknown] = check({ mother: { known: false } });
    expect(unknown!.seen).toEqual({ registry: null, declared: '533423********1247' });
    expect(unknown!.message.zh).toContain('全员人口库中没有母亲的公民身份号码');
    expect(unknown!.message.en).toContain("The registry does not know the mother's ID number");
    const [sex] = check({ father: { ...FATHER, sex: 'female' } });
    expect(sex!.seen).toEqual({ registry: 'female', declared: 'male' });
  });

  it('reads the middle dot and spaces in names the way people type them', () => {
    const form = { ...PREGNANT_FORM, mother: { ...PREGNANT_FORM.mother, name: '阿依古丽 • 买买提' } };
    expect(codes({ mother: { ...MOTHER, name: '阿依古丽·买买提' }, father: null }, form)).toEqual([]);
  });

  it(`takes an earlier pregnancy within ${SAME_BIRTH_WINDOW_DAYS} days of the due date for the same birth, not one further away`, () => {
    const near = { registrationId: 'R1', childStatus: 'pregnant' as const, date: '2027-02-16' };
    const far = { registrationId: 'R2', childStatus: 'born' as const, date: '2027-02-17' };
    expect(codes({ mother: PREGNANT_MOTHER, father: null, earlierRegistrations: [near] }, PREGNANT_FORM)).toEqual([
      'child childAlreadyRegistered',
    ]);
    expect(codes({ mother: PREGNANT_MOTHER, father: null, earlierRegistrations: [far] }, PREGNANT_FORM)).toEqual([]);
  });

  it('takes a child born shortly before a registered due date for that child', () => {
    const born = { personId: 'p3', name: '阿依', birthDate: '2026-06-01' };
    expect(codes({ mother: { ...PREGNANT_MOTHER, children: [born] }, father: null }, PREGNANT_FORM)).toEqual([
      'child childAlreadyRegistered',
    ]);
  });

  it('leaves out the father when none is declared', () => {
    expect(codes({ father: null }, { ...BORN_FORM, father: null, married: false })).toEqual([]);
  });
});

describe('parityOfRegistration', () => {
  it('counts the elder sibling: the child is a second child', () => {
    expect(parityOfRegistration(BORN_FORM, FACTS)).toBe(2);
  });

  it("counts the father's children when the registry does not know the mother", () => {
    expect(parityOfRegistration(BORN_FORM, { ...FACTS, mother: { known: false } })).toBe(2);
    expect(
      parityOfRegistration(BORN_FORM, { mother: { known: false }, father: { known: false }, earlierRegistrations: [] }),
    ).toBe(1);
  });
});
