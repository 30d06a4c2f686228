import type { Department, Role } from '@cradle/domain';
import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import { hashPassword, otpauthUri } from '../auth/index.js';

// Demo accounts, one per role and department, so a newcomer can sign in as anyone. The
// password and TOTP secrets are fixed so the README can list them: they exist only when
// CRADLE_DEMO is on, and a real deployment creates its users with `npm run cli -- user`.
export const DEMO_PASSWORD = 'Cradle@2026demo';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string; // region code, filled from the scope
  department: Department | null;
  totpSecret: string | null;
}

export function demoUsers(scope: string, township: string, otherTownship: string, village: string): DemoUser[] {
  const dept = (username: string, displayName: string, department: Department): DemoUser => ({
    username,
    displayName,
    roles: ['departmentOperator'],
    jurisdiction: scope,
    department,
    totpSecret: null,
  });
  return [
    {
      username: 'admin',
      displayName: '系统管理员',
      roles: ['systemAdmin'],
      jurisdiction: scope,
      department: null,
      totpSecret: 'CRADLEDEMOADMIN2',
    },
    {
      username: 'county',
      displayName: '县卫健委 李主任',
      roles: ['countyAdmin'],
      jurisdiction: scope,
      department: 'healthCommission',
      totpSecret: 'CRADLEDEMOCOUNTY',
    },
    {
      username: 'township',
      displayName: '乡镇计生专干 和丽',
      roles: ['townshipWorker'],
      jurisdiction: township,
      department: null,
      totpSecret: null,
    },
    {
      username: 'township2',
      displayName: '乡镇计生专干 余强',
      roles: ['townshipWorker'],
      jurisdiction: otherTownship,
      department: null,
      totpSecret: null,
    },
    {
      username: 'village',
      displayName: '村计生专干 熊梅',
      roles: ['villageWorker'],
      jurisdiction: village,
      department: null,
      totpSecret: null,
    },
    dept('hospital', '县人民医院 经办人', 'hospital'),
    dept('cdc', '县疾控中心 经办人', 'diseaseControl'),
    dept('police', '县公安局 户籍民警', 'publicSecurity'),
    dept('medins', '县医保局 经办人', 'medicalInsurance'),
    dept('hrss', '县人社局 经办人', 'humanResourcesSocialSecurity'),
    // Finance exports payment files with full ID numbers, behind a fresh TOTP code (benefits/export.ts).
    { ...dept('finance', '县财政局 经办人', 'finance'), totpSecret: 'CRADLEDEMOFINANC' },
    dept('education', '县教育体育局 经办人', 'education'),
    dept('civil', '县民政局 经办人', 'civilAffairs'),
    {
      username: 'leader',
      displayName: '分管副县长',
      roles: ['leader'],
      jurisdiction: scope,
      department: null,
      totpSecret: null,
    },
  ];
}

export async function createUser(database: Database, keys: Keys, u: DemoUser, password: string): Promise<void> {
  await database.query(
    `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_code, department, totp_secret_cipher)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
    [
      u.username,
      u.displayName,
      await hashPassword(password),
      u.roles,
      u.jurisdiction,
      u.department,
      u.totpSecret ? encryptField(keys.secretEncryption, 'totp', u.totpSecret) : null,
    ],
  );
}

export function describeDemoUsers(users: DemoUser[], regionName: (code: string) => string): string {
  const lines = users.map((u) => {
    const base = `  ${u.username.padEnd(10)} ${u.roles.join(',').padEnd(19)} ${regionName(u.jurisdiction)}${u.department ? ` · ${u.department}` : ''}`;
    return u.totpSecret
      ? `${base}\n             TOTP secret ${u.totpSecret}  ${otpauthUri(u.totpSecret, u.username)}`
      : base;
  });
  return `Demo users (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n  Current TOTP code: npm run cli -- totp admin`;
}
