import { portalRoutes as r } from '@cradle/contract';
import { portal } from './client';

/** The bound resident's registry children; none for an account not linked to the registry. */
export const fetchFamilyBenefits = (signal?: AbortSignal) => portal.call(r.benefits, {}, { signal });
