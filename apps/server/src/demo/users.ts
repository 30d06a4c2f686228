import type { Department } from '@cradle/domain';
import { otpauthUri, type NewStaffUser } from '../auth/index.js';

// Demo accounts, one per role and department, so a newcomer can sign in as anyone. The
// password and TOTP secrets are fixed so the README can list them: they exist only when
// CRADLE_DEMO is on, and a real deployment creates its users with `npm run cli -- user`.
export const DEMO_PASSWORD = 'Cradle@2026demo';

// The jurisdiction is filled from the scope.
export type DemoUser = NewStaffUser;

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
    // The family-size check (issue 16): housing and the provident fund ask with education and civil affairs.
    dept('housing', '县住房和城乡建设局 经办人', 'housing'),
    dept('fund', '住房公积金管理中心 经办人', 'providentFund'),
    // Childcare supervision's inspecting departments (issue 14; area-owners.ts): each inspects its areas.
    dept('fire', '县消防救援大队 监督员', 'fireRescue'),
    dept('market', '县市场监督管理局 执法员', 'marketRegulation'),
    dept('emergency', '县应急管理局 经办人', 'emergencyManagement'),
    // The joint meeting's liaison of 县教育体育局 (004 annex 1 一: 联络员): reports on its key tasks (issue 15).
    dept('liaison', '县教育体育局 联络员', 'education'),
    // A childcare institution's own account in the first township (保和镇 in 维西): it files its
    // institution online (issue 14).
    {
      username: 'institution',
      displayName: '保和镇阳光托育中心 经办人',
      roles: ['institutionOperator'],
      jurisdiction: township,
      department: null,
      totpSecret: null,
    },
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

export function describeDemoUsers(users: DemoUser[], regionName: (code: string) => string): string {
  const lines = users.map((u) => {
    const base = `  ${u.username.padEnd(10)} ${u.roles.join(',').padEnd(19)} ${regionName(u.jurisdiction)}${u.department ? ` · ${u.department}` : ''}`;
    return u.totpSecret
      ? `${base}\n             TOTP secret ${u.totpSecret}  ${otpauthUri(u.totpSecret, u.username)}`
      : base;
  });
  return `Demo users (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n  Current TOTP code: npm run cli -- totp admin`;
}
