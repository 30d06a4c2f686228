import { staffRoutes as r, type PersonExportQuery, type PersonSearchQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const fetchRegion = (code: string, signal?: AbortSignal) =>
  staff.call(r.region, { params: { code } }, { signal });

export async function fetchRegionChildren(code: string, signal?: AbortSignal) {
  const { items } = await staff.call(r.regionChildren, { params: { code } }, { signal });
  return items;
}

/** The dashboard's table of subordinate regions as XLSX (figures only; audited). */
export const exportRegionTable = (region: string) => downloadExport(r.dashboardRegionsExport, { query: { region } });

export const fetchDashboard = (region: string | undefined, signal?: AbortSignal) =>
  staff.call(r.dashboard, { query: { region } }, { signal });

export const searchPersons = (query: PersonSearchQuery, signal?: AbortSignal) =>
  staff.call(r.persons, { query }, { signal });

/** The search's results as XLSX: the same filters, every match, masked ID numbers (audited). */
export const exportPersons = (query: PersonExportQuery) => downloadExport(r.personsExport, { query });

export const fetchPerson = (id: number, signal?: AbortSignal) => staff.call(r.person, { params: { id } }, { signal });

export async function revealIdNumber(id: number, reason: string): Promise<string> {
  const { idNumber } = await staff.call(r.revealId, { params: { id }, body: { reason } });
  return idNumber;
}
