import type { Message } from './messages.js';

export type Role =
  | 'systemAdmin'
  | 'countyAdmin'
  | 'townshipWorker'
  | 'villageWorker'
  | 'departmentOperator'
  | 'leader'
  | 'institutionOperator';

const ROLE_LABELS: Record<Role, Message> = {
  systemAdmin: { zh: '系统管理员', en: 'System administrator' },
  countyAdmin: { zh: '县级管理员（卫生健康委）', en: 'County administrator (health commission)' },
  townshipWorker: { zh: '乡镇工作人员', en: 'Township worker' },
  villageWorker: { zh: '村级工作人员', en: 'Village worker' },
  departmentOperator: { zh: '部门经办人', en: 'Department operator' },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)' },
  // A childcare institution's own account (issue 14; glossary institutionOperator): files and
  // updates its institution's record, and reaches nothing of the registry or the county's work.
  institutionOperator: { zh: '托育机构经办人', en: 'Childcare institution operator' },
};

export const ROLES = Object.keys(ROLE_LABELS) as readonly Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_LABELS, value);
}

export function roleLabel(role: Role): Message {
  return ROLE_LABELS[role];
}

/** Administrators can change users and the whole county's data, so they sign in with a second factor. */
export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'systemAdmin' || r === 'countyAdmin');
}

/**
 * Who is given a second-factor secret: those who need it to sign in, and finance operators, who
 * need a fresh code to export a payment batch with full ID numbers (issue 3: "export needs the
 * finance role and two-factor").
 */
export function holdsTwoFactorSecret(roles: readonly Role[], department: string | null): boolean {
  return requiresTwoFactor(roles) || isFinanceOperator(roles, department);
}

/** A finance department's operator: runs payment cycles, exports payment files, imports bank returns. */
export function isFinanceOperator(roles: readonly Role[], department: string | null): boolean {
  return roles.includes('departmentOperator') && department === 'finance';
}

/** Leaders only read; any other role grants some write. No roles grant nothing. */
export function canWrite(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== 'leader');
}
