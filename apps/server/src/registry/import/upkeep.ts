import type { Conn, Database } from '../../db/client.js';
import { withScope, type Scope } from '../../db/scope.js';
import { ConcurrentChangeError, isBlindIndexTaken } from './load.js';
import { yieldToEventLoop } from './pipelined.js';

// What an import does besides loading rows: survive a race with another jurisdiction, and keep
// what is derived from the persons table (quality flags, planner statistics) in step with it.

/** SQLSTATEs of transactions PostgreSQL aborted for running into another: deadlock, serialization failure. */
const LOST_TO_ANOTHER = new Set(['40P01', '40001']);

/**
 * Runs one batch's withScope transaction, once more if it lost a race. That happens when
 * someone else writes one of the batch's persons between its look-ups and its writes: another
 * jurisdiction registers one of its ID numbers after the batch looked for persons registered
 * elsewhere (the insert then breaks the unique blind index), another import moves one of them
 * away (ConcurrentChangeError), or two imports inserting the same new persons in different
 * orders deadlock. The transaction rolled back whole, so running it again repeats the
 * look-ups, which now see those persons. A second loss is not a race that passed; it fails the job.
 */
export async function withScopeRetryingRace<T>(
  database: Database,
  scope: Scope,
  fn: (tx: Conn) => Promise<T>,
): Promise<T> {
  try {
    return await withScope(database, scope, fn);
  } catch (e) {
    if (!isLostRace(e)) throw e;
    return withScope(database, scope, fn);
  }
}

export function isLostRace(e: unknown): boolean {
  if (e instanceof ConcurrentChangeError || isBlindIndexTaken(e)) return true;
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && LOST_TO_ANOTHER.has(code);
}

/**
 * Recomputes the data-quality flags (migration 0002) of the persons a batch changed. As the
 * owner, once the batch committed: cradle_refresh_quality() reads across jurisdictions (a
 * mother registered elsewhere still counts), so it is not granted to cradle_app.
 *
 * Custom plans only: PL/pgSQL caches the function's statement and from its sixth call on a
 * connection may switch to a generic plan, which cannot drop the "p_ids IS NULL OR" branches and
 * so scans and hashes all persons — measured at 3–9 s a call on 100,000–200,000 persons, against
 * 0.15–0.3 s with the ids known to the planner. An import calls it once a batch.
 */
export async function refreshQuality(database: Database, personIds: readonly number[]): Promise<void> {
  if (personIds.length === 0) return;
  await database.transaction(async (owner) => {
    await deferCounts(owner);
    await owner.query('SET LOCAL plan_cache_mode = force_custom_plan');
    await owner.query('SELECT cradle_refresh_quality($1::bigint[])', [personIds]);
  });
}

export const ANALYZE_AFTER_ROWS = 10_000;

/**
 * Fresh planner statistics after a large import on PGlite, which has no autovacuum: without
 * them the planner keeps its empty-table estimates and misjudges every query on these tables.
 * PostgreSQL's autovacuum does this on its own. Returns whether it ran.
 */
export async function analyzeAfterImport(database: Database, rowsWritten: number): Promise<boolean> {
  if (database.kind !== 'pglite' || rowsWritten < ANALYZE_AFTER_ROWS) return false;
  await database.query('ANALYZE persons, households');
  return true;
}

/**
 * In an import's transaction: the persons its statements touch are only noted for the monitoring
 * counts (migration 0031), not recounted per statement. An import inserts, links mothers,
 * recomputes parity and refreshes quality flags, and each statement recounted the same persons
 * (the figures before and after: docs/architecture.md, "Monitoring"). flushCounts recounts them once.
 */
export async function deferCounts(tx: Conn): Promise<void> {
  await tx.query("SELECT set_config('cradle.counts_deferred', 'on', true)");
}

/**
 * After an import's last batch (and at start-up, for one a stop cut short): the counts of every
 * person noted, once each, in slices with the event loop free between them — on PGlite the
 * database runs on this thread, and 100,000 persons in one call held it for 23 s. As the owner;
 * returns how many persons it recounted.
 */
export async function flushCounts(database: Database): Promise<number> {
  // About 0.2 s a slice on PGlite, 1 s on PostgreSQL (measured at 100,000 persons).
  const slice = database.kind === 'pglite' ? 1_000 : 10_000;
  let total = 0;
  for (;;) {
    const [row] = await database.query<{ n: number }>('SELECT cradle_counts_flush($1) AS n', [slice]);
    const n = Number(row?.n ?? 0);
    if (n === 0) return total;
    total += n;
    await yieldToEventLoop();
  }
}
