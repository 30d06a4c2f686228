import { describe, expect, it } from 'vitest';
import { countKey, type CountKind } from '../count-kinds.js';
import { indicatorFactor, type IndicatorDefinition } from '../indicator.js';
import { findIndicator, getIndicator, INDICATORS } from './index.js';

function countsOf(def: IndicatorDefinition): CountKind[] {
  switch (def.formula.kind) {
    case 'count':
      return [def.formula.count];
    case 'ratio':
      return [def.formula.numerator, def.formula.denominator];
    case 'totalFertility':
      return [{ kind: 'liveBirths' }];
  }
}

describe('indicator catalogue', () => {
  it('names each indicator once, in both languages', () => {
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) for (const m of [i.name, i.unit, i.definition]) expect(m.zh && m.en).toBeTruthy();
  });

  it('holds what issue 13 asks to be built in', () => {
    for (const code of [
      'registeredPopulation',
      'residentPopulation',
      'liveBirthsParity1',
      'liveBirthsParity2',
      'liveBirthsParity3',
      'crudeBirthRate',
      'generalFertilityRate',
      'totalFertilityRate',
      'sexRatioAtBirth',
      'maternalMortalityRatio',
      'neonatalMortalityRate',
      'infantMortalityRate',
      'under5MortalityRate',
      'infantYoungChildMortalityRate',
      'registryCoverage',
      'prenatalScreeningRate',
      'affordableKindergartenCoverage',
      'elderlyCareBedsPer1000',
      'slotsPer1000',
      'affordableSlotsPer1000',
    ])
      expect(findIndicator(code)?.code).toBe(code);
    expect(() => getIndicator('noSuchIndicator')).toThrow();
  });

  it('declares as its source where its numerator is counted', () => {
    for (const i of INDICATORS) {
      const numerator = countsOf(i)[0]!;
      expect(i.source.kind === 'reported').toBe(numerator.kind === 'reported');
      if (i.source.kind === 'reported' && numerator.kind === 'reported')
        expect(numerator.department).toBe(i.source.department);
    }
  });

  it('expresses mortality per 1,000 live births and maternal deaths per 100,000', () => {
    expect(indicatorFactor(getIndicator('maternalMortalityRatio'))).toBe(100000);
    for (const code of ['neonatalMortalityRate', 'infantMortalityRate', 'under5MortalityRate'])
      expect(indicatorFactor(getIndicator(code))).toBe(1000);
    expect(indicatorFactor(getIndicator('sexRatioAtBirth'))).toBe(100);
  });

  it('marks the reading of 婴幼儿死亡率 as Cradle’s', () => {
    expect(getIndicator('infantYoungChildMortalityRate').readings.map((r) => r.by)).toEqual(['cradle']);
  });
});

describe('count keys', () => {
  it('are the same whatever order the fields were written in', () => {
    expect(countKey({ kind: 'liveBirths', sex: 'female', parity: 2 })).toBe(
      countKey({ kind: 'liveBirths', parity: 2, sex: 'female' }),
    );
    expect(countKey({ kind: 'liveBirths', parity: 2, sex: 'female' })).toBe('liveBirths;parity=2;sex=female');
  });

  it('tell apart every count the catalogue uses', () => {
    const kinds = INDICATORS.flatMap(countsOf);
    const byKey = new Map<string, CountKind>();
    for (const k of kinds) {
      const key = countKey(k);
      const seen = byKey.get(key);
      if (seen) expect(seen).toEqual(k);
      byKey.set(key, k);
    }
    // Deaths of all ages and maternal deaths, births and boys, are different counts.
    expect(countKey({ kind: 'deaths' })).not.toBe(countKey({ kind: 'deaths', maternal: true }));
    expect(countKey({ kind: 'liveBirths' })).not.toBe(countKey({ kind: 'liveBirths', sex: 'male' }));
  });
});
