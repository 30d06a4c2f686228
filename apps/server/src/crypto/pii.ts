import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keys } from './keys.js';

// AES-256-GCM: 12-byte IV ‖ 16-byte tag ‖ ciphertext. The field name is bound in as
// associated data, so a ciphertext copied into another column does not decrypt.
export function encryptField(key: Buffer, field: string, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(field));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

export function decryptField(key: Buffer, field: string, blob: Buffer | Uint8Array): string {
  const buf = Buffer.from(blob);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(field));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed blind index: equal numbers give equal indexes; without the key it reveals nothing. */
export function blindIndex(key: Buffer, field: string, normalized: string): Buffer {
  return createHmac('sha256', key).update(field).update('\0').update(normalized).digest().subarray(0, 16);
}

export interface Pii {
  encryptIdNumber(idNumber: string): Buffer;
  decryptIdNumber(cipher: Buffer | Uint8Array): string;
  idBlindIndex(idNumber: string): Buffer;
  encryptPhone(phone: string): Buffer;
}

export function createPii(keys: Keys): Pii {
  return {
    encryptIdNumber: (id) => encryptField(keys.piiEncryption, 'idNumber', id),
    decryptIdNumber: (c) => decryptField(keys.piiEncryption, 'idNumber', c),
    idBlindIndex: (id) => blindIndex(keys.blindIndex, 'idNumber', id),
    encryptPhone: (p) => encryptField(keys.piiEncryption, 'phone', p),
  };
}
