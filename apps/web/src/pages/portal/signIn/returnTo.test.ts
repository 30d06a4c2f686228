import { describe, expect, it } from 'vitest';
import { returnTo } from './returnTo';

describe('where sign-in leads', () => {
  it('sends an unlinked account from the home page to binding, a linked one home', () => {
    expect(returnTo({ from: '/m' }, false)).toBe('/m/binding');
    expect(returnTo(null, true)).toBe('/m');
  });

  it('goes back to the portal page that asked for sign-in, never outside the portal', () => {
    expect(returnTo({ from: '/m/registrations/3' }, false)).toBe('/m/registrations/3');
    expect(returnTo({ from: '/m/sign-in' }, true)).toBe('/m');
    expect(returnTo({ from: '/persons' }, true)).toBe('/m');
    expect(returnTo({ from: '//evil.example' }, true)).toBe('/m');
  });
});
