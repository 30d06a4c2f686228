import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndexFirstRows } from './blind-index-set.js';

describe('BlindIndexFirstRows', () => {
  it('returns 0 for a new index and the first row for a repeat', () => {
    const seen = new BlindIndexFirstRows();
    const a = randomBytes(16);
    expect(seen.firstRowOrAdd(a, 2)).toBe(0);
    expect(seen.firstRowOrAdd(randomBytes(16), 3)).toBe(0);
    expect(seen.firstRowOrAdd(Buffer.from(a), 9)).toBe(2);
    expect(seen.firstRowOrAdd(a, 10)).toBe(2);
  });

  it('keeps every entry as it grows far past its first capacity', () => {
    const seen = new BlindIndexFirstRows(16);
    const keys = Array.from({ length: 50_000 }, () => randomBytes(16));
    const added = keys.map((k, i) => seen.firstRowOrAdd(k, i + 2));
    expect(added.every((r) => r === 0)).toBe(true);
    expect(seen.size).toBe(50_000);
    const found = keys.map((k) => seen.firstRowOrAdd(k, 1_000_000));
    expect(found.every((r, i) => r === i + 2)).toBe(true);
  });

  it('tells apart indexes that share their first word', () => {
    const seen = new BlindIndexFirstRows();
    const a = Buffer.alloc(16, 1);
    const b = Buffer.from(a);
    b[15] = 2;
    expect(seen.firstRowOrAdd(a, 2)).toBe(0);
    expect(seen.firstRowOrAdd(b, 3)).toBe(0);
    expect(seen.firstRowOrAdd(b, 4)).toBe(3);
  });
});
