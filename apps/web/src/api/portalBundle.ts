import { portalApi } from './portalClient';
import type { BundleTaskView as StaffTaskView, TaskResult as StaffTaskResult, TaskStatus } from './familyTypes';

// Mirrors apps/server/src/bundle/schemas.ts (the portal's side).

type Msg = { zh: string; en: string };

/** A parent by person number (the resident or their registry spouse) or declared. */
export type BundleParentInput = { personId?: number; name?: string; idNumber?: string; phone?: string | null };

export type NewbornBundleBody = {
  newborn: {
    name: string;
    sex: string;
    birthDate: string;
    birthTime: string;
    birthPlace: string;
    hospitalName: string;
  };
  mother: BundleParentInput;
  father?: BundleParentInput | null;
  hukouRegionCode: string;
  services: string[];
  existingBirthCertificateNo?: string | null;
  existingNewbornIdNumber?: string | null;
  /** A completed childbirth registration of the same resident, linked for reference. */
  registrationId?: number;
};

export type { TaskStatus };
export type BundleStatus = 'inProgress' | 'returned' | 'completed';

/** The staff's result without what only staff see. */
export type TaskResult = Omit<StaffTaskResult, 'parentsNotLinked'>;

export type BundleTaskView = Omit<StaffTaskView, 'result'> & { result: TaskResult | null };

type ParentView = { name: string; idMasked: string; personId: number | null };

export type PendingEntitlement = { schemeCode: string; schemeName: Msg; firstPeriodKey: string; amountFen: number };

export type NewbornBundle = {
  id: number;
  bundleNo: string;
  status: BundleStatus;
  submittedAt: string;
  completedAt: string | null;
  newborn: {
    name: string;
    sex: string;
    birthDate: string;
    birthTime: string;
    birthPlace: string;
    hospitalName: string;
    idMasked: string | null;
    personId: number | null;
  };
  mother: ParentView;
  father: ParentView | null;
  hukouRegion: { code: string; name: string };
  services: string[];
  existingBirthCertificateNo: string | null;
  registrationId: number | null;
  tasks: BundleTaskView[];
  /** 免申即享: what proactive schemes granted the newborn once registered. */
  entitlements: PendingEntitlement[];
};

export type NewbornBundleSummary = {
  id: number;
  bundleNo: string;
  status: BundleStatus;
  newbornName: string;
  submittedAt: string;
  completedAt: string | null;
  tasks: { service: string; label: Msg; status: TaskStatus }[];
};

const BASE = '/api/portal/newborn-bundles';

export function submitBundle(body: NewbornBundleBody): Promise<NewbornBundle> {
  return portalApi.post<NewbornBundle>(BASE, body);
}

/** Newest first. */
export function fetchMyBundles(signal?: AbortSignal): Promise<NewbornBundleSummary[]> {
  return portalApi.get<NewbornBundleSummary[]>(BASE, signal);
}

export function fetchMyBundle(id: number, signal?: AbortSignal): Promise<NewbornBundle> {
  return portalApi.get<NewbornBundle>(`${BASE}/${id}`, signal);
}

/** New values of only the fields the department returned; only its task goes back to it. */
export function correctBundle(
  id: number,
  service: string,
  corrections: Record<string, string | null>,
): Promise<NewbornBundle> {
  return portalApi.post<NewbornBundle>(`${BASE}/${id}/corrections`, { service, corrections });
}
