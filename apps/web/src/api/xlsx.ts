import { staff } from './client';

/** The file name from `attachment; filename="…"`, or a fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(disposition ?? '');
  return m?.[1] ?? fallback;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: Chromium reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
