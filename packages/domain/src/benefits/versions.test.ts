import { describe, expect, it } from 'vitest';
import { checkVersionDraft } from './versions.js';
import { yuan } from './money.js';
import { BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_SPECIAL_ASSISTANCE } from './schemes/baiyin.js';
import { YUNNAN_BIRTH_GRANT } from './schemes/yunnan.js';
import { NOTICE_DAYS, resolveNoticeDays, withNoticeDays } from './parameters.js';

const basis = { document: '白银区人民政府 白区政发〔2024〕1号', clause: '第二条' };

describe('a draft scheme version', () => {
  it('is accepted from a county inside the user’s jurisdiction and the scheme’s region', () => {
    expect(
      checkVersionDraft(
        BAIYIN_CHILDCARE_SUBSIDY,
        {
          jurisdictionCode: '620402',
          effectiveFrom: '2024-01-01',
          values: { monthlyAmount: yuan(200) },
          legalBasis: basis,
        },
        '620402',
      ),
    ).toEqual([]);
  });

  it('names each problem: level, jurisdiction, region, date, basis', () => {
    const problems = checkVersionDraft(
      BAIYIN_CHILDCARE_SUBSIDY,
      {
        jurisdictionCode: '533423',
        effectiveFrom: '2024-02-30',
        values: { monthlyAmount: 1.5 },
        legalBasis: { document: '', clause: '' },
      },
      '6204',
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'effectiveFrom',
      'jurisdictionCode',
      'jurisdictionCode',
      'legalBasis.clause',
      'legalBasis.document',
      'values.monthlyAmount',
    ]);
    expect(
      checkVersionDraft(
        BAIYIN_CHILDCARE_SUBSIDY,
        {
          jurisdictionCode: '620402101',
          effectiveFrom: '2024-01-01',
          values: { monthlyAmount: 100 },
          legalBasis: basis,
        },
        '6204',
      )[0]!.field,
    ).toBe('jurisdictionCode');
  });

  it('must give every key of an amount table: a version replaces the whole table', () => {
    const partial = checkVersionDraft(
      BAIYIN_SPECIAL_ASSISTANCE,
      {
        jurisdictionCode: '620402',
        effectiveFrom: '2025-01-01',
        values: { amountByStatus: { bereaved: yuan(1100) } },
        legalBasis: basis,
      },
      '620402',
    );
    expect(partial.map((p) => p.field)).toEqual(['values.amountByStatus']);
    const whole = checkVersionDraft(
      BAIYIN_SPECIAL_ASSISTANCE,
      {
        jurisdictionCode: '620402',
        effectiveFrom: '2025-01-01',
        values: { amountByStatus: { bereaved: yuan(1100), disabledChild: yuan(800) } },
        legalBasis: basis,
      },
      '620402',
    );
    expect(whole).toEqual([]);
  });
});

describe('public-notice days', () => {
  it('are in force from the scheme’s own start, not from a sentinel date such as 0001-01-01', () => {
    const def = withNoticeDays(YUNNAN_BIRTH_GRANT).parameters[NOTICE_DAYS]!;
    expect(def.history.map((v) => [v.from, v.value])).toEqual([['2023-01-01', 7]]);
  });

  it('fall back to the scheme’s default before its start', () => {
    expect(resolveNoticeDays(YUNNAN_BIRTH_GRANT, [], '533423', '2014-05-03')).toBe(7);
  });
});
