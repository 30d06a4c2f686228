import type { ImportJob, ImportJobDetail, ImportJobList } from '@cradle/contract';
import { api, apiUpload } from './client';

export const IMPORT_TEMPLATE_URL = '/api/imports/template.csv';
export const importErrorsCsvUrl = (id: number) => `/api/imports/${id}/errors.csv`;

export async function uploadImport(file: File, onProgress: (fraction: number) => void): Promise<number> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { id } = await apiUpload<{ id: number }>('/api/imports', form, onProgress);
  return id;
}

export async function fetchImports(signal?: AbortSignal): Promise<ImportJob[]> {
  const { items } = await api.get<ImportJobList>('/api/imports', signal);
  return items;
}

export function fetchImport(id: number, signal?: AbortSignal): Promise<ImportJobDetail> {
  return api.get<ImportJobDetail>(`/api/imports/${id}`, signal);
}
