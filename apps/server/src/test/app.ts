import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { deriveKeys, type Keys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import type { Database } from '../db/client.js';
import { loadDemoPopulation } from '../demo/load.js';
import { createUser } from '../auth/users.js';
import { demoUsers, DEMO_PASSWORD, type DemoUser } from '../demo/users.js';
import { totpAt } from '../auth/totp.js';
import { hashPassword } from '../auth/password.js';
import { createTestDatabase, TEST_SCOPE } from './db.js';
import { ensureSupervisionSeed } from '../supervision/index.js';
import { createRecordingSms } from './sms.js';
import { createTestClock, type TestClock } from './clock.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  keys: Keys;
  users: DemoUser[];
  /** Text messages the app sent (sign-in codes, notifications). */
  sms: ReturnType<typeof createRecordingSms>;
  /** The payment review's clock (notice days): move it rather than wait. */
  clock: TestClock;
  close: () => Promise<void>;
}

/**
 * The real app on a fresh database with the demo users and a small synthetic population; by
 * default in 维西 (533423), or in another county (the users then work in its first two
 * townships and the first village of the first).
 */
export async function createTestApp(populationSize = 3000, scope = TEST_SCOPE): Promise<TestApp> {
  const { database, cleanup } = await createTestDatabase(scope);
  const keys = deriveKeys(randomBytes(32));
  const users =
    scope === TEST_SCOPE
      ? demoUsers(TEST_SCOPE, '533423101', '533423102', '533423101001')
      : await demoUsersOf(database, scope);
  const hashed = await demoPasswordHash();
  for (const u of users) await createUser(database, keys, u, DEMO_PASSWORD, hashed);
  await ensureSupervisionSeed(database, scope);
  await loadDemoPopulation(database, createPii(keys), scope, populationSize, new Date('2026-11-24T00:00:00Z'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cradle-test-'));
  const config = {
    ...loadConfig({}),
    demo: true,
    webDist: '/nonexistent',
    dataDir,
    auditAnchorFile: path.join(dataDir, 'audit-anchors.jsonl'),
    scopeCode: scope,
  };
  const sms = createRecordingSms();
  const clock = createTestClock();
  const app = await buildApp({ config, database, keys, sms, notificationSweepMs: 0, now: clock.now });
  return {
    app,
    database,
    keys,
    users,
    sms,
    clock,
    close: async () => {
      await app.close();
      await cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let demoHash: Promise<string> | undefined;

/** The demo password's argon2 hash, made once a process (a salted hash verifies for every account). */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

async function demoUsersOf(database: Database, scope: string): Promise<DemoUser[]> {
  const townships = (
    await database.query<{ code: string }>(
      'SELECT code FROM regions WHERE level = 4 AND code LIKE $1 ORDER BY code LIMIT 2',
      [`${scope}%`],
    )
  ).map((r) => r.code);
  const village = (
    await database.query<{ code: string }>(
      'SELECT code FROM regions WHERE level = 5 AND code LIKE $1 ORDER BY code LIMIT 1',
      [`${townships[0]}%`],
    )
  )[0]!.code;
  return demoUsers(scope, townships[0]!, townships[1]!, village);
}

export interface Session {
  cookie: string;
  csrf: string;
}

const usedSteps = new WeakMap<TestApp, Map<string, number>>();

/** A TOTP code the server has not seen yet: codes are good once, and ±1 step is accepted. */
export function freshTotp(t: TestApp, username: string, secret: string): string {
  const used = usedSteps.get(t) ?? usedSteps.set(t, new Map()).get(t)!;
  const now = Math.floor(Date.now() / 30_000);
  // The previous step only early in a window: late in it, a slow sign-in (argon2 on a busy machine)
  // reaches the server in the next window, where that step is two behind and refused.
  const earliest = Date.now() % 30_000 < 20_000 ? now - 1 : now;
  const step = Math.max(earliest, (used.get(username) ?? -Infinity) + 1);
  if (step > now + 1) throw new Error(`no unused TOTP step left for ${username} in this 30-second window`);
  used.set(username, step);
  return totpAt(secret, step * 30_000);
}

export async function login(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const u = t.users.find((x) => x.username === username);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    // A fresh client address per sign-in keeps the login rate limit out of unrelated tests.
    remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    payload: { username, password, ...(u?.totpSecret ? { totp: freshTotp(t, username, u.totpSecret) } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().csrfToken };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'cradle_session');
  if (!c) throw new Error('no session cookie');
  return `cradle_session=${c.value}`;
}

export function as(s: Session, extra: Record<string, string> = {}) {
  return { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra } };
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(fileName: string, content: string | Buffer, field = 'file') {
  const boundary = `----cradle${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
