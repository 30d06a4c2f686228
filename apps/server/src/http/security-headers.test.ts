import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { deriveKeys } from '../crypto/keys.js';
import { createTestDatabase } from '../test/db.js';
import { API_CSP, NONCE_PLACEHOLDER } from './index.js';

// A console as the build writes it: the nonce placeholder in the page, one hashed asset.
const PAGE = `<!doctype html><html><head><meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}"><script type="module" src="/assets/index-abc.js" nonce="${NONCE_PLACEHOLDER}"></script></head><body><div id="root"></div></body></html>`;

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cradle-headers-'));
  const webDist = path.join(dir, 'dist');
  await mkdir(path.join(webDist, 'assets'), { recursive: true });
  await writeFile(path.join(webDist, 'index.html'), PAGE);
  await writeFile(path.join(webDist, 'assets/index-abc.js'), 'console.log(1);');
  const db = await createTestDatabase();
  cleanup = db.cleanup;
  const config = { ...loadConfig({}), webDist, dataDir: dir, auditAnchorFile: path.join(dir, 'anchors.jsonl') };
  app = await buildApp({ config, database: db.database, keys: deriveKeys(randomBytes(32)), notificationSweepMs: 0 });
});
afterAll(async () => {
  await app.close();
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

const nonceOf = (policy: unknown) => /'nonce-([^']+)'/.exec(String(policy))?.[1];

function expectHardened(headers: Record<string, unknown>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('serves the console page with a fresh nonce in the page and in its policy, never cached', async () => {
    const seen = new Set<string>();
    for (const url of ['/', '/login', '/index.html', '/persons/12', '/m/registrations']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const policy = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ])
        expect(policy).toContain(directive);
      const nonce = nonceOf(policy)!;
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(res.body).not.toContain(NONCE_PLACEHOLDER);
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(res.headers['cache-control']).toBe('no-store');
      expectHardened(res.headers);
      seen.add(nonce);
    }
    expect(seen.size).toBe(5);
  });

  it('lets the console’s static files be cached, still hardened', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.headers['content-security-policy']).toBe(API_CSP);
    expectHardened(res.headers);
  });

  it('marks every API answer no-store, the refusals and errors too', async () => {
    const answers = [
      await app.inject({ method: 'GET', url: '/api/health' }),
      await app.inject({ method: 'GET', url: '/api/auth/me' }),
      await app.inject({ method: 'GET', url: '/api/persons' }),
      await app.inject({ method: 'GET', url: '/%61pi/persons' }),
      await app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 401, 401, 404, 400]);
    for (const res of answers) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toBe(API_CSP);
      expectHardened(res.headers);
    }
  });
});
