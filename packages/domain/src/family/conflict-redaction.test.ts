import { describe, expect, it } from 'vitest';
import { withoutRegistrySide } from './conflict-redaction.js';
import { checkAgainstRegistry, type ParentFacts, type RegistryFacts } from './registry-check.js';
import { BORN_FORM } from './test-fixtures.js';

// A stranger's record, as a family that typed the stranger's ID number would make the registry find it.
const STRANGER: ParentFacts = {
  known: true,
  name: '木春花',
  sex: 'male',
  birthDate: '1979-02-03',
  children: [{ personId: 'c1', name: '木小雨', birthDate: BORN_FORM.child!.birthDate }],
};
const STRANGER_FATHER: ParentFacts = {
  known: true,
  name: '木大山',
  sex: 'male',
  birthDate: '1977-04-05',
  children: [{ personId: 'c2', name: '木小风', birthDate: '2015-01-01' }],
};
const FACTS: RegistryFacts = {
  mother: STRANGER,
  father: STRANGER_FATHER,
  earlierRegistrations: [{ registrationId: 'SY5334232026000007', childStatus: 'born', date: '2026-01-02' }],
};

describe('withoutRegistrySide', () => {
  const conflicts = checkAgainstRegistry(BORN_FORM, FACTS);

  it('keeps every conflict code and the declared side, and drops everything the registry holds', () => {
    // The stranger's record disagrees in every way the check knows.
    expect(new Set(conflicts.map((c) => c.code))).toEqual(
      new Set([
        'parentNameDiffers',
        'parentSexContradictsId',
        'parentBirthDateContradictsId',
        'sameBirthDateSibling',
        'childAlreadyRegistered',
        'parentsChildrenDiffer',
      ]),
    );
    const shown = conflicts.map(withoutRegistrySide);
    expect(shown.map((c) => [c.code, c.subject, c.seen.declared])).toEqual(
      conflicts.map((c) => [c.code, c.subject, c.seen.declared]),
    );
    const text = JSON.stringify(shown);
    for (const secret of [
      '木春花',
      '木大山',
      '木小雨',
      '木小风',
      '1979-02-03',
      '2015-01-01',
      'SY5334232026000007',
      '2026-01-02',
    ])
      expect(text).not.toContain(secret);
    expect(shown.every((c) => c.seen.registry === null)).toBe(true);
    expect(
      shown.every((c) => c.message.zh.includes('不在您的辖区内') && c.message.en.includes('outside your jurisdiction')),
    ).toBe(true);
  });

  it('leaves an unknown ID number as it was: the registry holds nothing to hide', () => {
    const [unknown] = checkAgainstRegistry(BORN_FORM, { ...FACTS, mother: { known: false }, father: null });
    expect(unknown!.code).toBe('parentUnknownIdNumber');
    expect(withoutRegistrySide(unknown!)).toEqual(unknown);
  });
});
