import type { RegionChild, RegionChildren } from '@cradle/contract';
import { portalApi } from './portalClient';

// Region names are public reference data (GB/T 2260); the portal reads them through its own
// client, so a refusal never triggers the staff console's redirect to /login.
export async function fetchPortalRegionChildren(code: string, signal?: AbortSignal): Promise<RegionChild[]> {
  const { items } = await portalApi.get<RegionChildren>(`/api/regions/${encodeURIComponent(code)}/children`, signal);
  return items;
}
