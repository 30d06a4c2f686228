import { describe, expect, it } from 'vitest';
import { isProvinceCode, PROVINCE_CODES, PROVINCE_NAMES_EN } from './province-codes.js';

describe('province codes', () => {
  it('lists the 34 province-level divisions', () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(34);
    expect(PROVINCE_CODES['53']).toBe('云南省');
    expect(PROVINCE_CODES['71']).toBe('台湾省');
  });

  it('names every province in English too', () => {
    expect(Object.keys(PROVINCE_NAMES_EN)).toEqual(Object.keys(PROVINCE_CODES));
    expect(PROVINCE_NAMES_EN['53']).toBe('Yunnan');
  });

  it.each([
    ['11', true],
    ['65', true],
    ['82', true],
    ['00', false],
    ['16', false],
    ['83', false],
    ['99', false],
    ['5', false],
    ['toString', false],
  ])('treats %j as a province code: %s', (code, expected) => {
    expect(isProvinceCode(code)).toBe(expected);
  });
});
