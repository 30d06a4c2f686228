import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { commonError, pick, requestLang } from '../errors.js';

/** What the console's build writes where a nonce goes (apps/web/vite.config.ts, html.cspNonce). */
export const NONCE_PLACEHOLDER = '__CRADLE_CSP_NONCE__';

/**
 * The console's policy. Scripts and stylesheets only from the server itself. Ant Design writes
 * its styles into <style> elements at run time (CSS-in-JS): those carry the page's nonce, which
 * the console reads from the page (apps/web/src/lib/cspNonce.ts). Style attributes stay allowed
 * (style-src-attr): autosizing text areas set them with setAttribute, and an attribute can
 * neither run script nor hold the selectors that read a page out through CSS. Images may be
 * data: and blob: URLs (upload previews); nothing may frame the console.
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built console: its files as they are, and for every other GET outside /api/ its
 * index.html with a fresh nonce in the page and the policy, never cached (a nonce is good once).
 */
export function registerConsole(app: FastifyInstance, webDist: string): void {
  const indexFile = path.join(webDist, 'index.html');
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (page !== null)
    // index.html is not one of the files: it is served only here, with its nonce.
    void app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, globIgnore: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (page !== null && req.method === 'GET' && !req.url.startsWith('/api/')) {
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', consoleCsp(nonce))
        .header('cache-control', 'no-store')
        .send(page.replaceAll(NONCE_PLACEHOLDER, nonce));
    }
    return reply
      .status(404)
      .send({ code: 'notFound', message: pick(commonError('notFound').userMessage, requestLang(req)) });
  });
}
