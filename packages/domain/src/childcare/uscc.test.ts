import { describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter, parseUscc } from './uscc.js';

// A code often printed as GB 32100's worked example: 91350100M000100Y4 + check 3.
const EXAMPLE = '91350100M000100Y43';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a code whose check character is right, and names its authority and region', () => {
    const r = parseUscc(EXAMPLE);
    expect(r).toEqual({ ok: true, value: { uscc: EXAMPLE, authority: 'marketRegulation', regionCode: '350100' } });
  });

  it('computes the check character as 31 − (Σ value × 3^i mod 31) mod 31', () => {
    expect(computeUsccCheckCharacter(EXAMPLE.slice(0, 17))).toBe('3');
  });

  it('reads full-width and lower-case characters typed with a Chinese input method', () => {
    expect(parseUscc(' ９１３５０１００ｍ000100y43 ').ok).toBe(true);
  });

  it.each([
    ['', 'uscc.empty'],
    ['91350100M000100Y4', 'uscc.length'],
    ['91350100M000100Y43X', 'uscc.length'],
    ['91350100M000100O43', 'uscc.character'],
    ['91350100M000100Y44', 'uscc.checkCharacter'],
  ])('refuses %j as %s, with a message in both languages', (raw, code) => {
    const r = parseUscc(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message.zh).toMatch(/统一社会信用代码/);
    expect(r.message.en).toMatch(/code|character/);
  });

  it('refuses a code whose first character names another registration authority', () => {
    const r = parseUscc(EXAMPLE, 'civilAffairs');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain('首位应为 5');
    expect(parseUscc(EXAMPLE, 'marketRegulation').ok).toBe(true);
  });

  it('finds any single changed character (property over every position)', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const c of charset) {
        if (c === EXAMPLE[i]) continue;
        const changed = EXAMPLE.slice(0, i) + c + EXAMPLE.slice(i + 1);
        expect(parseUscc(changed).ok, changed).toBe(false);
      }
    }
  });
});
