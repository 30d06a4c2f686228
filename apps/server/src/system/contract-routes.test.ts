import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoutes, staffRoutes, type RouteSpec } from '@cradle/contract';
import { createTestApp, type TestApp } from '../test/app.js';

// The console types its calls from the contract's route tables; this holds the server to them:
// every route is registered at that method and path, and answers and accepts the same fields.

type Schema = {
  properties?: Record<string, unknown>;
  allOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  type?: string | string[];
};
type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/** The field names of an object schema (through allOf, anyOf — an optional body is an object or null — and arrays), for comparing two schemas' shapes. */
function fieldsOf(s: Schema | undefined): string[] {
  if (!s) return [];
  if (s.items) return fieldsOf(s.items).map((f) => `[]${f}`);
  const own = Object.keys(s.properties ?? {});
  return [...new Set([...own, ...[...(s.allOf ?? []), ...(s.anyOf ?? [])].flatMap(fieldsOf)])].sort();
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

let t: TestApp;
let paths: Record<string, Record<string, Operation>>;
beforeAll(async () => {
  t = await createTestApp(20);
  await t.app.ready();
  paths = (t.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
});
afterAll(async () => t.close());

const all: [string, RouteSpec][] = [
  ...Object.entries(staffRoutes).map(([k, v]) => [`staff ${k}`, v] as [string, RouteSpec]),
  ...Object.entries(portalRoutes).map(([k, v]) => [`portal ${k}`, v] as [string, RouteSpec]),
];

describe('the contract route tables', () => {
  it.each(all)('%s is registered at its method and path', (_, spec) => {
    expect(t.app.hasRoute({ method: spec.method, url: spec.path })).toBe(true);
  });

  it.each(all.filter(([, s]) => !s.path.includes('*')))(
    '%s answers and accepts the fields the contract says',
    (_, spec) => {
      const op = paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()];
      expect(op).toBeDefined();
      const success = Object.entries(op!.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
      expect(fieldsOf(success?.content?.['application/json']?.schema)).toEqual(fieldsOf(spec.response as Schema));
      expect(fieldsOf(op!.requestBody?.content?.['application/json']?.schema)).toEqual(fieldsOf(spec.body as Schema));
    },
  );
});
