import { describe, expect, it } from 'vitest';
import {
  checkLifeEvent,
  kindsOfDepartment,
  mayRecordMaternal,
  type LifeEventFacts,
  type LifeEventPerson,
} from './life-events.js';

const woman: LifeEventPerson = {
  sex: 'female',
  birthDate: '1990-06-15',
  deathDate: null,
  residenceRegionCode: '533423101001',
};
const TODAY = '2026-12-07';
const code = (e: Partial<LifeEventFacts>, p: Partial<LifeEventPerson> = {}) =>
  checkLifeEvent({ kind: 'death', eventDate: '2026-11-20', ...e }, { ...woman, ...p }, TODAY)?.code ?? null;

describe('the rules of a life event', () => {
  it.each([
    ['a death of today', { eventDate: TODAY }, {}, null],
    ['a date after today', { eventDate: '2026-12-08' }, {}, 'lifeEvent.futureDate'],
    ['a date before the birth', { eventDate: '1990-06-14' }, {}, 'lifeEvent.beforeBirth'],
    ['a second death', {}, { deathDate: '2026-01-01' }, 'lifeEvent.alreadyDead'],
    ['a marriage after the death', { kind: 'marriage' as const }, { deathDate: '2026-01-01' }, 'lifeEvent.afterDeath'],
    ['a maternal death of a man', { maternal: true }, { sex: 'male' as const }, 'lifeEvent.maternalMale'],
    // 10–60 inclusive (民法典 第一千二百五十九条): the day before the 61st birthday is 60.
    ['a maternal death at 60', { maternal: true, eventDate: '2026-06-14' }, { birthDate: '1965-06-15' }, null],
    [
      'a maternal death at 61',
      { maternal: true, eventDate: '2026-06-15' },
      { birthDate: '1965-06-15' },
      'lifeEvent.maternalAge',
    ],
    ['a maternal death at 10', { maternal: true, eventDate: '2026-06-15' }, { birthDate: '2016-06-15' }, null],
    [
      'a maternal death at 9',
      { maternal: true, eventDate: '2026-06-14' },
      { birthDate: '2016-06-15' },
      'lifeEvent.maternalAge',
    ],
    [
      'a maternal death from injury',
      { maternal: true, causeCategory: 'injury' as const },
      {},
      'lifeEvent.maternalInjury',
    ],
    [
      'a move out without a code',
      { kind: 'moveOut' as const, otherRegionName: '昆明' },
      {},
      'lifeEvent.otherRegionMissing',
    ],
    [
      'a move in with a name only',
      { kind: 'moveIn' as const, otherRegionName: '昆明', newResidenceCode: '533423102001' },
      {},
      null,
    ],
    [
      'a move out to a province code',
      { kind: 'moveOut' as const, otherRegionCode: '53' },
      {},
      'lifeEvent.otherRegionCode',
    ],
    [
      'a move out to where they live',
      { kind: 'moveOut' as const, otherRegionCode: '533423101001' },
      {},
      'lifeEvent.sameRegion',
    ],
    [
      'a move in to where they live',
      { kind: 'moveIn' as const, otherRegionCode: '530102', newResidenceCode: '533423101001' },
      {},
      'lifeEvent.sameRegion',
    ],
  ])('%s', (_what, e, p, want) => {
    expect(code(e, p)).toBe(want);
  });

  it('gives each department its kinds, and the maternal flag to the hospital alone', () => {
    expect(kindsOfDepartment('hospital')).toEqual(['death']);
    expect(kindsOfDepartment('publicSecurity')).toEqual(['death', 'moveIn', 'moveOut', 'marriage']);
    expect(kindsOfDepartment('finance')).toEqual([]);
    expect(kindsOfDepartment(null)).toEqual([]);
    expect([mayRecordMaternal('hospital'), mayRecordMaternal('publicSecurity')]).toEqual([true, false]);
  });
});
