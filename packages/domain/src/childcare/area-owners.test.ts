import { describe, expect, it } from 'vitest';
import { AREA_OWNERS, areasOfDepartment, CHILDCARE_INSPECTING_DEPARTMENTS, supervisionReachOf } from './area-owners.js';
import { INSPECTION_AREAS } from './checklists.js';

describe('who inspects which childcare area (000 二(三); 001 m12)', () => {
  it('gives every area one row citing its clause', () => {
    expect(AREA_OWNERS.map((o) => o.area)).toEqual([...INSPECTION_AREAS]);
    for (const o of AREA_OWNERS) expect(o.source, o.area).toMatch(/^seed 00[01] /);
  });

  it('gives 000 二(三)’s four safety areas to the departments that enforce them', () => {
    expect(areasOfDepartment('fireRescue')).toEqual(['fire']);
    expect(areasOfDepartment('marketRegulation')).toEqual(['foodWater', 'food']);
    expect(areasOfDepartment('housing')).toEqual(['building']);
    expect(areasOfDepartment('diseaseControl')).toEqual(['hygiene', 'health']);
    expect(areasOfDepartment('emergencyManagement')).toEqual(['emergency']);
    expect(areasOfDepartment('finance')).toEqual([]);
    expect(areasOfDepartment(null)).toEqual([]);
  });

  it('keeps the filing duties with the county’s office, and every area of 幼儿园托班 with education', () => {
    const departmental = new Set(AREA_OWNERS.filter((o) => o.departments.length > 0).map((o) => o.area));
    expect(INSPECTION_AREAS.filter((a) => !departmental.has(a))).toEqual([
      'lawfulRegistration',
      'filingCommitment',
      'contractService',
      'quality',
      'personalSafety',
    ]);
    expect(supervisionReachOf({ roles: ['departmentOperator'], department: 'education' })).toEqual({
      areas: null,
      type: 'kindergartenClass',
      whole: true,
    });
    expect(supervisionReachOf({ roles: ['departmentOperator'], department: 'fireRescue' })).toEqual({
      areas: ['fire'],
      type: null,
      whole: false,
    });
    expect(supervisionReachOf({ roles: ['countyAdmin'], department: 'healthCommission' })).toBeNull();
    expect(CHILDCARE_INSPECTING_DEPARTMENTS).toEqual([
      'education',
      'housing',
      'fireRescue',
      'marketRegulation',
      'diseaseControl',
      'emergencyManagement',
    ]);
  });
});
