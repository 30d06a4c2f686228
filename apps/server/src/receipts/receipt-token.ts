import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// A receipt's QR code carries `${publicBaseUrl}/verify/${token}`. The token is
// base64url(JSON payload) '.' base64url(HMAC-SHA256(key, payload part)): self-contained, so
// a verifier needs only the key, and short enough for a QR code that a phone reads from paper.

export const RECEIPT_KINDS = ['childbirthRegistration', 'newbornBundle'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export interface ReceiptPayload {
  kind: ReceiptKind;
  /** The registration number printed on the receipt. */
  number: string;
  /** receiptDigest() of the content as issued: SHA-256, lower-case hex. */
  digest: string;
}

/** A real token is about 200 characters; anything far longer is refused before any work. */
export const MAX_TOKEN_LENGTH = 512;
const MAX_NUMBER_LENGTH = 64;
const TOKEN_VERSION = 1;
// The MAC is 32 bytes: 43 characters of unpadded base64url.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;
const DIGEST_SHAPE = /^[0-9a-f]{64}$/;
const B64_DIGEST_SHAPE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/; // 32 bytes, canonical last character
// Printable, no slash or space: the number is shown on the verify page and may end up in a URL.
const NUMBER_SHAPE = /^[\p{L}\p{N}_.:-]+$/u;

export function signReceipt(key: Buffer, payload: ReceiptPayload): string {
  if (!isPayload(payload)) throw new TypeError('signReceipt: kind, number or digest is not valid');
  // The digest travels as base64url, not hex: 21 characters fewer make a sparser QR code.
  const d = Buffer.from(payload.digest, 'hex').toString('base64url');
  const json = JSON.stringify({ v: TOKEN_VERSION, k: payload.kind, n: payload.number, d });
  const body = Buffer.from(json, 'utf8').toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The payload of a token signed with `key`, or null for anything else; never throws. */
export function verifyReceiptToken(key: Buffer, token: unknown): ReceiptPayload | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return null;
  const dot = token.indexOf('.');
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  // base64url decoding ignores the spare low bits of the last character: insist on the
  // canonical spelling, so one receipt has exactly one valid token.
  if (given.toString('base64url') !== token.slice(dot + 1)) return null;
  if (!timingSafeEqual(given, mac(key, body))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, k, n, d } = parsed as Record<string, unknown>;
  if (typeof d !== 'string' || !B64_DIGEST_SHAPE.test(d)) return null;
  const payload = { kind: k, number: n, digest: Buffer.from(d, 'base64url').toString('hex') };
  return v === TOKEN_VERSION && isPayload(payload) ? payload : null;
}

export function receiptVerifyUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${token}`;
}

/**
 * SHA-256 (hex) of the receipt content as canonical JSON: object keys sorted, undefined
 * members left out, dates as ISO strings. The same content gives the same digest whatever
 * order it was assembled in, so a verifier can recompute it from what is stored now.
 */
export function receiptDigest(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('receipt content holds a number that is not finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      // A Map, a Buffer or a class instance would serialise as {} or worse: refuse, not guess.
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError('receipt content holds an object that is not plain');
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`receipt content holds a ${typeof value}`);
  }
}

function mac(key: Buffer, body: string): Buffer {
  // A short key is a wiring mistake (keys.receiptSigning is 32 bytes), never a user's input.
  if (key.length < 32) throw new Error('receipt signing key must be at least 32 bytes');
  return createHmac('sha256', key).update(body, 'ascii').digest();
}

function isPayload(p: { kind: unknown; number: unknown; digest: unknown }): p is ReceiptPayload {
  return (
    (RECEIPT_KINDS as readonly unknown[]).includes(p.kind) &&
    typeof p.number === 'string' &&
    p.number.length > 0 &&
    p.number.length <= MAX_NUMBER_LENGTH &&
    NUMBER_SHAPE.test(p.number) &&
    typeof p.digest === 'string' &&
    DIGEST_SHAPE.test(p.digest)
  );
}
