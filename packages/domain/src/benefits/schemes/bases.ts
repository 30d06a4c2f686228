import type { LegalBasis } from '../scheme.js';

// The documents the built-in schemes cite. Clause numbers as the seeds print them.

/** The national childcare subsidy of 2025; not among the seeds: the figures are those issue 3 quotes. */
export const NATIONAL_2025 = (clause: string): LegalBasis => ({ document: '育儿补贴制度实施方案（2025）', clause });

/** 维西县 plan, seed 004: quotes Yunnan's 生育支持项目实施方案 for the birth grant and allowances. */
export const WEIXI_2023 = (clause: string): LegalBasis => ({ document: '维发〔2023〕15号', clause, seed: '004' });

/** 白银市 plan of 2024-05-17, seed 001 (the page gives no document number). */
export const BAIYIN_2024 = (clause: string): LegalBasis => ({
  document: '白银市关于优化生育政策促进人口长期均衡发展的实施方案（2024-05-17）',
  clause,
  seed: '001',
});
