import { describe, expect, it } from 'vitest';
import { normalizePortalPhone } from './portalPhone';

describe('normalizePortalPhone', () => {
  it('accepts a mainland mobile number with spaces, hyphens or +86', () => {
    expect(normalizePortalPhone('138 0013 8000')).toBe('13800138000');
    expect(normalizePortalPhone('+86 138-0013-8000')).toBe('13800138000');
  });

  it('refuses numbers the server refuses', () => {
    for (const bad of ['1380013800', '12800138000', '138001380001', 'abc', '', '0871-1234567'])
      expect(normalizePortalPhone(bad), bad).toBeNull();
  });
});
