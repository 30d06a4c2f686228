import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Keys } from './keys.js';

// AES-256-GCM: 12-byte IV ‖ 16-byte tag ‖ ciphertext. The field name is bound in as
// associated data, so a ciphertext copied into another column does not decrypt.
// Keys are KeyObjects and IVs come from a pool of random bytes: per call, a raw Buffer key
// and randomBytes(12) each cost more than the encryption itself (an import does millions).

type Key = Buffer | KeyObject;
const keyObject = (k: Key): KeyObject => (Buffer.isBuffer(k) ? createSecretKey(k) : k);

const IV_POOL_BYTES = 12 * 4096;
let ivPool = Buffer.alloc(0);
let ivAt = IV_POOL_BYTES;
/** A fresh random 96-bit IV (random IVs are safe for up to 2^32 messages per key, NIST SP 800-38D §8.3). */
function nextIv(): Buffer {
  if (ivAt >= IV_POOL_BYTES) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + 12);
  ivAt += 12;
  return iv;
}

const aadCache = new Map<string, Buffer>();
const aadOf = (field: string) => aadCache.get(field) ?? aadCache.set(field, Buffer.from(field)).get(field)!;

export function encryptField(key: Key, field: string, plain: string): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv);
  cipher.setAAD(aadOf(field));
  const data = cipher.update(plain, 'utf8');
  cipher.final(); // GCM is a stream mode: final() adds no bytes, it computes the tag
  const out = Buffer.allocUnsafe(28 + data.length);
  iv.copy(out, 0);
  cipher.getAuthTag().copy(out, 12);
  data.copy(out, 28);
  return out;
}

export function decryptField(key: Key, field: string, blob: Buffer | Uint8Array): string {
  const buf = Buffer.from(blob);
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), buf.subarray(0, 12));
  decipher.setAAD(aadOf(field));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed blind index: equal numbers give equal indexes; without the key it reveals nothing. */
export function blindIndex(key: Key, field: string, normalized: string): Buffer {
  return createHmac('sha256', keyObject(key)).update(field).update('\0').update(normalized).digest().subarray(0, 16);
}

export interface Pii {
  encryptIdNumber(idNumber: string): Buffer;
  decryptIdNumber(cipher: Buffer | Uint8Array): string;
  idBlindIndex(idNumber: string): Buffer;
  encryptPhone(phone: string): Buffer;
}

export function createPii(keys: Keys): Pii {
  const enc = createSecretKey(keys.piiEncryption);
  const blind = createSecretKey(keys.blindIndex);
  return {
    encryptIdNumber: (id) => encryptField(enc, 'idNumber', id),
    decryptIdNumber: (c) => decryptField(enc, 'idNumber', c),
    idBlindIndex: (id) => blindIndex(blind, 'idNumber', id),
    encryptPhone: (p) => encryptField(enc, 'phone', p),
  };
}
