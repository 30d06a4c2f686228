import type { LegalBasis } from '../../benefits/scheme.js';
import type { Comparison, DecimalString, Reading, Target } from '../types.js';

// The documents the built-in plans cite; clause numbers as the seeds print them
// (../shared/seeds/REQUIREMENTS.md, "Conventions").

export const WEIXI_2023 = (clause: string): LegalBasis => ({ document: '维发〔2023〕15号', clause, seed: '004' });

export const BAIYIN_2024 = (clause: string): LegalBasis => ({
  document: '白银市关于优化生育政策促进人口长期均衡发展的实施方案（2024-05-17）',
  clause,
  seed: '001',
});

export const YUNYANG_2022 = (clause: string): LegalBasis => ({
  document: '中共云阳县委 云阳县人民政府关于优化生育政策促进人口长期均衡发展的工作方案（征求意见稿）',
  clause,
  seed: '002',
});

export const LINCANG_COUNTY_2022 = (clause: string): LegalBasis => ({
  document: '关于进一步落实优化生育政策促进人口长期均衡发展的通知（临沧市某县）',
  clause,
  seed: '000',
});

export const GUANGXI_DISTRICT = (clause: string): LegalBasis => ({
  document: '关于全面开展全国生育友好工作先进单位创建活动的实施方案（广西某区）',
  clause,
  seed: '003',
});

/** A target; readings default to none (the seed's words are clear). */
export function target(
  indicator: string,
  year: number | null,
  comparison: Comparison,
  value: DecimalString,
  quote: string,
  basis: LegalBasis,
  readings: readonly Reading[] = [],
): Target {
  return { indicator, year, comparison, value, quote, basis, readings };
}

/** Where a seed writes 达到 (reach) without 以上: read as a floor, as the same plans' 以上 targets. */
export const REACH_AS_FLOOR: Reading = {
  by: 'cradle',
  note: {
    zh: '「达到」未写「以上」，按下限（不低于）理解。',
    en: '"达到" (reach) without "以上" (or more) is read as a floor: at least the figure.',
  },
};

/**
 * "出生人口性别比基本正常" (000 二, 001 一(二), 004 (二)) has no number: two targets, at least
 * 103 and at most 107, both Cradle's reading (glossary: the usual national reading).
 */
export function sexRatioBand(year: number, quote: string, basis: LegalBasis): readonly Target[] {
  const reading: Reading = {
    by: 'cradle',
    note: {
      zh: '「基本正常」无数值；按通常的正常范围103—107（女=100）理解，为Cradle的解读。',
      en: '"Basically normal" has no figure; read as the usual normal range 103–107 boys per 100 girls, Cradle’s reading.',
    },
  };
  return [
    target('sexRatioAtBirth', year, 'atLeast', '103', quote, basis, [reading]),
    target('sexRatioAtBirth', year, 'atMost', '107', quote, basis, [reading]),
  ];
}

/** 001 and 004 give one figure for 婴幼儿死亡率; its age range is the indicator's reading. */
export const INFANT_YOUNG_CHILD_READING: Reading = {
  by: 'cradle',
  note: {
    zh: '「婴幼儿」年龄范围未说明，按未满1周岁（婴儿死亡率）计；详见指标 infantYoungChildMortalityRate。',
    en: 'The ages of "婴幼儿" are not given; read as under 1 (infant mortality); see the indicator infantYoungChildMortalityRate.',
  },
};
