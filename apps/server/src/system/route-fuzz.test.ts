import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { as, createTestApp, login, type TestApp } from '../test/app.js';
import { asResident, residentSignIn } from '../test/resident.js';
import {
  BAD_BODIES,
  KINDS,
  baseline,
  bodySlots,
  bodyWith,
  lastName,
  slotName,
  type JsonSchema,
  type Slot,
} from '../test/malformed.js';

// Issue 11: no input gives a 5xx. Every route in the OpenAPI document gets, in each of its path
// parameters, query fields and body places, each kind of malformed value (NUL, lone surrogates,
// 1e309, integers beyond int8, year 0000, 30 February, …), and every route that takes a body
// gets bodies that are not what they say (multipart without a boundary, cut-off JSON, …).
// Each request must be refused with a 4xx in the standard error shape, its Chinese message free
// of English, and write nothing: every table hashes the same before and after the walk, except
// the ones a refused request may legitimately touch (NOT_COMPARED).

/** The audit log records refusals (access.denied); sessions and service accounts record their last use. */
const NOT_COMPARED = new Set(['audit_log', 'audit_anchors', 'sessions', 'resident_sessions', 'service_accounts']);

/** File formats, and a value the API takes as it is spelt (a period `once`: benefits/errors.ts). */
const ALLOWED_LATIN = /csv|xlsx?|pdf|jpe?g|png|excel|\bonce\b/gi;

type Parameter = { in: string; name: string; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

interface Probe {
  method: string;
  url: string;
  what: string;
  /** Whose session it is sent with (its headers are looked up when it is sent). */
  who: string;
  /** A query value the server may take as plain text (Kind.queryIsText). */
  harmlessInQuery?: boolean;
  options: InjectOptions;
}

let t: TestApp;
const walk: Probe[] = [];
const sessions = new Map<string, InjectOptions['headers']>();
/**
 * Residents signed in before the walk (signing in writes rows): a newborn bundle allows ten
 * submissions an hour per resident (bundle/routes.ts), so the walk moves on to the next.
 */
const residentPool: InjectOptions['headers'][] = [];
const RESIDENTS = 15;
/** Per route, who walked it: the first of these a route lets past its session and role checks. */
const walkedAs: Record<string, string> = {};

async function tableHashes(): Promise<Record<string, string>> {
  const tables = await t.database.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.filter((x) => !NOT_COMPARED.has(x.name))) {
    const [row] = await t.database.query<{ h: string | null }>(
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${name}" x`,
    );
    out[name] = row?.h ?? 'empty';
  }
  return out;
}

let address = 0;
/** A new client address per request, so the per-address rate limits stay out of the walk. */
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

const fill = (path: string, values: Record<string, string>) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '1');

