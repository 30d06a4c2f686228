import type { BankReturnView, Message, PaymentFileFormat } from '@cradle/contract';
import { staff } from './client';
import { attachmentName } from './exports';

/** An export for the one-card platform, as the answer's headers describe it; the file itself is `blob`. */
export type PaymentExport = {
  id: number;
  fileName: string;
  sha256: string;
  rowCount: number;
  totalFen: number;
  blob: Blob;
};

/** One refused row of a bank return (a bankReturn.invalidRows error's details); the message in both languages. */
export type BankReturnRowError = { row: number; reference: string; code: string; message: Message };

/** Exports a complete batch (finance, with a fresh authenticator code; audited on the server). */
export async function exportPaymentFile(
  batchId: number,
  format: PaymentFileFormat,
  totp: string,
): Promise<PaymentExport> {
  const { blob, headers } = await staff.download('POST', `/api/payment-batches/${batchId}/export`, { format, totp });
  return {
    id: Number(headers.get('x-cradle-export-id')),
    fileName: attachmentName(headers.get('content-disposition'), `batch${batchId}.${format}`),
    sha256: headers.get('x-cradle-sha256') ?? '',
    rowCount: Number(headers.get('x-cradle-row-count')),
    totalFen: Number(headers.get('x-cradle-total-fen')),
    blob,
  };
}

/** The export's checksum in sha256sum's format, served as an attachment. */
export const paymentChecksumUrl = (exportId: number) => `/api/payment-exports/${exportId}/sha256`;

export function uploadBankReturn(
  batchId: number,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<BankReturnView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return staff.upload<BankReturnView>(`/api/payment-batches/${batchId}/bank-return`, form, onProgress);
}

/** The refused rows of a bankReturn.invalidRows answer's details. */
export function bankReturnRowErrors(details: unknown): { errors: BankReturnRowError[]; errorCount: number } {
  const d = details as { errors?: unknown; errorCount?: unknown } | null | undefined;
  const errors = Array.isArray(d?.errors) ? (d.errors as BankReturnRowError[]) : [];
  return { errors, errorCount: typeof d?.errorCount === 'number' ? d.errorCount : errors.length };
}
