import { portalApi } from './portalClient';
import type { Message, TraceStep } from './types';

// Mirrors FamilyEligibility in apps/server/src/portal/schemas.ts. Amounts are integer fen.

/** One scheme of the child's hukou region, checked for the period running today. */
export type SchemeEligibility = {
  schemeCode: string;
  name: Message;
  /** 免申即享: paid without an application. */
  proactive: boolean;
  /** 'once', a year ('2026') or a month ('2026-11'). */
  period: string;
  eligible: boolean;
  amountFen: number;
  /** Every rule in plain words, what it saw, pass or fail, and the clause it comes from. */
  trace: TraceStep[];
};

export type ChildBenefits = {
  child: { personId: number; name: string; idMasked: string };
  schemes: SchemeEligibility[];
};

export type FamilyEligibility = { children: ChildBenefits[] };

/** The bound resident's registry children; none for an account not linked to the registry. */
export function fetchFamilyBenefits(signal?: AbortSignal): Promise<FamilyEligibility> {
  return portalApi.get<FamilyEligibility>('/api/portal/benefits', signal);
}
