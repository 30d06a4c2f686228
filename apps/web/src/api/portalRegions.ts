import { portalApi } from './portalClient';
import type { RegionChild } from './types';

// Region names are public reference data (GB/T 2260); the portal reads them through its own
// client, so a refusal never triggers the staff console's redirect to /login.
export async function fetchPortalRegionChildren(code: string, signal?: AbortSignal): Promise<RegionChild[]> {
  const { items } = await portalApi.get<{ items: RegionChild[] }>(
    `/api/regions/${encodeURIComponent(code)}/children`,
    signal,
  );
  return items;
}
