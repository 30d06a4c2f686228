import type { Plan } from '../types.js';
import { BAIYIN_PLAN } from './baiyin.js';
import { GUANGXI_DISTRICT_PLAN } from './guangxi.js';
import { LINCANG_COUNTY_PLAN } from './lincang.js';
import { NATIONAL_PLANS } from './national.js';
import { WEIXI_PLAN } from './weixi.js';
import { YUNYANG_PLAN } from './yunyang.js';

/** Every plan Cradle ships: the five seeds and the national targets they restate. */
export const BUILT_IN_PLANS: readonly Plan[] = [
  ...NATIONAL_PLANS,
  LINCANG_COUNTY_PLAN,
  BAIYIN_PLAN,
  YUNYANG_PLAN,
  GUANGXI_DISTRICT_PLAN,
  WEIXI_PLAN,
];

export function findBuiltInPlan(code: string): Plan | null {
  return BUILT_IN_PLANS.find((p) => p.code === code) ?? null;
}

/**
 * The plans that govern a region: its own and those of the regions above it (issue 13: "a
 * deployment sees the plans of its jurisdiction and of the regions above it").
 */
export function plansGoverning(regionCode: string, plans: readonly Plan[] = BUILT_IN_PLANS): Plan[] {
  return plans.filter((p) => regionCode.startsWith(p.jurisdictionCode));
}

export { BAIYIN_PLAN, GUANGXI_DISTRICT_PLAN, LINCANG_COUNTY_PLAN, WEIXI_PLAN, YUNYANG_PLAN };
export * from './national.js';