beforeAll(async () => {
  t = await createTestApp(20);
  await t.app.ready();
  const county = await login(t, 'county');
  const schemeCode = (await t.app.inject({ method: 'GET', url: '/api/schemes', ...as(county) })).json<
    { code: string }[]
  >()[0]!.code;
  sessions.set('nobody', {});
  sessions.set('county', as(county).headers);
  // The childcare institution's own account (issue 14) reaches its filing routes only.
  for (const user of ['admin', 'finance', 'police', 'hospital', 'township', 'housing', 'institution'])
    sessions.set(user, as(await login(t, user)).headers);
  for (let i = 1; i <= RESIDENTS; i++)
    residentPool.push(asResident(await residentSignIn(t, `1380000${String(i).padStart(4, '0')}`)).headers);
  sessions.set('resident', residentPool.shift());
  // A department system's service account (events/), for the /api/service/ routes.
  const account = await t.app.inject({
    method: 'POST',
    url: '/api/service-accounts',
    payload: {
      name: '模糊测试',
      department: 'publicSecurity',
      jurisdictionCode: '533423',
      eventKinds: ['death', 'moveOut'],
    },
    ...as(county),
  });
  sessions.set('service', { authorization: `Bearer ${account.json<{ token: string }>().token}` });
  const hints: Record<string, unknown> = {
    scheme: schemeCode,
    period: '2026',
    // A draft version the county may set (benefits/routes.test.ts), so its mutations reach the write.
    effectiveFrom: '2027-01-01',
    values: { yearlyAmount: 100000 },
    jurisdictionCode: '533423',
    phone: '13800000001',
  };

  const paths = (t.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
  for (const [path, ops] of Object.entries(paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const params = op.parameters ?? [];
      const pathValues = Object.fromEntries(
        params
          .filter((p) => p.in === 'path')
          .map((p) => [
            p.name,
            p.name === 'code' && path.startsWith('/api/schemes')
              ? 'yunnan.childcareAllowance'
              : String(baseline(p.schema, p.name, { code: '533423' })),
          ]),
      );
      const query = Object.fromEntries(
        params.filter((p) => p.in === 'query').map((p) => [p.name, String(baseline(p.schema, p.name, hints))]),
      );
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      // Upload routes document their form (uploads.ts documentForm); Fastify reads them as a stream.
      const takesBody = Boolean(bodySchema ?? op.requestBody?.content?.['multipart/form-data']);
      const body = bodySchema ? baseline(bodySchema, '', hints) : undefined;
      const url = (pv: Record<string, string>, q: Record<string, string>) =>
        `${fill(path, pv)}${Object.keys(q).length ? '?' : ''}${Object.entries(q)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')}`;
      const encoded = (q: Record<string, string>) =>
        Object.fromEntries(Object.entries(q).map(([k, v]) => [k, encodeURIComponent(v)]));
      const baseUrl = url(
        Object.fromEntries(Object.entries(pathValues).map(([k, v]) => [k, encodeURIComponent(v)])),
        encoded(query),
      );

      // Who may call it: the first session the route lets past its checks. A write is probed
      // with a body no route parses (415 after the session hook), so the probe changes nothing.
      let who = 'nobody';
      for (const [name, h] of sessions) {
        const probe = await t.app.inject({
          method: method as 'GET',
          url: baseUrl,
          headers: method === 'GET' ? h : { ...h, 'content-type': 'application/x-cradle-probe' },
          ...(method === 'GET' ? {} : { payload: 'x' }),
          remoteAddress: nextAddress(),
        });
        if (probe.statusCode !== 401 && probe.statusCode !== 403) {
          who = name;
          walkedAs[`${method} ${path}`] = who;
          break;
        }
      }

      const request = (what: string, u: string, extra: InjectOptions = {}): Probe => ({
        method,
        url: u,
        what,
        who,
        options: { method, url: u, ...extra },
      });
      const jsonBody = (payload: string) => ({ payload, headers: { 'content-type': 'application/json' } });
      const asBody = body === undefined ? {} : jsonBody(JSON.stringify(body));

      const slots: Slot[] = [
        ...params
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({ in: p.in as 'path', name: p.name, schema: p.schema })),
        ...(bodySchema ? bodySlots(bodySchema) : []),
      ];
      for (const slot of slots) {
        for (const kind of KINDS.filter((k) => k.appliesTo(slot.schema, lastName(slot)))) {
          const what = `${slotName(slot)} = ${kind.name}`;
          if (slot.in === 'path')
            walk.push(request(what, url({ ...encoded(pathValues), [slot.name]: kind.url }, encoded(query)), asBody));
          else if (slot.in === 'query')
            walk.push({
              ...request(what, url(encoded(pathValues), { ...encoded(query), [slot.name]: kind.url }), asBody),
              harmlessInQuery: kind.queryIsText,
            });
          else if (slot.in === 'body' && (!slot.key || kind.json.startsWith('"')))
            walk.push(request(what, baseUrl, jsonBody(bodyWith(body, slot, kind))));
        }
      }
      // A route without a body ignores one (a sign-out with a broken form signs out).
      if (takesBody)
        for (const bad of BAD_BODIES)
          walk.push(request(bad.name, baseUrl, { payload: bad.payload, headers: { 'content-type': bad.contentType } }));
    }
  }
}, 300_000);
afterAll(async () => t.close());

describe('every route, with malformed input', () => {
  it('refuses each request with a 4xx in both languages and writes nothing', async () => {
    const before = await tableHashes();
    const failures: string[] = [];
    for (const p of walk) {
      const send = () =>
        t.app.inject({
          ...p.options,
          headers: { ...sessions.get(p.who), ...p.options.headers },
          remoteAddress: nextAddress(),
        });
      let res = await send();
      if (res.statusCode === 429 && p.who === 'resident' && residentPool.length > 0) {
        sessions.set('resident', residentPool.shift());
        res = await send();
      }
      const label = `${p.method} ${p.url} [${p.what}] → ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(`${label} ${res.body.slice(0, 200)}`);
      else if (res.statusCode === 429) failures.push(`${label}: rate limited, so not walked`);
      else if (res.statusCode < 400 && !(p.harmlessInQuery ?? false)) failures.push(`${label}: accepted`);
      else if (res.statusCode >= 400) {
        const body = res.json<{ code?: unknown; message?: unknown }>();
        if (typeof body.code !== 'string' || typeof body.message !== 'string')
          failures.push(`${label}: not an error body ${res.body}`);
        else if (/[A-Za-z]{3,}/.test(body.message.replace(ALLOWED_LATIN, '')))
          failures.push(`${label}: English in the Chinese message "${body.message}"`);
      }
    }
    const after = await tableHashes();
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    expect({ requests: walk.length, failures, changed }).toEqual({ requests: walk.length, failures: [], changed: [] });
  });

  it('reaches every route past its session and role checks', () => {
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const all = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(all.filter((r) => !(r in walkedAs))).toEqual([]);
  });
});
