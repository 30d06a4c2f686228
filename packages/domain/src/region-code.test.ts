import { describe, expect, it } from 'vitest';
import {
  isWithinJurisdiction,
  parentRegionCode,
  regionAncestors,
  regionLevelLabel,
  regionLevelOf,
} from './region-code.js';

describe('region codes', () => {
  it.each([
    ['53', 'province'],
    ['5301', 'city'],
    ['530102', 'county'],
    ['530102001', 'township'],
    ['530102001001', 'village'],
    ['5', null],
    ['53010', null],
    ['5301020010', null],
    ['53010200100a', null],
    [' 5301', null],
    ['', null],
  ] as const)('reads %j as level %s', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it('finds the parent one level up', () => {
    expect(parentRegionCode('530102001001')).toBe('530102001');
    expect(parentRegionCode('530102001')).toBe('530102');
    expect(parentRegionCode('530102')).toBe('5301');
    expect(parentRegionCode('5301')).toBe('53');
    expect(parentRegionCode('53')).toBeNull();
    expect(parentRegionCode('x')).toBeNull();
  });

  it('lists ancestors from the province down to the code itself', () => {
    expect(regionAncestors('530102001001')).toEqual(['53', '5301', '530102', '530102001', '530102001001']);
    expect(regionAncestors('53')).toEqual(['53']);
    expect(regionAncestors('123')).toEqual([]);
  });

  it('puts a region within its own and its ancestors’ jurisdictions only', () => {
    expect(isWithinJurisdiction('530102001001', '530102')).toBe(true);
    expect(isWithinJurisdiction('530102001001', '530102001001')).toBe(true);
    expect(isWithinJurisdiction('530102001001', '53')).toBe(true);
    expect(isWithinJurisdiction('530103001001', '530102')).toBe(false);
    expect(isWithinJurisdiction('5301', '530102')).toBe(false);
  });

  it('refuses invalid codes on either side', () => {
    expect(isWithinJurisdiction('530102001001', '')).toBe(false);
    expect(isWithinJurisdiction('530102001001', '530')).toBe(false);
    expect(isWithinJurisdiction('5301020010019', '530102')).toBe(false);
  });

  it('labels the levels as users know them', () => {
    expect(regionLevelLabel('township').zh).toBe('乡(镇)、街道');
    expect(regionLevelLabel('village').zh).toBe('村(居)委会');
    expect(regionLevelLabel('city').zh).toBe('市(州)');
  });
});
