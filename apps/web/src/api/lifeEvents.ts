import {
  staffRoutes as r,
  type ImportStarted,
  type LifeEventExportQuery,
  type LifeEventInput,
  type LifeEventQuery,
  type ServiceAccountBody,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const EVENT_TEMPLATE_URL = '/api/life-event-imports/template.xlsx';
export const eventErrorsCsvUrl = (id: number) => `/api/life-event-imports/${id}/errors.csv`;

export const fetchLifeEvents = (query: LifeEventQuery, signal?: AbortSignal) =>
  staff.call(r.lifeEvents, { query }, { signal });
export const exportLifeEvents = (query: LifeEventExportQuery) => downloadExport(r.lifeEventsExport, { query });
export const recordLifeEvent = (body: LifeEventInput) => staff.call(r.recordLifeEvent, { body });

export async function uploadEventImport(file: File, onProgress: (fraction: number) => void): Promise<number> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { id } = await staff.upload<ImportStarted>('/api/life-event-imports', form, onProgress);
  return id;
}
export const fetchEventImports = async (signal?: AbortSignal) =>
  (await staff.call(r.lifeEventImports, {}, { signal })).items;
export const fetchEventImport = (id: number, signal?: AbortSignal) =>
  staff.call(r.lifeEventImport, { params: { id } }, { signal });

export const fetchServiceAccounts = async (signal?: AbortSignal) =>
  (await staff.call(r.serviceAccounts, {}, { signal })).items;
export const createServiceAccount = (body: ServiceAccountBody) => staff.call(r.createServiceAccount, { body });
export const rotateServiceAccount = (id: number) => staff.call(r.rotateServiceAccount, { params: { id } });
export const revokeServiceAccount = (id: number) => staff.call(r.revokeServiceAccount, { params: { id } });
