// Malformed requests generated from the OpenAPI document, for the route fuzz test
// (system/route-fuzz.test.ts). Deterministic: the same document gives the same requests, in
// the same order, so a failure names a request that reproduces.

/** The part of a JSON schema (as @fastify/swagger writes it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Where a malformed value goes: a path parameter, a query field, or a place in the JSON body. */
export type Slot =
  | { in: 'path' | 'query'; name: string; schema: JsonSchema }
  | { in: 'body'; at: (string | number)[]; schema: JsonSchema; key?: boolean };

/** One kind of malformed value: as raw JSON text, and as it appears percent-encoded in a URL. */
export interface Kind {
  name: string;
  json: string;
  url: string;
  /** Kinds that are well-formed for some slots (a number for a string is coerced) say where they apply. */
  appliesTo: (s: JsonSchema, name: string) => boolean;
  /**
   * The query parser leaves percent-encoded bytes that are not UTF-8 as they came: the server
   * reads the text "%ED%A0%80", a search that may find nothing (the router refuses them in a path).
   */
  queryIsText?: boolean;
}

const isType = (s: JsonSchema, t: string) => [s.type ?? []].flat().includes(t);
const untyped = (s: JsonSchema) => s.type === undefined && !s.enum && s.const === undefined && !s.anyOf;
const numeric = (s: JsonSchema) => isType(s, 'integer') || isType(s, 'number') || untyped(s);
// Dates the domain checks itself travel as plain strings (a bundle's birthDate): by name too.
const dateLike = (s: JsonSchema, name: string) =>
  s.format === 'date' || (isType(s, 'string') && (/date/i.test(name) || /^(from|to)$|[a-z](From|On)$/.test(name)));
const always = () => true;

/** The five causes of issue 11 and their neighbours. */
export const KINDS: Kind[] = [
  { name: 'NUL', json: '"a\\u0000b"', url: 'a%00b', appliesTo: always },
  { name: 'lone surrogate', json: '"\\ud800"', url: '%ED%A0%80', appliesTo: always, queryIsText: true },
  { name: 'low surrogate first', json: '"x\\udc00\\ud800"', url: 'x%ED%B0%80', appliesTo: always, queryIsText: true },
  { name: '1e309', json: '1e309', url: '1e309', appliesTo: numeric },
  { name: '-1e309', json: '-1e309', url: '-1e309', appliesTo: numeric },
  { name: 'beyond int8', json: '1e20', url: '100000000000000000000', appliesTo: numeric },
  { name: 'fraction', json: '1.5', url: '1.5', appliesTo: (s) => isType(s, 'integer') },
  { name: 'Infinity text', json: '"Infinity"', url: 'Infinity', appliesTo: numeric },
  { name: 'year 0000', json: '"0000-01-01"', url: '0000-01-01', appliesTo: dateLike },
  { name: 'year 10000', json: '"10000-01-01"', url: '10000-01-01', appliesTo: dateLike },
  { name: '30 February', json: '"2026-02-30"', url: '2026-02-30', appliesTo: dateLike },
  { name: 'month 13', json: '"2026-13-01"', url: '2026-13-01', appliesTo: dateLike },
];

/** Bodies that are not what they say they are, for every route that takes one. */
export const BAD_BODIES: { name: string; contentType: string; payload: string }[] = [
  { name: 'multipart without boundary', contentType: 'multipart/form-data', payload: 'x' },
  { name: 'multipart with an empty boundary', contentType: 'multipart/form-data; boundary=', payload: 'x' },
  { name: 'multipart not in parts', contentType: 'multipart/form-data; boundary=zz', payload: 'no parts here' },
  {
    name: 'multipart cut off',
    contentType: 'multipart/form-data; boundary=zz',
    payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
  },
  {
    name: 'multipart with NUL names',
    contentType: 'multipart/form-data; boundary=zz',
    payload:
      '--zz\r\nContent-Disposition: form-data; name="ownerKind"\r\n\r\na\u0000b\r\n' +
      '--zz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nabc\r\n--zz--\r\n',
  },
  { name: 'JSON cut off', contentType: 'application/json', payload: '{"a": ' },
  { name: 'JSON with a NUL key', contentType: 'application/json', payload: '{"a\\u0000": 1}' },
  { name: 'text', contentType: 'text/plain', payload: 'x' },
  { name: 'form', contentType: 'application/x-www-form-urlencoded', payload: 'a=%00' },
];

