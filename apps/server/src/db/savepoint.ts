import type { Conn } from './client.js';

/** Whether e is a unique violation (SQLSTATE 23505) of the named index. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  return typeof err === 'object' && err !== null && err.code === '23505' && err.constraint === constraint;
}

/**
 * write() inside a savepoint of the caller's transaction. When it fails the way `expected` says,
 * the savepoint is rolled back and released and null returned, so the caller can try another
 * way in the same transaction; any other failure propagates.
 */
export async function inSavepoint<T>(
  conn: Conn,
  write: () => Promise<T>,
  expected: (e: unknown) => boolean,
): Promise<T | null> {
  await conn.query('SAVEPOINT cradle_try');
  try {
    const result = await write();
    await conn.query('RELEASE SAVEPOINT cradle_try');
    return result;
  } catch (e) {
    if (!expected(e)) throw e;
    // ROLLBACK TO keeps the savepoint; released, a later one does not nest inside it.
    await conn.query('ROLLBACK TO SAVEPOINT cradle_try');
    await conn.query('RELEASE SAVEPOINT cradle_try');
    return null;
  }
}
