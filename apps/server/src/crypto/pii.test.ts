import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeys } from './keys.js';
import { createPii, decryptField, encryptField } from './pii.js';

const pii = createPii(deriveKeys(randomBytes(32)));

describe('personal data encryption', () => {
  it('round-trips an ID number and never stores it in clear', () => {
    const c = pii.encryptIdNumber('11010519491231002X');
    expect(c.toString('latin1')).not.toContain('11010519491231002X');
    expect(pii.decryptIdNumber(c)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time, so equal numbers give different ciphertexts', () => {
    const ivs = new Set(Array.from({ length: 10_000 }, () => pii.encryptIdNumber('11010519491231002X').subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(10_000);
  });

  it('gives equal numbers equal blind indexes, and different keys different ones', () => {
    expect(pii.idBlindIndex('11010519491231002X').equals(pii.idBlindIndex('11010519491231002X'))).toBe(true);
    const other = createPii(deriveKeys(randomBytes(32)));
    expect(other.idBlindIndex('11010519491231002X').equals(pii.idBlindIndex('11010519491231002X'))).toBe(false);
  });

  it('refuses a tampered ciphertext or one moved to another field', () => {
    const key = randomBytes(32);
    const c = encryptField(key, 'idNumber', '11010519491231002X');
    const tampered = Buffer.from(c);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptField(key, 'idNumber', tampered)).toThrow();
    expect(() => decryptField(key, 'phone', c)).toThrow();
  });
});
