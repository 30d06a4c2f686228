import type { Department } from '../departments.js';
import type { Role } from '../roles.js';
import type { InspectionArea } from './checklists.js';
import type { InstitutionType } from './kinds.js';

// Which department inspects which area (REQUIREMENTS B9, C1). 000 二(三) has the departments jointly
// supervise "建筑安全、消防安全、食品饮水安全、卫生防疫安全"; 002 task 39 and 001 m12 name the units
// (县消防救援大队、县市场监管局、县应急局、县住房城乡建委 …) without giving each its area. Reading (childcare
// README "Readings (supervision)"): each area goes to the department whose law it is — fire to
// fire and rescue (消防法), food and water to market regulation (食品安全法), building to housing
// (建筑法), hygiene and health to disease control (传染病防治法), emergency management to the
// emergency-management bureau (突发事件应对法). The other five areas of 001 m12 are the
// institution's duties toward the filing authority and stay with the county's health office
// (countyAdmin), which still records every area; education records every area of 幼儿园托班.

export interface AreaOwner {
  area: InspectionArea;
  /** Department operators who inspect the area; empty: the county's health office alone. */
  departments: readonly Department[];
  /** The clause that names the area with the departments' joint supervision. */
  source: string;
}

const S000 = 'seed 000 二(三)';
const S001 = 'seed 001 m12';

export const AREA_OWNERS: readonly AreaOwner[] = [
  { area: 'building', departments: ['housing'], source: `${S000} 建筑安全` },
  { area: 'fire', departments: ['fireRescue'], source: `${S000} 消防安全; ${S001} 消防安全` },
  { area: 'foodWater', departments: ['marketRegulation'], source: `${S000} 食品饮水安全` },
  { area: 'hygiene', departments: ['diseaseControl'], source: `${S000} 卫生防疫安全` },
  { area: 'lawfulRegistration', departments: [], source: `${S001} 依法登记` },
  { area: 'filingCommitment', departments: [], source: `${S001} 备案承诺` },
  { area: 'contractService', departments: [], source: `${S001} 履约服务` },
  { area: 'quality', departments: [], source: `${S001} 质量安全` },
  { area: 'personalSafety', departments: [], source: `${S001} 人身安全` },
  { area: 'food', departments: ['marketRegulation'], source: `${S001} 食品安全` },
  { area: 'health', departments: ['diseaseControl'], source: `${S001} 健康安全` },
  { area: 'emergency', departments: ['emergencyManagement'], source: `${S001} 应急管理` },
];

/** The departments that own an area: their operators inspect childcare institutions. */
export const AREA_DEPARTMENTS: readonly Department[] = [...new Set(AREA_OWNERS.flatMap((o) => o.departments))];

/** Education's operators supervise 幼儿园托班, every area (issue 14: "Education operators see 幼儿园托班"). */
export const EDUCATION_INSTITUTION_TYPE: InstitutionType = 'kindergartenClass';

/** Every department whose operators reach childcare supervision: education and the areas' owners. */
export const CHILDCARE_INSPECTING_DEPARTMENTS: readonly Department[] = ['education', ...AREA_DEPARTMENTS];

/** The areas a department inspects (none for a department that owns no area). */
export function areasOfDepartment(department: string | null): InspectionArea[] {
  return AREA_OWNERS.filter((o) => o.departments.some((d) => d === department)).map((o) => o.area);
}

/**
 * What of childcare supervision a department operator reaches: `areas` (null: every area) on
 * institutions of `type` (null: every type); `whole` when they also read ratings, incidents and
 * the closure record (education for its 托班). Null for anyone else: the county's office and the
 * readers see everything their role allows, an institution its own.
 */
export interface SupervisionReach {
  areas: readonly InspectionArea[] | null;
  type: InstitutionType | null;
  whole: boolean;
}

export function supervisionReachOf(user: {
  roles: readonly Role[];
  department: string | null;
}): SupervisionReach | null {
  if (!user.roles.includes('departmentOperator')) return null;
  if (user.roles.some((r) => r === 'countyAdmin' || r === 'systemAdmin')) return null;
  if (user.department === 'education') return { areas: null, type: EDUCATION_INSTITUTION_TYPE, whole: true };
  return { areas: areasOfDepartment(user.department), type: null, whole: false };
}