const PLACEHOLDER = '@@fuzz@@';

/** A value the schema accepts, as far as a generator can tell (hints by name fill in the domain's own rules). */
export function baseline(s: JsonSchema, name = '', hints: Record<string, unknown> = {}): unknown {
  if (name in hints) return hints[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum.find((v) => v !== null);
  if (s.default !== undefined) return s.default;
  if (s.anyOf) return baseline(s.anyOf.find((b) => !b.enum?.includes(null)) ?? s.anyOf[0]!, name, hints);
  // An Int's allOf only re-checks its type (contract common.ts): the type decides.
  if (s.allOf && s.type === undefined)
    return Object.assign({}, ...(s.allOf.map((b) => baseline(b, name, hints)) as object[]));
  if (isType(s, 'object')) {
    const out: Record<string, unknown> = {};
    // A map starts empty, so a body the domain accepts stays accepted; its slots add an entry.
    for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = baseline(v, k, hints);
    return out;
  }
  if (isType(s, 'array'))
    return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => baseline(s.items ?? {}, name, hints));
  if (isType(s, 'integer') || isType(s, 'number')) return Math.max(1, s.minimum ?? 1);
  if (isType(s, 'boolean')) return true;
  if (isType(s, 'string')) {
    if (s.format === 'date' || dateLike(s, name)) return '2026-03-02';
    if (s.format === 'date-time') return '2026-03-02T08:00:00.000Z';
    if (s.pattern?.includes('\\d{6}')) return '123456';
    if (s.pattern?.includes('\\d')) return '533423101';
    return 'ab'.padEnd(s.minLength ?? 2, 'b');
  }
  return 1;
}

function recordValues(s: JsonSchema): JsonSchema | undefined {
  if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  return Object.values(s.patternProperties ?? {})[0];
}

/** Every place in a body schema a malformed value can go, with the schema that should refuse it. */
export function bodySlots(s: JsonSchema, at: (string | number)[] = []): Slot[] {
  if (s.anyOf) return bodySlots(s.anyOf.find((b) => !b.enum?.includes(null)) ?? s.anyOf[0]!, at);
  if (s.allOf && s.type === undefined) return s.allOf.flatMap((b) => bodySlots(b, at));
  const here: Slot = { in: 'body', at, schema: s };
  if (isType(s, 'object')) {
    const own = Object.entries(s.properties ?? {}).flatMap(([k, v]) => bodySlots(v, [...at, k]));
    const values = recordValues(s);
    const record: Slot[] = values
      ? [...bodySlots(values, [...at, 'k']), { in: 'body', at: [...at, 'k'], schema: {}, key: true }]
      : [];
    return [...own, ...record];
  }
  if (isType(s, 'array')) return bodySlots(s.items ?? {}, [...at, 0]);
  return [here];
}

/** The baseline body with one place replaced by a kind's raw JSON (a key by a malformed key). */
export function bodyWith(base: unknown, slot: Slot & { in: 'body' }, kind: Kind): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  if (slot.at.length === 0) return kind.json;
  let parent: Record<string | number, unknown> = copy;
  for (const step of slot.at.slice(0, -1)) parent = (parent[step] ??= {}) as Record<string | number, unknown>;
  // A map's key: only the string kinds apply (the caller filters); its value is well-formed text.
  if (slot.key) parent[PLACEHOLDER] = 'ab';
  else parent[slot.at.at(-1)!] = PLACEHOLDER;
  return JSON.stringify(copy).replace(`"${PLACEHOLDER}"`, kind.json);
}

export const slotName = (s: Slot) =>
  s.in === 'body' ? `body/${s.at.join('/')}${s.key ? ' (key)' : ''}` : `${s.in} ${s.name}`;
export const lastName = (s: Slot) =>
  s.in === 'body' ? String(s.at.filter((x) => typeof x === 'string').at(-1) ?? '') : s.name;
