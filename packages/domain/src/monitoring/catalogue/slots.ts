import type { CountKind } from '../count-kinds.js';
import type { IndicatorDefinition } from '../indicator.js';
import type { Reading } from '../types.js';

// Childcare slots counted from the institutions the county filed (issue 14, "Slots against
// targets"): no department reports them any more. The targets are 004 (二) and annex 2 #1 (4.5 and
// 2.7 per 1,000 residents), 001 一(二), 002 一, 000 annex 1 #1 (4.5), and 004 annex 3's yearly stock.

const residents: CountKind = { kind: 'population', basis: 'resident', at: 'end' };
const slots: CountKind = { kind: 'filedSlots' };
const affordable: CountKind = { kind: 'filedSlots', affordable: true };
const PER_1000_RESIDENTS = { zh: '个/千常住人口', en: 'per 1,000 residents' };
const SLOTS = { zh: '个', en: 'slots' };

const residentsReading: Reading = {
  by: 'cradle',
  note: {
    zh: '「每千人口」按常住人口计（004写明「常住」，001、002未写；术语表：千人口指标用常住人口），取期末数。',
    en: '"Per 1,000 population" counts residents (004 says 常住, 001 and 002 do not; the glossary uses residents for per-1,000 targets), at the period’s end.',
  },
};

/** Which slots count: the childcare README's reading, shown with every slot indicator. */
export const FILED_SLOTS_READING: Reading = {
  by: 'cradle',
  note: {
    zh: '托位取已备案托育机构在期末有效的备案版本所填托位数；未备案完成的不计，已关停的机构自关停之日起计为0。',
    en: 'Slots are those of the filing in force at the period’s end of each institution the county has filed; institutions not yet filed count none, and a closed one counts none from its closing day.',
  },
};

function slotIndicator(
  code: string,
  name: { zh: string; en: string },
  count: CountKind,
  perThousand: boolean,
  definition: { zh: string; en: string },
): IndicatorDefinition {
  return {
    code,
    name,
    unit: perThousand ? PER_1000_RESIDENTS : SLOTS,
    formula: perThousand
      ? { kind: 'ratio', numerator: count, denominator: residents, factor: 1000 }
      : { kind: 'count', count },
    periodTypes: ['year'],
    source: { kind: 'childcare' },
    higherIsBetter: true,
    uncertainty: 'none',
    definition,
    readings: perThousand ? [residentsReading, FILED_SLOTS_READING] : [FILED_SLOTS_READING],
  };
}

export const SLOTS_PER_1000 = slotIndicator(
  'slotsPer1000',
  { zh: '千人口托位数', en: 'Childcare slots per 1,000 residents' },
  slots,
  true,
  { zh: '3岁以下婴幼儿托位数 ÷ 常住人口 × 1000。', en: 'Slots for children under 3 ÷ resident population × 1,000.' },
);

export const AFFORDABLE_SLOTS_PER_1000 = slotIndicator(
  'affordableSlotsPer1000',
  { zh: '千人口普惠性托位数', en: 'Affordable childcare slots per 1,000 residents' },
  affordable,
  true,
  { zh: '普惠性托位数 ÷ 常住人口 × 1000。', en: 'Affordable slots ÷ resident population × 1,000.' },
);

export const CHILDCARE_SLOTS = slotIndicator('childcareSlots', { zh: '托位数', en: 'Childcare slots' }, slots, false, {
  zh: '期末3岁以下婴幼儿托位总数。',
  en: 'Slots for children under 3 at the end of the period.',
});

export const AFFORDABLE_CHILDCARE_SLOTS = slotIndicator(
  'affordableChildcareSlots',
  { zh: '普惠托位数', en: 'Affordable childcare slots' },
  affordable,
  false,
  { zh: '期末普惠性托位总数。', en: 'Affordable slots at the end of the period.' },
);

export const SLOT_INDICATORS: readonly IndicatorDefinition[] = [
  SLOTS_PER_1000,
  AFFORDABLE_SLOTS_PER_1000,
  CHILDCARE_SLOTS,
  AFFORDABLE_CHILDCARE_SLOTS,
];
