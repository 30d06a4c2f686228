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

describe('sealMany (on the PII worker thread)', () => {
  it('gives what the one-by-one calls give, nulls kept, and starts again after close', async () => {
    const threaded = createPii(deriveKeys(randomBytes(32)));
    const idNumbers = Array.from({ length: 1000 }, (_, i) => `53342319900101${String(i).padStart(4, '0')}`);
    const phones = idNumbers.map((_, i) => (i % 3 === 0 ? null : `1380000${String(i).padStart(4, '0')}`));
    const blindInputs = idNumbers.map((id, i) => (i % 2 === 0 ? null : `row:${id}`));
    try {
      const sealed = await threaded.sealMany({ idNumbers, phones, blindInputs });
      expect(sealed.idCiphers).toHaveLength(1000);
      for (let i = 0; i < idNumbers.length; i++) {
        expect(threaded.decryptIdNumber(sealed.idCiphers[i]!)).toBe(idNumbers[i]);
        expect(sealed.idBlindIndexes[i]!.equals(threaded.idBlindIndex(idNumbers[i]!))).toBe(true);
        expect(sealed.phoneCiphers[i] === null).toBe(phones[i] === null);
        expect(sealed.blinded[i]?.toString('hex') ?? null).toBe(blindInputs[i] === null ? null : threaded.idBlindIndex(blindInputs[i]!).toString('hex'));
      }
      await threaded.close();
      const again = await threaded.sealMany({ idNumbers: idNumbers.slice(0, 2), phones: [null, null], blindInputs: [null, null] });
      expect(threaded.decryptIdNumber(again.idCiphers[1]!)).toBe(idNumbers[1]);
    } finally {
      await threaded.close();
    }
  });
});
