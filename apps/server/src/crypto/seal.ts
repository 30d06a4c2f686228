import type { Keys } from './keys.js';

// What pii.ts, its worker thread (pii-thread.ts) and the worker (pii-worker.ts) pass each other.

/**
 * What an import encrypts and indexes, column by column (equal lengths). blindInputs are extra
 * strings to blind-index with the ID number's key (null: none), such as an import's row digest.
 */
export interface SealRequest {
  idNumbers: readonly string[];
  phones: readonly (string | null)[];
  blindInputs: readonly (string | null)[];
}

export interface Sealed {
  idCiphers: Buffer[];
  idBlindIndexes: Buffer[];
  phoneCiphers: (Buffer | null)[];
  blinded: (Buffer | null)[];
}

export type PiiKeys = Pick<Keys, 'piiEncryption' | 'blindIndex'>;
