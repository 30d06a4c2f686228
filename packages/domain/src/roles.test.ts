import { describe, expect, it } from 'vitest';
import { departmentLabel, DEPARTMENTS, isDepartment } from './departments.js';
import { canWrite, holdsTwoFactorSecret, isRole, requiresTwoFactor, roleLabel, ROLES } from './roles.js';

describe('roles', () => {
  it('labels every role in both languages', () => {
    expect(ROLES).toHaveLength(7);
    for (const role of ROLES) expect(roleLabel(role).zh && roleLabel(role).en).toBeTruthy();
    expect(roleLabel('countyAdmin').zh).toBe('县级管理员（卫生健康委）');
    expect(roleLabel('leader').zh).toBe('领导（只读）');
  });

  it('asks administrators, and only them, for a second factor', () => {
    expect(requiresTwoFactor(['systemAdmin'])).toBe(true);
    expect(requiresTwoFactor(['villageWorker', 'countyAdmin'])).toBe(true);
    expect(requiresTwoFactor(['townshipWorker', 'leader', 'departmentOperator'])).toBe(false);
    expect(requiresTwoFactor([])).toBe(false);
  });

  it('lets leaders read but not write', () => {
    expect(canWrite(['leader'])).toBe(false);
    expect(canWrite([])).toBe(false);
    expect(canWrite(['leader', 'villageWorker'])).toBe(true);
    expect(canWrite(['departmentOperator'])).toBe(true);
  });

  it('recognises role names', () => {
    expect(isRole('villageWorker')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });
});

describe('departments', () => {
  it('labels every department in both languages', () => {
    expect(DEPARTMENTS).toHaveLength(14);
    for (const d of DEPARTMENTS) expect(departmentLabel(d).zh && departmentLabel(d).en).toBeTruthy();
    expect(departmentLabel('diseaseControl').zh).toBe('疾病预防控制中心');
    // The family-size check's askers (issue 16): housing and the provident fund.
    expect(departmentLabel('housing').zh).toBe('住房和城乡建设');
    expect(departmentLabel('providentFund').zh).toBe('住房公积金管理');
    // The childcare inspectors (issue 14): fire and rescue, market regulation, emergency management.
    expect(departmentLabel('fireRescue').zh).toBe('消防救援');
    expect(departmentLabel('healthCommission').zh).toBe('卫生健康委员会');
    expect(isDepartment('statistics')).toBe(false);
  });
});

describe('who holds a second-factor secret', () => {
  it('administrators, and finance operators for the step-up before an export', () => {
    expect(holdsTwoFactorSecret(['countyAdmin'], null)).toBe(true);
    expect(holdsTwoFactorSecret(['departmentOperator'], 'finance')).toBe(true);
    expect(holdsTwoFactorSecret(['departmentOperator'], 'hospital')).toBe(false);
    expect(holdsTwoFactorSecret(['villageWorker'], 'finance')).toBe(false);
  });
});
