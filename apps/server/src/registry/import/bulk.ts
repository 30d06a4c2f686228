import type { PersonRow } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { Pii } from '../../crypto/pii.js';
import { loadPrepared, newLoadState } from './load.js';
import { ALL_COLUMNS_PRESENT } from './types.js';
import { defaultBatchRows } from './run-job.js';
import { inBatches, pipelined } from './pipelined.js';
import { prepareRows } from './prepare.js';
import { deferCounts, flushCounts, refreshQuality, withScopeRetryingRace } from './upkeep.js';

export interface BulkLoadTotals {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows refused because the person or household belongs to another jurisdiction. */
  rejected: number;
}

/**
 * Already validated rows into the registry the way an import loads them — encrypt, blind-index,
 * upsert in one withScope transaction per batch, the next batch prepared while one loads, then
 * refresh the updated persons' quality flags — without a file, a job or its audit entries. Every
 * column counts as present. For the benchmark and for loaders that validate on their own; the
 * rows must have distinct ID numbers (an import's checkBatch reports repeats, this does not).
 */
export async function loadPersonRows(
  database: Database,
  scope: Scope,
  rows: Iterable<PersonRow> | AsyncIterable<PersonRow>,
  pii: Pii,
  batchRows = defaultBatchRows(database),
  opts: { flushCounts?: boolean } = {},
): Promise<BulkLoadTotals> {
  const totals: BulkLoadTotals = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const state = newLoadState();
  await pipelined(
    inBatches(rows, batchRows),
    (batch) => prepareRows(batch, pii),
    async (prepared) => {
      const r = await withScopeRetryingRace(database, scope, async (tx) => {
        await deferCounts(tx);
        return loadPrepared(tx, prepared, ALL_COLUMNS_PRESENT, state);
      });
      await refreshQuality(database, r.updatedIds);
      totals.inserted += r.inserted;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
      totals.rejected += r.rejected.length;
    },
  );
  // The monitoring counts of every person loaded, once each (upkeep.ts deferCounts); the benchmark
  // times this apart from the load.
  if (opts.flushCounts ?? true) await flushCounts(database);
  return totals;
}
