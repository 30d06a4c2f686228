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

/** Creates a staff account: the password hashed (argon2id), the TOTP secret encrypted. */
export async function createUser(database: Database, keys: Keys, u: NewStaffUser, password: string): Promise<void> {
  await insertUser(database, {
    username: u.username,
    displayName: u.displayName,
    passwordHash: await hashPassword(password),
    roles: u.roles,
    jurisdictionCode: u.jurisdiction,
    department: u.department,
    totpSecretCipher: u.totpSecret ? encryptField(keys.secretEncryption, 'totp', u.totpSecret) : null,
  });
}
