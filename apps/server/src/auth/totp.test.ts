import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totpAt, verifyTotp } from './totp.js';

// RFC 6238 Appendix B test vectors (SHA-1, secret "12345678901234567890", 8 digits).
const RFC_SECRET = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC vector at t=%i', (t, expected) => {
    expect(hotp(RFC_SECRET, Math.floor(t / 30), 8)).toBe(expected);
  });

  it('round-trips base32 secrets', () => {
    const secret = base32Encode(RFC_SECRET);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret).equals(RFC_SECRET)).toBe(true);
  });

  it('accepts the current code and one step of drift, rejects others', () => {
    const secret = base32Encode(RFC_SECRET);
    const now = 1_700_000_000_000;
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, '12345', now)).toBe(false);
  });

  it('builds an otpauth URI an authenticator app can scan', () => {
    expect(otpauthUri('ABC', 'admin')).toBe(
      'otpauth://totp/Cradle%3Aadmin?secret=ABC&issuer=Cradle&algorithm=SHA1&digits=6&period=30',
    );
  });
});
