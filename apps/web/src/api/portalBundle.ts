import type { NewbornBundle, NewbornBundleBody, NewbornBundleSummary } from '@cradle/contract';
import { portalApi } from './portalClient';

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
