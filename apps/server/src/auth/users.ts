import type { Department, Role } from '@cradle/domain';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import { hashPassword } from './password.js';
import { insertUser } from './repo.js';

/** A staff account as an operator (`user-add`) or the demo data describes it. */
export interface NewStaffUser {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string; // region code
  department: Department | null;
  totpSecret: string | null;
}

/**
 * Creates a staff account: the password hashed (argon2id), the TOTP secret encrypted. A caller
 * creating many accounts with one password (the tests' demo users) may pass that password's
 * hash, made once: argon2 is slow on purpose, and eighteen hashes a test file added up.
 */
export async function createUser(
  database: Database,
  keys: Keys,
  u: NewStaffUser,
  password: string,
  passwordHash?: string,
): Promise<void> {
  await insertUser(database, {
    username: u.username,
    displayName: u.displayName,
    passwordHash: passwordHash ?? (await hashPassword(password)),
    roles: u.roles,
    jurisdictionCode: u.jurisdiction,
    department: u.department,
    totpSecretCipher: u.totpSecret ? encryptField(keys.secretEncryption, 'totp', u.totpSecret) : null,
  });
}

/**
 * Staff members' display names by id, for lists that name who did what (a batch's steps, the
 * audit log). On the owner connection: users are not a scoped table, and a name is no secret
 * among the staff who see the record.
 */
export async function findDisplayNames(
  database: Database,
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await database.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::bigint[])',
    [wanted],
  );
  return new Map(rows.map((r) => [Number(r.id), r.display_name]));
}
