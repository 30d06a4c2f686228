import { Type, type Static } from 'typebox';
import { Text } from './common.js';

export const PaymentFileFormat = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);
export type PaymentFileFormat = Static<typeof PaymentFileFormat>;

export const ExportBody = Type.Object({
  format: PaymentFileFormat,
  totp: Text({
    maxLength: 12,
    description: 'A fresh six-digit code from your authenticator (step-up two-factor: the file holds full ID numbers)',
  }),
});
export type ExportBody = Static<typeof ExportBody>;

// A file streamed from disk: typed as a readable stream, described to OpenAPI as binary.
export const PaymentFile = Type.Unsafe<unknown>({
  type: 'string',
  format: 'binary',
  description:
    'The payment file (text/csv or XLSX). Headers: x-cradle-sha256 (SHA-256 of these exact bytes), x-cradle-export-id, x-cradle-row-count, x-cradle-total-fen; the checksum is also at /api/payment-exports/{id}/sha256',
});

export const Sha256File = Type.String({ description: "sha256sum's format: `<hex>  <file name>`, for `sha256sum -c`" });

export const BankReturnView = Type.Object({
  id: Type.Integer(),
  batchId: Type.Integer(),
  fileName: Type.String(),
  sha256: Type.String(),
  rows: Type.Integer(),
  paid: Type.Integer(),
  failed: Type.Integer(),
  returned: Type.Integer(),
  unchanged: Type.Integer({ description: 'Rows repeating the status a payment already had' }),
});
export type BankReturnView = Static<typeof BankReturnView>;

export type PaymentFile = Static<typeof PaymentFile>;
export type Sha256File = Static<typeof Sha256File>;
