import { saveBlob } from '../lib/saveBlob';
import { staff } from './client';
import { attachmentName } from './exports';

/** Downloads a list's XLSX under its current filters (the server audits the export). */
export async function downloadXlsx(
  path: string,
  filter: Record<string, string | number | undefined>,
  fallback: string,
): Promise<void> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  const { blob, headers } = await staff.download('GET', qs ? `${path}?${qs}` : path);
  saveBlob(blob, attachmentName(headers.get('content-disposition'), fallback));
}
