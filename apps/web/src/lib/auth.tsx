import { useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '@cradle/contract';
import type { Role } from '@cradle/domain';
import {
  BUNDLE_SERVICES,
  CHILDCARE_INSPECTING_DEPARTMENTS,
  CHILDCARE_READERS,
  CHILDCARE_REVIEWERS,
  isFinanceOperator,
  mayUseRegistry,
  MONITORING_ROLES,
  REGISTRY_ROLES,
  SUPERVISION_LIAISON_ROLES,
  SUPERVISION_OFFICE,
  SUPERVISION_READERS,
  type Department,
} from '@cradle/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import * as authApi from '../api/auth';
import { isApiError, setSessionLostHandler } from '../api/client';
import { canWrite, FAMILY_SIZE_CHECK_DEPARTMENTS, reviewLevelOf } from './domain';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; me: Me }
  // The server could not say who we are (down, network): not the same as signed out.
  | { status: 'unknown'; error: unknown };

type AuthContextValue = {
  state: AuthState;
  login: (request: LoginBody) => Promise<Me>;
  logout: () => Promise<void>;
  retry: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  // Answers cached for one user are not another's: dropped whenever the signed-in user changes.
  const queryClient = useQueryClient();

  useEffect(() => {
    setSessionLostHandler(() => {
      queryClient.removeQueries();
      setState({ status: 'anonymous' });
      const { pathname, search } = window.location;
      if (pathname !== '/login') void navigate('/login', { replace: true, state: { from: pathname + search } });
    });
  }, [navigate, queryClient]);

  useEffect(() => {
    const controller = new AbortController();
    authApi.fetchMe(controller.signal).then(
      (me) => setState({ status: 'signedIn', me }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState(isApiError(e) && e.status === 401 ? { status: 'anonymous' } : { status: 'unknown', error: e });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // The first attempt starts in 'loading'; a retry shows it again before asking.
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const login = useCallback(
    async (request: LoginBody) => {
      const me = await authApi.login(request);
      queryClient.removeQueries();
      setState({ status: 'signedIn', me });
      return me;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.removeQueries();
      setState({ status: 'anonymous' });
      void navigate('/login', { replace: true });
    }
  }, [navigate, queryClient]);

  const value = useMemo(() => ({ state, login, logout, retry }), [state, login, logout, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe needs a signed-in user');
  return state.me;
}

const ADMIN_ROLES: readonly Role[] = ['systemAdmin', 'countyAdmin'];

export function isAdmin(me: Me): boolean {
  return me.roles.some((r) => ADMIN_ROLES.includes(r));
}

/** Leaders only read: no import page, no full ID numbers (the server refuses both anyway). */
export function mayWrite(me: Me): boolean {
  return canWrite(me.roles);
}

/** Drafting, submitting and publishing scheme versions (the server checks again). */
export const mayDraftVersions = isAdmin;

/**
 * 人员查询, a person's page, the full ID number and 数据导入: the staff who keep the registry. Not
 * department operators nor leaders (need to know, issue 11; the server refuses them anyway).
 */
export function mayReadRegistry(me: Me): boolean {
  return mayUseRegistry(me.roles);
}

/** 生命事件: hospital and public-security operators record (issue 13); the server checks each kind again. */
export function mayRecordLifeEvents(me: Me): boolean {
  return (
    me.roles.includes('departmentOperator') && (me.department === 'hospital' || me.department === 'publicSecurity')
  );
}

/**
 * 特殊家庭 (issue 16): the family's township, the county office and the family's contacts (a
 * village worker sees only their own families; the server narrows the list).
 */
export function mayReadSpecialFamilies(me: Me): boolean {
  return me.roles.some((r) => r === 'countyAdmin' || r === 'townshipWorker' || r === 'villageWorker');
}

/** 乡镇年度人口工作报告 (issue 15): the county office, the townships (their own) and leaders. */
export function mayReadAnnualReports(me: Me): boolean {
  return me.roles.some((r) => r === 'countyAdmin' || r === 'townshipWorker' || r === 'leader');
}

/** 生育友好自评 (issue 15): the county office runs it, departments attach evidence, leaders read. */
export function mayReadSelfEvaluation(me: Me): boolean {
  return me.roles.some((r) => r === 'countyAdmin' || r === 'departmentOperator' || r === 'leader');
}

/** 多子女家庭核验: housing, provident-fund, education and civil-affairs operators. */
export function mayCheckFamilySize(me: Me): boolean {
  return me.roles.includes('departmentOperator') && FAMILY_SIZE_CHECK_DEPARTMENTS.some((d) => d === me.department);
}

/** Imports write the registry: its keepers, as for reading it. */
export const mayImport = mayReadRegistry;

/** Looking at a person's eligibility: whoever may open the person. */
export function mayCheckEligibility(me: Me): boolean {
  return me.roles.some((r) => REGISTRY_ROLES.includes(r));
}

/** A payment cycle is run by a county administrator or a finance operator. */
export function mayRunPaymentCycles(me: Me): boolean {
  return me.roles.includes('countyAdmin') || (me.roles.includes('departmentOperator') && me.department === 'finance');
}

/** Payment files (the one-card export with full ID numbers, the bank's return): finance operators only. */
export function mayHandlePaymentFiles(me: Me): boolean {
  return me.roles.includes('departmentOperator') && me.department === 'finance';
}

/** Applying for a family and reviewing applications: village and township workers, county administrators. */
export function mayHandleApplications(me: Me): boolean {
  return reviewLevelOf(me.roles) !== null;
}

const BUDGET_ROLES: readonly Role[] = ['systemAdmin', 'countyAdmin', 'leader'];

/** A scheme's budget (paid, committed, the next 12 months): administrators, leaders and finance. */
export function mayViewBudget(me: Me): boolean {
  return me.roles.some((r) => BUDGET_ROLES.includes(r)) || isFinanceOperator(me.roles, me.department);
}

const PROJECTION_ROLES: readonly Role[] = ['systemAdmin', 'countyAdmin', 'leader', 'townshipWorker'];

/** 人口预测: whoever plans for a region, a township for its own (the server checks again). */
export function mayProject(me: Me): boolean {
  return me.roles.some((r) => PROJECTION_ROLES.includes(r));
}

/** The ten-year cost forecast of the schemes: administrators and leaders (the server checks again). */
export function mayForecastBudget(me: Me): boolean {
  return me.roles.some((r) => BUDGET_ROLES.includes(r));
}

/** A county's expected take-up rate of a scheme: its county administrator (the server checks again). */
export function maySetTakeUpRate(me: Me): boolean {
  return me.roles.includes('countyAdmin') && me.jurisdiction.code.length === 6;
}

/** The working-day calendar is deployment-wide: only the system administrator edits it. */
export function isSystemAdmin(me: Me): boolean {
  return me.roles.includes('systemAdmin');
}

// Leaders see the queues' figures on the dashboard, not the families (need to know, issue 11).
const FAMILY_READERS: readonly Role[] = ['countyAdmin'];

/** 生育登记 is completed by the township worker where the family lives. */
export function mayHandleChildbirthRegistrations(me: Me): boolean {
  return me.roles.includes('townshipWorker');
}

/** The registration queue: township workers, and county administrators, who read. */
export function mayViewChildbirthRegistrations(me: Me): boolean {
  return mayHandleChildbirthRegistrations(me) || me.roles.some((r) => FAMILY_READERS.includes(r));
}

/** The department whose 出生一件事 tasks the user handles: an operator of one of the five departments, else null. */
export function bundleDepartmentOf(me: Me): Department | null {
  if (!me.roles.includes('departmentOperator')) return null;
  return BUNDLE_SERVICES.find((s) => s.department === me.department)?.department ?? null;
}

/** The task queues: the five departments' operators (their own tasks), county administrators (all, read only). */
export function mayViewBundleTasks(me: Me): boolean {
  return bundleDepartmentOf(me) !== null || me.roles.some((r) => FAMILY_READERS.includes(r));
}

/** 监测: the scorecard and indicator figures, for leaders, administrators and township workers. */
export function mayViewMonitoring(me: Me): boolean {
  return me.roles.some((r) => MONITORING_ROLES.includes(r));
}

/** A childcare institution's own account (issue 14): it files its institution and sees nothing else. */
export function isInstitutionOperator(me: Me): boolean {
  return me.roles.includes('institutionOperator');
}

/** The county's health commission reviews childcare filings (CHILDCARE_REVIEWERS; the server checks again). */
export function mayReviewChildcare(me: Me): boolean {
  return me.roles.some((r) => CHILDCARE_REVIEWERS.includes(r));
}

/** The institutions list: whoever oversees childcare (CHILDCARE_READERS), and the reviewers. */
export function mayReadChildcare(me: Me): boolean {
  return mayReviewChildcare(me) || me.roles.some((r) => CHILDCARE_READERS.includes(r));
}

/**
 * Childcare supervision: the readers; education's operators for 幼儿园托班; fire and rescue, market
 * regulation, housing, disease control and emergency management for their own areas (the server
 * narrows them: area-owners.ts).
 */
export function maySuperviseChildcare(me: Me): boolean {
  return (
    mayReadChildcare(me) ||
    (me.roles.includes('departmentOperator') && CHILDCARE_INSPECTING_DEPARTMENTS.some((d) => d === me.department))
  );
}

/** Plan supervision (issue 15): the joint meeting's office (SUPERVISION_OFFICE; the server checks again). */
export function mayRunSupervisionOffice(me: Me): boolean {
  return me.roles.some((r) => SUPERVISION_OFFICE.includes(r));
}

/** The county's key tasks, board, directory and meetings: the office and readers (SUPERVISION_READERS). */
export function mayReadSupervision(me: Me): boolean {
  return me.roles.some((r) => SUPERVISION_READERS.includes(r));
}

/** A unit's liaison: a department operator (its units' tasks only, decided by the server). */
export function isSupervisionLiaison(me: Me): boolean {
  return !mayReadSupervision(me) && me.roles.some((r) => SUPERVISION_LIAISON_ROLES.includes(r));
}
