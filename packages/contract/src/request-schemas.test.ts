import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, SAFE_TEXT_PATTERN } from './common.js';
import type { RouteSpec } from './route.js';
import { staffRoutes } from './routes.js';
import { portalRoutes } from './portal-routes.js';

// Issue 11: what a request may carry is decided here, once. Every string of a request is a Text
// (or a pattern that refuses NUL and lone surrogates), every integer an Int (bounded, re-checked
// after coercion), every date a DateString, every map a TextRecord. The server's route fuzz test
// (apps/server/src/system/route-fuzz.test.ts) proves the same by behaviour on every route.

interface Schema {
  type?: string;
  pattern?: string;
  format?: string;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
}

/** Every place in a schema that breaks the rules, by its path. */
function problems(s: Schema, at: string): string[] {
  const out: string[] = [];
  if (s.anyOf) return s.anyOf.flatMap((b, i) => problems(b, `${at}|${i}`));
  if (s.type === 'string' && s.const === undefined) {
    const refuses = (text: string) => s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(text);
    if (!refuses('a\u0000b') || !refuses('\ud800')) out.push(`${at}: a string that takes NUL or a lone surrogate`);
    if (s.format === 'date' && s.pattern !== DATE_PATTERN) out.push(`${at}: a date without DateString's years`);
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (s.minimum === undefined || s.maximum === undefined) out.push(`${at}: an unbounded number`);
    if (!s.allOf?.some((a) => a.type === s.type)) out.push(`${at}: a number Ajv would take as Infinity`);
  }
  if (s.patternProperties) out.push(`${at}: Type.Record (use TextRecord)`);
  if (s.propertyNames) out.push(...problems(s.propertyNames, `${at}{key}`));
  if (typeof s.additionalProperties === 'object') out.push(...problems(s.additionalProperties, `${at}{}`));
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...problems(v, `${at}/${k}`));
  if (s.items) out.push(...problems(s.items, `${at}[]`));
  return out;
}

const routes: [string, RouteSpec][] = [...Object.entries(staffRoutes), ...Object.entries(portalRoutes)];

describe('request schemas', () => {
  it('use the safe pieces of common.ts in every param, query and body', () => {
    const found = routes.flatMap(([name, r]) =>
      (['params', 'query', 'body'] as const).flatMap((part) =>
        r[part] ? problems(r[part] as Schema, `${name} ${part}`) : [],
      ),
    );
    expect(found).toEqual([]);
  });

  it('take text beyond the BMP and refuse what PostgreSQL cannot store', () => {
    const text = new RegExp(SAFE_TEXT_PATTERN, 'u');
    expect(['王𠮷', '维政发〔2026〕1号', '', 'a\nb'].every((s) => text.test(s))).toBe(true);
    expect(['a\u0000', '\ud800', 'x\udc00', '\udc00\ud800'].some((s) => text.test(s))).toBe(false);
  });

  it('keeps dates to four-digit years from 1000, leaving month and day to the format', () => {
    const date = new RegExp(DATE_PATTERN, 'u');
    expect(['2026-03-02', '1000-01-01', '9999-12-31'].every((s) => date.test(s))).toBe(true);
    expect(['0000-01-01', '0999-12-31', '10000-01-01', '2026-3-2'].some((s) => date.test(s))).toBe(false);
  });
});
