// Issue 4's load script: childbirth registrations and newborn bundles from 200 concurrent
// clients on loopback against PostgreSQL, reporting p50/p95/p99 latency and throughput.
// Targets (issue 4): writes p99 < 100 ms, reads p99 < 50 ms on this two-core machine. Reported,
// not asserted: a timed test would flake.
//
//   DATABASE_URL=postgres://…/postgres npm run load -- [--clients 200] [--writes 5] [--reads 20]
//
// It creates a throwaway database on that server (dropped at the end), loads the demo county,
// binds one resident per client to a registry mother, starts the real server as a child process
// (its own event loop and cores, as in production) and drives it over keep-alive HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { deriveKeys } from '../crypto/keys.js';
import { createPii } from '../crypto/pii.js';
import { loadDemoPopulation } from '../demo/load.js';
import { createUser, DEMO_PASSWORD, demoUsers } from '../demo/users.js';
import { createTestDatabase, TEST_SCOPE } from '../test/db.js';
import { createResidents, type LoadResident } from './load-residents.js';
import { Recorder } from './load-stats.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 200);
const WRITES = arg('writes', 5); // per client, alternating registration and bundle
const READS = arg('reads', 20); // per client, after the writes
const POPULATION = arg('population', 30_000);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5433/postgres): the load runs against PostgreSQL.');
  process.exit(2);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function startServer(databaseUrl: string, key: string, port: number): Promise<ChildProcess> {
  // LOAD_PROFILE_DIR=/tmp/prof: the server writes a CPU profile there when it stops.
  const profile = process.env.LOAD_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(repoRoot, 'apps/server/src/main.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CRADLE_KEY: key, CRADLE_DEMO: '0', PORT: String(port), HOST: '127.0.0.1', CRADLE_SCOPE: TEST_SCOPE, CRADLE_PG_POOL: '20', CRADLE_LOG_LEVEL: 'error', CRADLE_SMS: 'log' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready in')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 8 });

function request(port: number, method: string, url: string, r: LoadResident, body?: unknown): Promise<{ status: number; json: unknown }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent, headers: { cookie: `cradle_resident=${r.token}`, 'x-csrf-token': r.csrf, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function main() {
  process.env.TEST_DATABASE_URL = serverUrl;
  const { database, cleanup, url } = await createTestDatabase();
  const master = randomBytes(32);
  const keys = deriveKeys(master);
  let server: ChildProcess | undefined;
  try {
    console.log(`Loading the demo county (${POPULATION.toLocaleString('en-US')} persons) and ${CLIENTS} residents…`);
    for (const u of demoUsers(TEST_SCOPE, '533423101', '533423102', '533423101001')) await createUser(database, keys, u, DEMO_PASSWORD);
    const pii = createPii(keys);
    await loadDemoPopulation(database, pii, TEST_SCOPE, POPULATION, new Date());
    await pii.close();
    const residents = await createResidents(database, keys, CLIENTS);
    const port = await freePort();
    server = await startServer(url!, master.toString('base64'), port);

    const rec = new Recorder();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const plusDays = (d: number) => new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10);
    const writes = async (r: LoadResident) => {
      for (let i = 0; i < WRITES; i++) {
        const parents = { mother: { personId: r.personId }, father: r.spouseId ? { personId: r.spouseId } : null };
        if (i % 2 === 0) {
          const body = { ...parents, married: r.spouseId !== null, residenceRegionCode: r.residenceRegionCode, childStatus: 'pregnant', expectedBirthDate: plusDays(120), commitment: { accepted: true, statement: '本人承诺所填信息真实有效。' } };
          await rec.time('write: childbirth registration', () => request(port, 'POST', '/api/portal/childbirth-registrations', r, body), 201);
        } else {
          const body = { ...parents, newborn: { name: '测试宝宝', sex: 'female', birthDate: plusDays(-5), birthTime: '08:30', birthPlace: '维西县', hospitalName: '维西县人民医院' }, hukouRegionCode: r.residenceRegionCode, services: ['birthCertificate', 'vaccinationRecord', 'hukouRegistration', 'medicalInsuranceEnrollment', 'socialSecurityCard'] };
          await rec.time('write: newborn bundle', () => request(port, 'POST', '/api/portal/newborn-bundles', r, body), 201);
        }
      }
    };
    const reads = async (r: LoadResident) => {
      const list = (await request(port, 'GET', '/api/portal/newborn-bundles', r)).json as { items?: { id: number }[] } | { id: number }[];
      const ids = (Array.isArray(list) ? list : (list.items ?? [])).map((b) => b.id);
      for (let i = 0; i < READS; i++) {
        if (i % 2 === 0) await rec.time('read: my registrations', () => request(port, 'GET', '/api/portal/childbirth-registrations', r), 200);
        else await rec.time('read: a bundle with its tasks', () => request(port, 'GET', `/api/portal/newborn-bundles/${ids[i % ids.length]}`, r), 200);
      }
    };
    // Warm-up: one request of each kind per client is not counted (JIT, connection set-up, plans).
    await Promise.all(residents.slice(0, 20).map((r) => request(port, 'GET', '/api/portal/childbirth-registrations', r)));

    let t = performance.now();
    await Promise.all(residents.map(writes));
    const writeSecs = (performance.now() - t) / 1000;
    t = performance.now();
    await Promise.all(residents.map(reads));
    const readSecs = (performance.now() - t) / 1000;
    console.log(`\nFamily-services load, ${CLIENTS} concurrent clients on loopback, PostgreSQL (${new Date().toISOString().slice(0, 10)})`);
    rec.print({ 'write: childbirth registration': writeSecs, 'write: newborn bundle': writeSecs, 'read: my registrations': readSecs, 'read: a bundle with its tasks': readSecs });
    console.log('Targets (issue 4): writes p99 < 100 ms, reads p99 < 50 ms.');
    if (rec.failures.length) {
      console.log(`\n${rec.failures.length} requests failed; first: ${rec.failures[0]}`);
      process.exitCode = 1;
    }
  } finally {
    server?.kill('SIGTERM');
    agent.destroy();
    await cleanup();
  }
}

await main();
