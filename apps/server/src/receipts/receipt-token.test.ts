import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveKeys } from '../crypto/keys.js';
import {
  MAX_TOKEN_LENGTH,
  canonicalJson,
  receiptDigest,
  receiptVerifyUrl,
  signReceipt,
  verifyReceiptToken,
  type ReceiptPayload,
} from './receipt-token.js';

const key = deriveKeys(randomBytes(32)).receiptSigning;
const content = {
  child: { name: '和晓雯', bornAt: new Date('2025-03-01T06:12:00+08:00') },
  mother: '和丽娟',
  weightGrams: 3250,
};
const payload: ReceiptPayload = {
  kind: 'childbirthRegistration',
  number: 'CB-533423-2025-000123',
  digest: receiptDigest(content),
};
const token = signReceipt(key, payload);

const flipBit = (s: string, at: number) => {
  const chars = [...s];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const i = alphabet.indexOf(chars[at]!);
  chars[at] = i < 0 ? chars[at]! : alphabet[i ^ 1]!;
  return chars.join('');
};

describe('receipt token', () => {
  it('round-trips the kind, number and digest, and fits a URL as it is', () => {
    expect(verifyReceiptToken(key, token)).toEqual(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(token.length).toBeLessThan(220);
    const bundle: ReceiptPayload = { ...payload, kind: 'newbornBundle' };
    expect(verifyReceiptToken(key, signReceipt(key, bundle))).toEqual(bundle);
  });

  it('refuses a token signed with another key', () => {
    const other = deriveKeys(randomBytes(32)).receiptSigning;
    expect(verifyReceiptToken(other, token)).toBeNull();
  });

  it('refuses a token with any one character changed', () => {
    for (let at = 0; at < token.length; at++) {
      if (token[at] === '.') continue;
      const changed = flipBit(token, at);
      if (changed !== token) expect(verifyReceiptToken(key, changed), `position ${at}`).toBeNull();
    }
  });

  it('refuses a signature re-spelt with different spare bits in its last character', () => {
    // Two spellings that differ only in the unused low bits decode to the same 32 bytes.
    const last = token.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(
      Buffer.from(token.slice(-43, -1) + sibling, 'base64url').equals(Buffer.from(token.slice(-43), 'base64url')),
    ).toBe(true);
    expect(verifyReceiptToken(key, token.slice(0, -1) + sibling)).toBeNull();
  });

  it('refuses a token for a changed digest, number or kind, however re-encoded', () => {
    const [, mac] = token.split('.');
    const forge = (p: object) => `${Buffer.from(JSON.stringify(p)).toString('base64url')}.${mac}`;
    const original = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(verifyReceiptToken(key, forge(original))).toEqual(payload); // the forge itself is faithful
    const otherDigest = Buffer.from(receiptDigest({ ...content, mother: '李娜' }), 'hex').toString('base64url');
    expect(verifyReceiptToken(key, forge({ ...original, d: otherDigest }))).toBeNull();
    expect(verifyReceiptToken(key, forge({ ...original, n: 'CB-533423-2025-000124' }))).toBeNull();
    expect(verifyReceiptToken(key, forge({ ...original, k: 'newbornBundle' }))).toBeNull();
  });

  it('refuses truncated, garbage and overlong input without throwing', () => {
    const bad: unknown[] = [
      '',
      '.',
      'abc',
      token.slice(0, -1),
      token.slice(0, token.indexOf('.')),
      token.slice(token.indexOf('.')),
      token + 'A',
      `${token}.${token.split('.')[1]!}`,
      token.replace('.', '..'),
      token.replace('.', '%2E'),
      ` ${token}`,
      `${token}\n`,
      'a'.repeat(MAX_TOKEN_LENGTH + 1),
      `${'A'.repeat(100_000)}.${token.split('.')[1]}`,
      '\u0000',
      '这不是回执',
      null,
      undefined,
      42,
      {},
      [token],
      Buffer.from(token),
    ];
    for (const input of bad) expect(verifyReceiptToken(key, input), String(input).slice(0, 40)).toBeNull();
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (s) => verifyReceiptToken(key, s) === null));
  });

  it('refuses a correctly signed token whose payload has the wrong shape', () => {
    // MACed with the real key but built by hand: the shape check, not the MAC, must refuse these.
    const signRaw = (p: unknown) => {
      const body = Buffer.from(JSON.stringify(p)).toString('base64url');
      return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    };
    const d = Buffer.from(payload.digest, 'hex').toString('base64url');
    const good = { v: 1, k: payload.kind, n: payload.number, d };
    expect(signRaw(good)).toBe(token); // the hand-built token is the real one
    for (const p of [
      { ...good, v: 2 },
      { ...good, v: '1' },
      { ...good, k: 'marriage' },
      { ...good, n: '' },
      { ...good, n: 'CB/1' },
      { ...good, n: 7 },
      { ...good, d: payload.digest },
      { ...good, d: d.slice(0, -1) + 'B' },
      { ...good, d: undefined },
      [good],
      'CB-1',
      null,
    ]) {
      expect(verifyReceiptToken(key, signRaw(p)), JSON.stringify(p)).toBeNull();
    }
  });

  it('refuses to sign a payload it would not verify', () => {
    expect(() => signReceipt(key, { ...payload, digest: 'abc' })).toThrow(TypeError);
    expect(() => signReceipt(key, { ...payload, digest: payload.digest.toUpperCase() })).toThrow(TypeError);
    expect(() => signReceipt(key, { ...payload, number: '' })).toThrow(TypeError);
    expect(() => signReceipt(key, { ...payload, number: 'CB 1/2' })).toThrow(TypeError);
    expect(() => signReceipt(key, { ...payload, kind: 'marriage' as ReceiptPayload['kind'] })).toThrow(TypeError);
    expect(() => signReceipt(Buffer.alloc(16), payload)).toThrow(/at least 32 bytes/);
  });

  it('builds the verify URL under the public base URL, with or without a trailing slash', () => {
    expect(receiptVerifyUrl('https://cradle.example.gov.cn/', token)).toBe(
      `https://cradle.example.gov.cn/verify/${token}`,
    );
    expect(receiptVerifyUrl('https://cradle.example.gov.cn', token)).toBe(
      `https://cradle.example.gov.cn/verify/${token}`,
    );
  });
});

