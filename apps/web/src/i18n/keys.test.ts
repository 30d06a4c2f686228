import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n resources', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  // i18next plurals: "1 year", "2 years" (issue 12: no "1 years"). Chinese uses only _other, but
  // the two languages share one shape, so zh-CN carries _one too.
  it('give every English plural both its forms', () => {
    const all = [...leaves(en).keys()];
    for (const key of all.filter((k) => k.endsWith('_other')))
      expect(all, key).toContain(key.replace(/_other$/, '_one'));
  });

  it('have identical key sets in zh-CN and en', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('leave no text empty', () => {
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
