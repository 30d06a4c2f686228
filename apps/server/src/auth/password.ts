import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with OWASP's minimum (19 MiB, t=2, p=1): safe and fast enough for a login.
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Letters and digits a person reads aloud or types from a screen without confusing them
// (no 0/O, 1/l/I), and symbols every keyboard layout in use has.
const TEMPORARY_CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!#%+=?'];

/**
 * A one-time password an administrator hands over (issue 12): 16 characters, at least one of
 * each class, so it meets packages/domain's policy for any username (checked by the caller).
 */
export function generateTemporaryPassword(length = 16): string {
  const all = TEMPORARY_CLASSES.join('');
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [
    ...TEMPORARY_CLASSES.map(pick),
    ...Array.from({ length: length - TEMPORARY_CLASSES.length }, () => pick(all)),
  ];
  // Fisher–Yates: the required characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
