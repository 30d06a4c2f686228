import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Purpose-specific keys derived from one master key, so no key serves two purposes. */
export interface Keys {
  piiEncryption: Buffer;
  blindIndex: Buffer;
  secretEncryption: Buffer;
  receiptSigning: Buffer;
  /** Seals the audit chain's anchors (audit/anchors.ts); the database never sees it. */
  auditSealing: Buffer;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cradle:${info}`, 32));
  return {
    piiEncryption: derive('pii-encryption'),
    blindIndex: derive('blind-index'),
    secretEncryption: derive('secret-encryption'),
    receiptSigning: derive('receipt-signing'),
    auditSealing: derive('audit-sealing'),
  };
}

/** The master key from CRADLE_KEY, else the key file, created (mode 0600) on first start. */
export function loadMasterKey(opts: { key?: string; keyFile: string }): Buffer {
  if (opts.key) return parseKey(opts.key, 'CRADLE_KEY');
  if (existsSync(opts.keyFile)) return parseKey(readFileSync(opts.keyFile, 'utf8').trim(), opts.keyFile);
  mkdirSync(path.dirname(opts.keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(opts.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(opts.keyFile, 0o600);
  return key;
}

function parseKey(text: string, from: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${from} must hold a base64-encoded 32-byte key`);
  return key;
}
