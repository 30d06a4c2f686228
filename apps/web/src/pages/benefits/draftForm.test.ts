import type { ParameterValue, ParameterView } from '@cradle/contract';
import { describe, expect, it } from 'vitest';
import { fieldOfProblem, toDraft } from './draftForm';

const basis = { document: '维发〔2023〕15号', clause: '(十四)' };
const param = (name: string, unit: ParameterView['unit'], value: ParameterValue): ParameterView => ({
  name,
  label: { zh: name, en: name },
  unit,
  setBy: null,
  current: { value, from: '2023-01-01', jurisdictionCode: '', version: null, basis },
});
const PARAMS = [
  param('yearlyAmount', 'fen', 80000),
  param('ageLimitYears', 'years', 3),
  param('bornTo', 'date', '2025-12-31'),
  param('parities', 'parities', [2, 3]),
  param('amountByParity', 'fenByKey', { 2: 200000, 3: 500000 }),
];

describe('toDraft', () => {
  it('sends only the filled parameters, amounts typed in yuan as integer fen', () => {
    const draft = toDraft(PARAMS, {
      effectiveFrom: '2027-01-01',
      values: {
        yearlyAmount: '1,000',
        ageLimitYears: null,
        bornTo: '',
        parities: [3, 2],
        amountByParity: { 2: '2000.5', 3: '' },
      },
      legalBasis: { document: ' 维政发〔2026〕1号 ', clause: '第三条' },
    });
    expect(draft).toEqual({
      effectiveFrom: '2027-01-01',
      values: { yearlyAmount: 100000, parities: [2, 3], amountByParity: { 2: 200050 } },
      legalBasis: { document: '维政发〔2026〕1号', clause: '第三条' },
    });
  });

  it('turns 0.29 yuan into 29 fen, not 28', () => {
    expect(toDraft(PARAMS, { values: { yearlyAmount: '0.29' } }).values).toEqual({ yearlyAmount: 29 });
  });
});

describe('fieldOfProblem', () => {
  const at = (field: string) => fieldOfProblem({ field, message: { zh: '', en: '' } }, PARAMS);
  it('puts each server problem on its form field, or nowhere when the form has none', () => {
    expect(at('effectiveFrom')).toEqual(['effectiveFrom']);
    expect(at('legalBasis.clause')).toEqual(['legalBasis', 'clause']);
    expect(at('values.yearlyAmount')).toEqual(['values', 'yearlyAmount']);
    expect(at('values.amountByParity')).toEqual(['values', 'amountByParity', '2']);
    expect(at('values.colour')).toBeNull();
    expect(at('jurisdictionCode')).toBeNull();
    expect(at('values')).toBeNull();
  });
});
