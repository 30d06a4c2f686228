import type { Department } from './departments.js';
import { BUNDLE_SERVICES } from './family/bundle-services.js';
import { ROLES, type Role } from './roles.js';

// Need to know (issue 11; PIPL art. 6: personal information is processed only as far as the
// purpose needs). Each role reaches the registry only as its duties require; the whole table of
// role × data, with the reason for each cell, is in docs/architecture.md ("Need to know"), and
// registry/need-to-know.test.ts walks every route as every role to prove it.

/**
 * Who searches the registry, opens a person, reveals a full ID number, imports and checks a
 * person's eligibility: the staff who keep the registry and serve its families (seed 004 (六):
 * township and village family-planning staff; the county's health commission and its system
 * administrator). Not department operators, who work from their own tasks and files, nor
 * leaders, who see aggregates.
 */
export const REGISTRY_ROLES: readonly Role[] = ['systemAdmin', 'countyAdmin', 'townshipWorker', 'villageWorker'];

export function mayUseRegistry(roles: readonly Role[]): boolean {
  return roles.some((r) => REGISTRY_ROLES.includes(r));
}

/** The departments with a 出生一件事 task (bundle-services.ts): their operators have a task queue. */
export const BUNDLE_DEPARTMENTS: readonly Department[] = [...new Set(BUNDLE_SERVICES.map((s) => s.department))];

/** Finance alone runs payment cycles and handles payment files (issue 3: export needs the finance role). */
export const FINANCE_DEPARTMENTS: readonly Department[] = ['finance'];

/**
 * A route's role gate: one of `roles`, where `departmentOperator` counts only for an operator of
 * one of `departments` (when given): a hospital operator is no finance operator.
 */
export function passesRoleGate(
  user: { roles: readonly Role[]; department: string | null },
  roles: readonly Role[],
  departments?: readonly Department[],
): boolean {
  return user.roles.some(
    (r) =>
      roles.includes(r) &&
      (r !== 'departmentOperator' || departments === undefined || departments.some((d) => d === user.department)),
  );
}

/**
 * Who reads the monitoring scorecard, league table and indicator series (issue 13): leaders, the
 * county's and the system's administrators, and township workers for their own township. Figures
 * only, no person; the jurisdiction still limits every count.
 */
export const MONITORING_ROLES: readonly Role[] = ['systemAdmin', 'countyAdmin', 'townshipWorker', 'leader'];

/**
 * The staff: every role but a childcare institution's own account. A route that names no roles
 * is the staff's (auth/session.ts); an institution operator reaches only routes naming its role.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'institutionOperator');

/**
 * Childcare (issue 14): the county's health commission files or sends back an institution's
 * filing (托育机构登记和备案办法(试行): 县级卫生健康部门); whoever oversees the county's
 * childcare reads the institutions (REQUIREMENTS C1: township workers their townships'; leaders
 * and the administrators the county's). Staff names are personal: only the institution and the
 * reviewer see them whole.
 */
export const CHILDCARE_REVIEWERS: readonly Role[] = ['countyAdmin'];
export const CHILDCARE_READERS: readonly Role[] = ['systemAdmin', 'countyAdmin', 'townshipWorker', 'leader'];
export const INSTITUTION_ROLES: readonly Role[] = ['institutionOperator'];

/**
 * Plan supervision (issue 15): the joint meeting's office sits in the county's health bureau
 * (004 annex 1 一: 联席会议下设办公室在维西县卫生健康局), so its county administrator keeps the
 * directory, reviews reports, sends notices and records meetings; leaders and the system's
 * administrator read. A unit's liaison is a department operator of a department the unit maps to,
 * or a user the office names: they see and report on their units' tasks only.
 */
export const SUPERVISION_OFFICE: readonly Role[] = ['countyAdmin'];
export const SUPERVISION_READERS: readonly Role[] = ['systemAdmin', 'countyAdmin', 'leader'];
export const SUPERVISION_LIAISON_ROLES: readonly Role[] = ['departmentOperator'];
