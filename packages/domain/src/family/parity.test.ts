import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './day-arithmetic.js';
import { parityFromRegistry, type RegistryChild } from './parity.js';

const c = (personId: string, name: string, birthDate: string): RegistryChild => ({ personId, name, birthDate });
const A = c('a', '长子', '2018-02-01');
const B = c('b', '次女', '2021-07-15');
const HALF = c('h', '前妻之子', '2012-09-09');
const NEW = { name: '三宝', birthDate: '2026-03-02' };

describe('parityFromRegistry', () => {
  it.each<[string, Parameters<typeof parityFromRegistry>[0], Parameters<typeof parityFromRegistry>[1], number]>([
    ['a first child', { mother: [], father: [] }, NEW, 1],
    ["a third child by the mother's two elder children", { mother: [A, B], father: [A, B] }, NEW, 3],
    ["the mother's children when both parents are known and differ", { mother: [A, B], father: [HALF, A, B] }, NEW, 3],
    ["the father's children when the mother is unknown", { mother: null, father: [HALF, A] }, NEW, 3],
    ['no parent known: a first child', { mother: null, father: null }, NEW, 1],
    [
      'a younger sibling already on record does not count (a late registration)',
      { mother: [A, c('y', '幼子', '2026-05-01')], father: null },
      NEW,
      2,
    ],
    [
      'a twin born the same day under another name counts',
      { mother: [A, c('t', '三妹', '2026-03-02')], father: null },
      NEW,
      3,
    ],
    [
      'the same child already on record does not count',
      { mother: [A, c('s', '三宝', '2026-03-02')], father: null },
      NEW,
      2,
    ],
    ['a child listed twice counts once', { mother: [A, A], father: null }, NEW, 2],
    ['a pregnancy counts every child', { mother: [A, B], father: null }, null, 3],
  ])('%s', (_, existing, declared, parity) => {
    expect(parityFromRegistry(existing, declared)).toBe(parity);
  });

  const child = fc.record({
    personId: fc.uuid(),
    name: fc.constantFrom('甲', '乙', '丙'),
    birthDate: fc.integer({ min: 0, max: 8000 }).map((i) => addDays('2000-01-01', i)),
  });

  it('is at least 1 and at most one more than the children counted', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 8 }), (kids) => {
        const p = parityFromRegistry({ mother: kids, father: null }, NEW);
        return p >= 1 && p <= kids.length + 1;
      }),
    );
  });

  it('goes up by one with each elder sibling added', () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 8 }), child, (kids, elder) => {
        const older = { ...elder, birthDate: addDays(NEW.birthDate, -1 - (elder.birthDate.charCodeAt(9) % 5)) };
        expect(parityFromRegistry({ mother: [...kids, older], father: null }, NEW)).toBe(
          parityFromRegistry({ mother: kids, father: null }, NEW) + 1,
        );
      }),
    );
  });
});
