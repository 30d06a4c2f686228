import type { FastifyInstance } from 'fastify';

/**
 * What any response may do when a browser renders it: nothing. The console's page carries its
 * own policy (console.ts); the API documentation its own (app.ts, swagger-ui's staticCSP).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Headers every response carries (issue 11). Set in onSend, so errors, 404s and early replies of
 * the session hooks carry them too; a response that set its own CSP or Cache-Control keeps it.
 * - No Cache-Control of its own means no-store: API answers hold personal data, and neither the
 *   browser's cache nor a proxy's may keep them. Only what says it may be cached is (the
 *   console's static files, which @fastify/static marks).
 * - nosniff: a download is never run as a script or page it was not declared as.
 * - no-referrer: console addresses name persons and batches; they are not sent anywhere.
 * - X-Frame-Options for browsers that predate frame-ancestors.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', API_CSP);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY');
    return payload;
  });
}
