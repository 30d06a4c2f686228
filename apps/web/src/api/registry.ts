import type {
  Dashboard,
  Page,
  PersonDetail,
  PersonSearchQuery,
  PersonSummary,
  Region,
  RegionChild,
  RegionChildren,
  Revealed,
} from '@cradle/contract';
import { api, withQuery } from './client';

const seg = encodeURIComponent;

export function fetchRegion(code: string, signal?: AbortSignal): Promise<Region> {
  return api.get<Region>(`/api/regions/${seg(code)}`, signal);
}

export async function fetchRegionChildren(code: string, signal?: AbortSignal): Promise<RegionChild[]> {
  const { items } = await api.get<RegionChildren>(`/api/regions/${seg(code)}/children`, signal);
  return items;
}

export function fetchDashboard(region: string | undefined, signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>(withQuery('/api/dashboard', { region }), signal);
}

export function searchPersons(query: PersonSearchQuery, signal?: AbortSignal): Promise<Page<PersonSummary>> {
  return api.get<Page<PersonSummary>>(withQuery('/api/persons', query), signal);
}

export function fetchPerson(id: number, signal?: AbortSignal): Promise<PersonDetail> {
  return api.get<PersonDetail>(`/api/persons/${id}`, signal);
}

export async function revealIdNumber(id: number, reason: string): Promise<string> {
  const { idNumber } = await api.post<Revealed>(`/api/persons/${id}/reveal`, { reason });
  return idNumber;
}
