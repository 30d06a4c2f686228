import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeys } from './keys.js';
import { createPii, decryptField, encryptField, type SealRequest } from './pii.js';

const pii = createPii(deriveKeys(randomBytes(32)));

describe('personal data encryption', () => {
  it('round-trips an ID number and never stores it in clear', () => {
    const c = pii.encryptIdNumber('11010519491231002X');
    expect(c.toString('latin1')).not.toContain('11010519491231002X');
    expect(pii.decryptIdNumber(c)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time, so equal numbers give different ciphertexts', () => {
    const ivs = new Set(
      Array.from({ length: 10_000 }, () => pii.encryptIdNumber('11010519491231002X').subarray(0, 12).toString('hex')),
    );
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
  const rows = (n: number, from = 0): SealRequest => {
    const idNumbers = Array.from({ length: n }, (_, i) => `53342319900101${String(from + i).padStart(4, '0')}`);
    return { idNumbers, phones: idNumbers.map(() => null), blindInputs: idNumbers.map(() => null) };
  };

  it('answers several requests in flight, each with its own rows', async () => {
    const threaded = createPii(deriveKeys(randomBytes(32)));
    try {
      const [a, b, c] = await Promise.all([
        threaded.sealMany(rows(300, 0)),
        threaded.sealMany(rows(5, 1000)),
        threaded.sealMany(rows(200, 2000)),
      ]);
      expect([a, b, c].map((s) => s.idCiphers.length)).toEqual([300, 5, 200]);
      expect(threaded.decryptIdNumber(b.idCiphers[4]!)).toBe('533423199001011004');
      expect(threaded.decryptIdNumber(c.idCiphers[199]!)).toBe('533423199001012199');
    } finally {
      await threaded.close();
    }
  });

  it('fails a request the worker cannot seal with a clear error, and goes on serving', async () => {
    const threaded = createPii(deriveKeys(randomBytes(32)));
    try {
      const bad = { idNumbers: [42 as unknown as string], phones: [null], blindInputs: [null] };
      await expect(threaded.sealMany(bad)).rejects.toThrow(/^PII worker thread: /);
      expect((await threaded.sealMany(rows(2))).idCiphers).toHaveLength(2);
    } finally {
      await threaded.close();
    }
  });

  it('fails what it held when closed, and a later request starts a new worker', async () => {
    const threaded = createPii(deriveKeys(randomBytes(32)));
    const held = threaded.sealMany(rows(20_000));
    await threaded.close();
    await expect(held).rejects.toThrow(/exited/);
    const again = await threaded.sealMany(rows(3));
    expect(threaded.decryptIdNumber(again.idCiphers[2]!)).toBe('533423199001010002');
    await threaded.close();
  });

  it('gives what the one-by-one calls give, nulls kept, and starts again after close', async () => {
    const keys = deriveKeys(randomBytes(32));
    const threaded = createPii(keys);
    const idNumbers = Array.from({ length: 1000 }, (_, i) => `53342319900101${String(i).padStart(4, '0')}`);
    const phones = idNumbers.map((_, i) => (i % 3 === 0 ? null : `1380000${String(i).padStart(4, '0')}`));
    const blindInputs = idNumbers.map((id, i) => (i % 2 === 0 ? null : `row:${id}`));
    try {
      const sealed = await threaded.sealMany({ idNumbers, phones, blindInputs });
      expect(sealed.idCiphers).toHaveLength(1000);
      for (let i = 0; i < idNumbers.length; i++) {
        expect(threaded.decryptIdNumber(sealed.idCiphers[i]!)).toBe(idNumbers[i]);
        expect(sealed.idBlindIndexes[i]!.equals(threaded.idBlindIndex(idNumbers[i]!))).toBe(true);
        expect(
          sealed.phoneCiphers[i] === null ? null : decryptField(keys.piiEncryption, 'phone', sealed.phoneCiphers[i]!),
        ).toBe(phones[i]);
        expect(sealed.blinded[i]?.toString('hex') ?? null).toBe(
          blindInputs[i] === null ? null : threaded.idBlindIndex(blindInputs[i]!).toString('hex'),
        );
      }
      await threaded.close();
      const again = await threaded.sealMany({
        idNumbers: idNumbers.slice(0, 2),
        phones: [null, null],
        blindInputs: [null, null],
      });
      expect(threaded.decryptIdNumber(again.idCiphers[1]!)).toBe(idNumbers[1]);
    } finally {
      await threaded.close();
    }
  });
});
