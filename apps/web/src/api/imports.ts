import { staffRoutes as r, type ImportStarted } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const IMPORT_TEMPLATE_URL = '/api/imports/template.xlsx';
export const IMPORT_TEMPLATE_CSV_URL = '/api/imports/template.csv';
export const importErrorsCsvUrl = (id: number) => `/api/imports/${id}/errors.csv`;

export async function uploadImport(file: File, onProgress: (fraction: number) => void): Promise<number> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { id } = await staff.upload<ImportStarted>('/api/imports', form, onProgress);
  return id;
}

/** The recent jobs as XLSX (audited). */
export const exportImports = () => downloadExport(r.importsExport, {});

export async function fetchImports(signal?: AbortSignal) {
  const { items } = await staff.call(r.imports, {}, { signal });
  return items;
}

export const fetchImport = (id: number, signal?: AbortSignal) =>
  staff.call(r.importJob, { params: { id } }, { signal });
