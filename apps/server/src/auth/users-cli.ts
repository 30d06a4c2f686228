import { parseArgs } from 'node:util';
import {
  checkPasswordComplexity,
  holdsTwoFactorSecret,
  isDepartment,
  isRegionCode,
  isRole,
  type Role,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { appendAudit } from '../audit/index.js';
import { usernameTaken } from './repo.js';
import { createUser } from './users.js';
import { generateTotpSecret, otpauthUri } from './totp.js';

const USAGE =
  'usage: user-add <username> --name 显示名 --role <role>[,<role>] --jurisdiction <region code> [--department <dept>]  (password from CRADLE_NEW_PASSWORD)';

/** `npm run cli -- user-add …`: how a real deployment (CRADLE_DEMO=0) gets its users. */
export async function userAddCommand(
  args: string[],
  database: Database,
  keys: Keys,
  regionExists: (code: string) => boolean,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      jurisdiction: { type: 'string' },
      department: { type: 'string' },
    },
  });
  const username = positionals[0];
  const roles = (values.role ?? '').split(',').filter(Boolean);
  const problems: string[] = [];
  if (!username || !/^[a-z0-9._-]{2,64}$/.test(username)) problems.push('username: 2–64 of a-z 0-9 . _ -');
  if (roles.length === 0 || !roles.every(isRole))
    problems.push(
      `role: one or more of systemAdmin, countyAdmin, townshipWorker, villageWorker, departmentOperator, leader, institutionOperator`,
    );
  if (!values.jurisdiction || !isRegionCode(values.jurisdiction) || !regionExists(values.jurisdiction))
    problems.push('jurisdiction: a region code loaded in this deployment');
  if (values.department && !isDepartment(values.department)) problems.push('department: not a known department');
  const password = process.env.CRADLE_NEW_PASSWORD ?? '';
  for (const m of checkPasswordComplexity(password, username)) problems.push(`password: ${m.zh} / ${m.en}`);
  if (problems.length) {
    console.error(`${USAGE}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const totpSecret = holdsTwoFactorSecret(roles as Role[], values.department ?? null) ? generateTotpSecret() : null;
  if (await usernameTaken(database, username!)) {
    console.error(`user-add: ${username} exists already; nothing changed`);
    return 1;
  }
  await createUser(
    database,
    keys,
    {
      username: username!,
      displayName: values.name ?? username!,
      roles: roles as Role[],
      jurisdiction: values.jurisdiction!,
      department: (values.department ?? null) as never,
      totpSecret,
    },
    password,
  );
  await appendAudit(database, {
    userId: null,
    username: 'cli',
    jurisdictionCode: values.jurisdiction!,
    action: 'user.create',
    targetType: 'user',
    targetId: username!,
    outcome: 'success',
    clientIp: null,
    details: { roles },
  });
  console.log(`created ${username} (${roles.join(',')}) in ${values.jurisdiction}`);
  if (totpSecret) console.log(`two-factor secret (shown once): ${totpSecret}\n${otpauthUri(totpSecret, username!)}`);
  return 0;
}
