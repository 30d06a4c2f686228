import { regionLevelOf, type RegionLevel } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { commonError } from '../errors.js';

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

const LEVELS: RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];

/**
 * The region tree is public reference data (GB/T 2260), so it is read unscoped and cached
 * in memory: it is small and changes only when a new scope is loaded.
 */
export async function createRegionService(database: Database) {
  const rows = await database.query<{ code: string; name: string; level: number; parent_code: string | null }>(
    'SELECT code, name, level, parent_code FROM regions',
  );
  const byCode = new Map<string, { code: string; name: string; level: RegionLevel; parentCode: string | null }>();
  const children = new Map<string, string[]>();
  for (const r of rows) {
    byCode.set(r.code, { code: r.code, name: r.name, level: LEVELS[Number(r.level) - 1]!, parentCode: r.parent_code });
    if (r.parent_code) {
      const list = children.get(r.parent_code) ?? [];
      list.push(r.code);
      children.set(r.parent_code, list);
    }
  }
  for (const list of children.values()) list.sort();

  const ref = (code: string): RegionRef => {
    const r = byCode.get(code);
    if (r) return { code, name: r.name, level: r.level };
    // A code the tree does not hold (an abolished county in an old ID number) still shows.
    return { code, name: code, level: regionLevelOf(code) ?? 'village' };
  };

  return {
    exists: (code: string) => byCode.has(code),
    ref,
    name: (code: string) => byCode.get(code)?.name ?? code,
    path(code: string): RegionRef[] {
      const out: RegionRef[] = [];
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode) out.unshift(ref(c));
      return out;
    },
    get(code: string) {
      const r = byCode.get(code);
      if (!r) throw commonError('notFound');
      return {
        ...ref(code),
        parentCode: r.parentCode,
        path: this.path(code),
        hasChildren: (children.get(code)?.length ?? 0) > 0,
      };
    },
    children(code: string): (RegionRef & { hasChildren: boolean })[] {
      if (!byCode.has(code)) throw commonError('notFound');
      return (children.get(code) ?? []).map((c) => ({ ...ref(c), hasChildren: (children.get(c)?.length ?? 0) > 0 }));
    },
    /** Codes of the direct children, for dashboard drill-down. */
    childCodes: (code: string) => children.get(code) ?? [],
  };
}

export type RegionService = Awaited<ReturnType<typeof createRegionService>>;
