import { portalRoutes as r } from '@cradle/contract';
import { portal } from './client';

// Region names are public reference data (GB/T 2260); the portal reads them through its own
// client, so a refusal never triggers the staff console's redirect to /login.
export async function fetchPortalRegionChildren(code: string, signal?: AbortSignal) {
  const { items } = await portal.call(r.regionChildren, { params: { code } }, { signal });
  return items;
}
