// What a page must not show a user (issue 12, "Reasons in plain words"): an i18next key that was
// never translated, an internal code, an English word in the Chinese interface, "1 years", a
// region code without its name, a sentinel date. The walking test applies it to every page.
import type { Page } from 'playwright-core';

export type Lang = 'zh-CN' | 'en';

/** Latin words a Chinese page may show: file formats, abbreviations users know, the product's name. */
const ZH_ALLOWED = new Set(['XLSX', 'CSV', 'PDF', 'ID', 'IP', 'TOTP', 'QR', 'SMS', 'MB', 'Cradle']);
/** Quoted English a Chinese page must show as it is: the marker of the server log's SMS lines. */
const ZH_ALLOWED_PHRASES = ['development SMS sink'];

/**
 * The page's text as a user sees it, one visible text node a line (so words of neighbouring
 * elements never run together), with the placeholders and titles of its controls and the names
 * of its icon buttons. Icons' own aria-labels (Ant Design names them "bell", "down") are left out.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines: string[] = [];
    // Text in a box of no size that clips it is for screen readers only (a select's list of
    // option values); it is not what the page shows.
    const clipped = new Map<Element, boolean>();
    const isClipped = (el: Element | null): boolean => {
      if (!el || el === document.body) return false;
      const known = clipped.get(el);
      if (known !== undefined) return known;
      const style = getComputedStyle(el);
      const own = style.overflow !== 'visible' && (el.clientWidth === 0 || el.clientHeight === 0);
      const result = own || isClipped(el.parentElement);
      clipped.set(el, result);
      return result;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!text || !el || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (!isClipped(el)) lines.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder],[title],button[aria-label]')) {
      if (!el.checkVisibility()) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = a === 'aria-label' && el.tagName !== 'BUTTON' ? null : el.getAttribute(a);
        if (v) lines.push(v);
      }
    }
    return lines.join('\n');
  });
}

/**
 * Texts shown where a region is named (a table column or a description headed 地区, 户籍地,
 * Region …) that are nothing but digits: a code shown without its name.
 */
export async function bareRegionCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const regionHeader = /地区|区划|户籍地|居住地|辖区|Region|Hukou|Residence|Jurisdiction/i;
    const bare = /^\d{2,12}$/;
    const found: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      headers.forEach((h, i) => {
        if (!regionHeader.test(h)) return;
        for (const td of table.querySelectorAll(`tbody tr > td:nth-child(${i + 1})`)) {
          const text = (td.textContent ?? '').trim();
          if (bare.test(text)) found.push(`${h}: ${text}`);
        }
      });
    }
    for (const label of document.querySelectorAll('.ant-descriptions-item-label')) {
      const h = label.textContent ?? '';
      const content = (label.nextElementSibling?.textContent ?? '').trim();
      if (regionHeader.test(h) && bare.test(content)) found.push(`${h}: ${content}`);
    }
    return found;
  });
}

/**
 * Everything wrong with a page's text in a language, each problem as a short line. accounts:
 * user names (admin, county), identifiers a Chinese page may show as they are, like an ID number.
 */
export function problemsIn(text: string, lang: Lang, accounts: readonly string[] = []): string[] {
  const problems: string[] = [];
  const add = (what: string, m: RegExpMatchArray | null | undefined) => {
    if (m) problems.push(`${what}: ${JSON.stringify(context(text, m.index ?? 0, m[0]))}`);
  };
  // An untranslated i18next key reads as dotted camelCase ("benefits.scheme.title"); so does a
  // scheme code ("yunnan.birthGrant"). File names and web addresses are not keys.
  for (const m of text.matchAll(/\b[a-z][a-zA-Z0-9]+(\.[a-zA-Z][a-zA-Z0-9_]+)+\b/g))
    if (!/\.(csv|xlsx|xls|pdf|png|svg|json|jsonl|cn|com|org|gov)$/i.test(m[0])) add('untranslated key or code', m);
  for (const m of text.matchAll(/\b[a-z]+[A-Z][a-zA-Z]*\b/g)) add('internal name', m);
  add('sentinel date', /0001-01-01|9999-12-31/.exec(text));
  add('no value', /\b(undefined|null|NaN)\b|\[object Object\]|Invalid Date/.exec(text));
  add(
    'wrong plural',
    /(?<![\d.,])1 (years|months|days|births|children|persons|people|rows|entries|parts)\b/.exec(text),
  );
  // A stored code in the Chinese interface (head, spouse, alive …) is a Latin word like any other;
  // in English those are words, and only the internal names (bornFrom) above give them away.
  if (lang === 'zh-CN') {
    const checked = ZH_ALLOWED_PHRASES.reduce((t, phrase) => t.replaceAll(phrase, ''), text);
    for (const m of checked.matchAll(/[A-Za-z][A-Za-z_]*/g)) {
      if (ZH_ALLOWED.has(m[0].toUpperCase()) || ZH_ALLOWED.has(m[0]) || accounts.includes(m[0])) continue;
      // ID-like tokens: a masked or full ID number's check character, a receipt or batch number.
      const around = context(checked, m.index ?? 0, m[0], 1);
      if (/[\d*][A-Z]|[A-Z][\d*-]/.test(around)) continue;
      problems.push(`Latin word in Chinese: ${JSON.stringify(context(checked, m.index ?? 0, m[0]))}`);
    }
  }
  return [...new Set(problems)];
}

function context(text: string, at: number, match: string, width = 20): string {
  return text.slice(Math.max(0, at - width), at + match.length + width).replace(/\s+/g, ' ');
}
