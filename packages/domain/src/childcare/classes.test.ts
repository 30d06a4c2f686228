import { describe, expect, it } from 'vitest';
import { filingCorrectionDeadline, filingReviewDeadline } from './deadlines.js';
import { AGE_GROUP_RULES, checkClass } from './classes.js';
import { checkFiling, type FilingContent } from './filing-check.js';

const none = { holidays: new Set<string>(), makeupWorkdays: new Set<string>() };

describe('class sizes and carer ratios (托育机构设置标准(试行) 2019)', () => {
  it.each([
    ['infant', 10, 3],
    ['youngToddler', 15, 5],
    ['oldToddler', 20, 7],
    ['mixed', 18, 5],
  ] as const)('%s: at most %i children, 1:%i', (group, max, per) => {
    expect(AGE_GROUP_RULES[group].maxSize).toBe(max);
    expect(AGE_GROUP_RULES[group].childrenPerCarer).toBe(per);
    const full = { name: 'A', ageGroup: group, capacity: max, enrolled: max, carers: Math.ceil(max / per) };
    expect(checkClass(full, 0)).toEqual([]);
    const over = checkClass({ ...full, capacity: max + 1, enrolled: 0, carers: 10 }, 0);
    expect(over.map((b) => b.rule)).toEqual(['class.size']);
    expect(over[0]!.citation.zh).toContain('国卫人口发〔2019〕58号');
  });

  it('refuses a class with too few carers, naming how many it needs', () => {
    const r = checkClass({ name: '托大班一班', ageGroup: 'oldToddler', capacity: 15, enrolled: 10, carers: 2 }, 1);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ rule: 'class.ratio', path: 'classes.1.carers' });
    expect(r[0]!.message.zh).toContain('至少需保育人员3名');
  });
});

describe('filing deadlines (托育机构登记和备案办法(试行) 2019)', () => {
  it('gives the county 5 working days and a sent-back institution 15, the day itself not counted', () => {
    // Friday 2026-12-04: five working days → Friday 2026-12-11; fifteen → Friday 2026-12-25.
    expect(filingReviewDeadline('2026-12-04', none)).toBe('2026-12-11');
    expect(filingCorrectionDeadline('2026-12-04', none)).toBe('2026-12-25');
  });
});

const goodFiling = (): FilingContent => ({
  name: '保和镇阳光托育中心',
  uscc: '91350100M000100Y43',
  registrationAuthority: 'marketRegulation',
  type: 'community',
  operatorForm: 'private',
  regionCode: '533423101',
  address: '保和镇新华街1号',
  premisesArea: 400,
  establishedOn: '2026-01-05',
  slots: 30,
  affordableSlots: 20,
  monthlyFeeFen: 150000,
  affordableFeeFen: 90000,
  classes: [
    { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 8, carers: 2 },
    { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 15, carers: 3 },
  ],
  staff: [1, 2, 3, 4, 5].map((i) => ({
    name: `保育员${i}`,
    post: 'carer' as const,
    qualification: '保育师',
    healthCertificateNo: `JK${i}`,
    healthCertificateIssuedOn: '2026-03-01',
    healthCertificateValidUntil: '2027-02-28',
  })),
});

describe('a whole filing', () => {
  it('passes a 30-slot centre with 20 affordable in two classes that meet the standard', () => {
    expect(checkFiling(goodFiling(), '2026-12-07')).toEqual([]);
  });

  it('lists every broken rule with its clause', () => {
    const f = goodFiling();
    f.classes[1] = { ...f.classes[1]!, capacity: 22 };
    f.slots = 32;
    f.affordableSlots = 40;
    f.staff[0] = { ...f.staff[0]!, healthCertificateValidUntil: '2026-01-01' };
    f.staff[1] = { ...f.staff[1]!, healthCertificateIssuedOn: '2027-01-01' };
    f.establishedOn = '2027-01-01';
    const rules = checkFiling(f, '2026-12-07').map((b) => b.rule);
    expect(rules).toEqual([
      'institution.futureDate',
      'slots.affordable',
      'class.size',
      'class.ratio',
      'staff.healthCertificate',
      'staff.futureDate',
    ]);
  });

  it('refuses a bad credit code and one of the wrong authority', () => {
    expect(checkFiling({ ...goodFiling(), uscc: '91350100M000100Y44' }, '2026-12-07')[0]!.rule).toBe(
      'uscc.checkCharacter',
    );
    expect(checkFiling({ ...goodFiling(), registrationAuthority: 'staffing' }, '2026-12-07')[0]!.rule).toBe(
      'uscc.authority',
    );
  });

  it('wants an affordable price when there are affordable slots, no higher than the fee', () => {
    expect(checkFiling({ ...goodFiling(), affordableFeeFen: null }, '2026-12-07').map((b) => b.rule)).toEqual([
      'fee.affordableMissing',
    ]);
    expect(checkFiling({ ...goodFiling(), affordableFeeFen: 200000 }, '2026-12-07').map((b) => b.rule)).toEqual([
      'fee.affordableHigher',
    ]);
  });

  it('counts the carers the classes name against the staff list', () => {
    const f = { ...goodFiling(), staff: goodFiling().staff.slice(0, 4) };
    expect(checkFiling(f, '2026-12-07').map((b) => b.rule)).toEqual(['staff.carers']);
  });
});
