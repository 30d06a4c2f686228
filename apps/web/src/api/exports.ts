import type { RouteInput, RouteSpec } from '@cradle/contract';
import { pathOf, staff } from './client';

/** The file name from `filename*=UTF-8''…` (RFC 5987), else `filename="…"`, else a fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const ext = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (ext?.[1]) {
    try {
      return decodeURIComponent(ext[1]);
    } catch {
      // A malformed escape: fall through to the ASCII name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

export type ExportedFile = { blob: Blob; fileName: string };

/**
 * A list's XLSX export (exports/ on the server) with the page's filters, as a blob and its name.
 * Fetched, not a plain link: the request carries the console's language, and a refusal comes
 * back as a message to show instead of a saved error page.
 */
export async function downloadExport<R extends RouteSpec>(spec: R, input: RouteInput<R>): Promise<ExportedFile> {
  const { params, query } = input as { params?: object; query?: object };
  const { blob, headers } = await staff.download('GET', pathOf(spec, params, query));
  return { blob, fileName: attachmentName(headers.get('content-disposition'), 'export.xlsx') };
}
