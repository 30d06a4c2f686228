import { describe, expect, it } from 'vitest';
import {
  checkSpecialFamilyProposal,
  checkVisitDate,
  DEFAULT_VISIT_INTERVAL_MONTHS,
  familySizeAnswer,
  isVisitOverdue,
  minorChildren,
  nextVisitDue,
  type ProposalFacts,
  type ProposalInput,
} from './index.js';

const TODAY = '2026-12-07';
const contacts = [{ role: 'worker' as const }, { role: 'doctor' as const }];
const bereaved: ProposalInput = { kind: 'bereaved', eventDate: '2025-03-01', disabilityGrade: null, contacts };
const facts = (over: Partial<ProposalFacts> = {}): ProposalFacts => ({
  child: { birthDate: '1995-05-01', deathDate: '2025-03-01' },
  parents: [
    { sex: 'female', deathDate: null },
    { sex: 'male', deathDate: null },
  ],
  otherChildren: 0,
  ...over,
});
const codes = (input: ProposalInput, f: ProposalFacts) =>
  checkSpecialFamilyProposal(input, f, TODAY).map((p) => p.code);

describe('a special-family proposal', () => {
  it('accepts a couple whose only child died, with a worker and a family doctor as contacts', () => {
    expect(codes(bereaved, facts())).toEqual([]);
  });

  it('refuses 失独 for a family whose child the registry shows alive, saying what to do', () => {
    const problems = checkSpecialFamilyProposal(
      bereaved,
      facts({ child: { birthDate: '1995-05-01', deathDate: null } }),
      TODAY,
    );
    expect(problems.map((p) => p.code)).toEqual(['specialFamily.childAlive']);
    expect(problems[0]!.message.zh).toContain('仍在世');
    expect(problems[0]!.clause).toContain('001 m21');
  });

  it('refuses an event dated after today', () => {
    const f = facts({ child: { birthDate: '1995-05-01', deathDate: '2027-01-01' } });
    expect(codes({ ...bereaved, eventDate: '2027-01-01' }, f)).toContain('specialFamily.futureDate');
  });

  it('refuses a death date other than the registry’s, and a date before the birth', () => {
    expect(codes({ ...bereaved, eventDate: '2025-03-02' }, facts())).toEqual(['specialFamily.deathDateMismatch']);
    expect(codes({ ...bereaved, eventDate: '1990-01-01' }, facts())).toContain('specialFamily.beforeBirth');
  });

  it('refuses a family with another child, born or adopted', () => {
    expect(codes(bereaved, facts({ otherChildren: 1 }))).toEqual(['specialFamily.notOnlyChild']);
  });

  it('refuses a child with no registered parent, or whose parents have both died', () => {
    expect(codes(bereaved, facts({ parents: [] }))).toEqual(['specialFamily.noParents']);
    expect(codes(bereaved, facts({ parents: [{ sex: 'female', deathDate: '2020-01-01' }] }))).toEqual([
      'specialFamily.parentsDied',
    ]);
  });

  it.each([
    [1, []],
    [2, []],
    [3, []],
    [4, ['specialFamily.disabilityGrade']],
    [null, ['specialFamily.disabilityGrade']],
  ])('伤残 of grade %s: %j', (grade, expected) => {
    const alive = facts({ child: { birthDate: '1995-05-01', deathDate: null } });
    expect(codes({ kind: 'disabledChild', eventDate: '2020-06-01', disabilityGrade: grade, contacts }, alive)).toEqual(
      expected,
    );
  });

  it('refuses 伤残 for a child the registry records as deceased', () => {
    expect(codes({ kind: 'disabledChild', eventDate: '2020-06-01', disabilityGrade: 2, contacts }, facts())).toEqual([
      'specialFamily.childDied',
    ]);
  });

  it('needs a worker and a family doctor, and at most six contacts (3+X)', () => {
    expect(codes({ ...bereaved, contacts: [{ role: 'worker' }] }, facts())).toEqual(['specialFamily.contacts']);
    expect(codes({ ...bereaved, contacts: [{ role: 'worker' }, { role: 'other' }] }, facts())).toEqual([
      'specialFamily.contacts',
    ]);
    const seven = [...contacts, ...Array.from({ length: 5 }, () => ({ role: 'other' as const }))];
    expect(codes({ ...bereaved, contacts: seven }, facts())).toEqual(['specialFamily.contacts']);
    expect(codes({ ...bereaved, contacts: seven.slice(0, 6) }, facts())).toEqual([]);
  });
});

describe('visits', () => {
  it('plans the next visit a quarter later by default (the reading of 定期)', () => {
    expect(DEFAULT_VISIT_INTERVAL_MONTHS).toBe(3);
    expect(nextVisitDue('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('is overdue from the day after it was due', () => {
    expect(isVisitOverdue('2026-12-07', TODAY)).toBe(false);
    expect(isVisitOverdue('2026-12-06', TODAY)).toBe(true);
  });

  it('refuses a visit dated in the future or before the file', () => {
    expect(checkVisitDate('2026-12-08', '2026-01-01', TODAY)?.zh).toContain('不能晚于今天');
    expect(checkVisitDate('2025-12-31', '2026-01-01', TODAY)?.zh).toContain('不能早于建档日期');
    expect(checkVisitDate(TODAY, '2026-01-01', TODAY)).toBeNull();
  });
});

describe('the family-size check', () => {
  it('counts living children under 18 and gives only their birth years', () => {
    const children = [
      { birthDate: '2010-05-01', deathDate: null },
      { birthDate: '2008-12-08', deathDate: null }, // 18 tomorrow: still a minor
      { birthDate: '2008-12-07', deathDate: null }, // 18 today: an adult
      { birthDate: '2015-01-01', deathDate: '2016-01-01' },
      { birthDate: '2020-02-29', deathDate: null },
    ];
    expect(minorChildren(children, TODAY)).toEqual({ count: 3, birthYears: [2008, 2010, 2020] });
  });

  it('answers in words', () => {
    expect(familySizeAnswer(3)).toEqual({ zh: '未成年子女 3 人', en: '3 minor children' });
    expect(familySizeAnswer(1).en).toBe('1 minor child');
  });
});
