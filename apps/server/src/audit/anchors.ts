import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A signed checkpoint of the audit chain: the entry at `seq` had `hash` at time `at`. `mac` is an
 * HMAC, under a key derived from the master key (the database never holds it), over these and the
 * previous anchor's mac, so anchors form a chain of their own that only the key's holder extends.
 */
export interface Anchor {
  seq: number;
  hash: string;
  at: string;
  prev: string;
  mac: string;
}

/** Where the anchors live: the key that signs them and the file outside the database. */
export interface AnchorStore {
  key: Buffer;
  file: string;
}

export const FIRST_PREV = '0'.repeat(64);

function macOf(key: Buffer, prev: string, seq: number, hash: string, at: string): string {
  return createHmac('sha256', key).update(`cradle-audit-anchor\n${prev}\n${seq}\n${hash}\n${at}`).digest('hex');
}

export function makeAnchor(key: Buffer, prev: string, seq: number, hash: string, at: Date): Anchor {
  const iso = at.toISOString();
  return { seq, hash, at: iso, prev, mac: macOf(key, prev, seq, hash, iso) };
}

/** Whether the anchor's mac is the key's over its own fields: it was written by a sealer. */
export function isSigned(key: Buffer, a: Anchor): boolean {
  const expected = Buffer.from(macOf(key, a.prev, a.seq, a.hash, a.at), 'hex');
  const given = Buffer.from(a.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One line of the anchor file: its anchor, or undefined when the line is not one. */
export interface AnchorLine {
  line: number;
  anchor: Anchor | undefined;
}

/** The file's lines; `exists: false` when there is no file (nothing sealed yet, or it was removed). */
export async function readAnchorFile(file: string): Promise<{ exists: boolean; lines: AnchorLine[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, lines: [] };
    throw e;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { exists: true, lines: lines.map((l, i) => ({ line: i + 1, anchor: parseAnchor(l) })) };
}

function parseAnchor(line: string): Anchor | undefined {
  try {
    const a = JSON.parse(line) as Partial<Anchor>;
    const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
    if (Number.isSafeInteger(a.seq) && hex(a.hash) && hex(a.prev) && hex(a.mac) && typeof a.at === 'string')
      return { seq: a.seq!, hash: a.hash!, at: a.at, prev: a.prev!, mac: a.mac! };
  } catch {
    // not JSON: reported as a line that is not an anchor
  }
  return undefined;
}

/** Appends one line and waits until it is on disk. The file is only ever appended to. */
export async function appendAnchorLine(file: string, a: Anchor): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.write(JSON.stringify(a) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
