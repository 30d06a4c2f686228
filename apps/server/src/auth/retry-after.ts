import type { FastifyReply } from 'fastify';
import { AppError } from '../errors.js';

/** The wait an error names in its details (`retryAfterSeconds`), if any. */
export function retryAfterOf(e: unknown): number | null {
  if (!(e instanceof AppError) || typeof e.details !== 'object' || e.details === null) return null;
  const s = (e.details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof s === 'number' && s > 0 ? s : null;
}

/**
 * Runs a sign-in step; when it refuses with 429 and a wait, the answer carries `Retry-After`
 * (RFC 9110 §10.2.3) beside the body's `retryAfterSeconds`, so clients and proxies can wait.
 */
export async function withRetryAfter<T>(reply: FastifyReply, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const seconds = retryAfterOf(e);
    if (seconds !== null && e instanceof AppError && e.status === 429)
      void reply.header('retry-after', String(seconds));
    throw e;
  }
}