describe('receipt digest', () => {
  it('is the SHA-256 of canonical JSON, whatever order the keys were assembled in', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '和' }], e: undefined })).toBe('{"a":[{"c":"和","d":null}],"b":1}');
    expect(receiptDigest({ b: 1, a: 2 })).toBe(receiptDigest({ a: 2, b: 1 }));
    // echo -n '{"a":2,"b":1}' | sha256sum
    expect(receiptDigest({ b: 1, a: 2 })).toBe('d3626ac30a87e6f7a6428233b3c68299976865fa5508e4267c5415c76af7a772');
  });

  it('changes when any value changes, and keeps dates as instants', () => {
    expect(receiptDigest({ ...content, weightGrams: 3251 })).not.toBe(payload.digest);
    expect(receiptDigest({ ...content, child: { ...content.child, name: '和晓雲' } })).not.toBe(payload.digest);
    expect(canonicalJson({ at: new Date('2025-03-01T06:12:00+08:00') })).toBe('{"at":"2025-02-28T22:12:00.000Z"}');
  });

  it('refuses content that would not survive a round trip through JSON', () => {
    for (const bad of [
      { n: Number.NaN },
      { n: Infinity },
      { m: new Map() },
      { b: Buffer.from('x') },
      { f: () => 1 },
      { n: 1n },
    ]) {
      expect(() => receiptDigest(bad)).toThrow(TypeError);
    }
  });
});
