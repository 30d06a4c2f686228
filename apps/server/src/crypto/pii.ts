import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { PiiThread } from './pii-thread.js';
import type { PiiKeys, Sealed, SealRequest } from './seal.js';

export type { PiiKeys, Sealed, SealRequest } from './seal.js';

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
  /** Many rows at once on a worker thread (see pii-thread.ts); the same results as the calls above. */
  sealMany(request: SealRequest): Promise<Sealed>;
  /** Stops the worker thread, if one was started. */
  close(): Promise<void>;
}

export function createPii(keys: PiiKeys): Pii {
  const here = createPiiHere(keys);
  const thread = new PiiThread(keys);
  return { ...here, sealMany: (request) => thread.seal(request), close: () => thread.close() };
}

/** The calls of Pii that run on the calling thread; the worker thread runs these. */
export function createPiiHere(
  keys: PiiKeys,
): Omit<Pii, 'sealMany' | 'close'> & { sealHere(request: SealRequest): Sealed } {
  const enc = createSecretKey(keys.piiEncryption);
  const blind = createSecretKey(keys.blindIndex);
  const calls = {
    encryptIdNumber: (id: string) => encryptField(enc, 'idNumber', id),
    decryptIdNumber: (c: Buffer | Uint8Array) => decryptField(enc, 'idNumber', c),
    idBlindIndex: (id: string) => blindIndex(blind, 'idNumber', id),
    encryptPhone: (p: string) => encryptField(enc, 'phone', p),
  };
  const sealHere = (r: SealRequest): Sealed => {
    const out: Sealed = { idCiphers: [], idBlindIndexes: [], phoneCiphers: [], blinded: [] };
    for (let i = 0; i < r.idNumbers.length; i++) {
      const phone = r.phones[i] ?? null;
      const input = r.blindInputs[i] ?? null;
      out.idCiphers.push(calls.encryptIdNumber(r.idNumbers[i]!));
      out.idBlindIndexes.push(calls.idBlindIndex(r.idNumbers[i]!));
      out.phoneCiphers.push(phone === null ? null : calls.encryptPhone(phone));
      out.blinded.push(input === null ? null : calls.idBlindIndex(input));
    }
    return out;
  };
  return { ...calls, sealHere };
}
