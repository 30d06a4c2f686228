import type { FamilyEligibility } from '@cradle/contract';
import { portalApi } from './portalClient';

/** The bound resident's registry children; none for an account not linked to the registry. */
export function fetchFamilyBenefits(signal?: AbortSignal): Promise<FamilyEligibility> {
  return portalApi.get<FamilyEligibility>('/api/portal/benefits', signal);
}
