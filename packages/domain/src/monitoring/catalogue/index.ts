import type { IndicatorDefinition } from '../indicator.js';
import { MORTALITY_INDICATORS } from './mortality.js';
import { POPULATION_INDICATORS } from './population.js';
import { QUALITY_INDICATORS } from './quality.js';
import { REPORTED_INDICATORS } from './reported.js';
import { SPECIAL_FAMILY_INDICATORS } from './special-families.js';
import { SLOT_INDICATORS } from './slots.js';

/** Every indicator Cradle ships, by code. Adding one: README.md, "Adding an indicator". */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...POPULATION_INDICATORS,
  ...MORTALITY_INDICATORS,
  ...QUALITY_INDICATORS,
  ...REPORTED_INDICATORS,
  ...SPECIAL_FAMILY_INDICATORS,
  ...SLOT_INDICATORS,
];

export function findIndicator(code: string): IndicatorDefinition | null {
  return INDICATORS.find((i) => i.code === code) ?? null;
}

export function getIndicator(code: string): IndicatorDefinition {
  const found = findIndicator(code);
  if (!found) throw new Error(`no indicator ${code} in the catalogue`);
  return found;
}

export * from './mortality.js';
export * from './population.js';
export * from './quality.js';
export * from './reported.js';
export * from './special-families.js';
export * from './slots.js';
