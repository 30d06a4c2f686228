// The receipts module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { type ReceiptSection, renderReceiptPdf } from './receipt-pdf.js';
export { receiptDigest, type ReceiptPayload, receiptVerifyUrl, signReceipt } from './receipt-token.js';
export { receiptVerifyRoutes, type VerifiedRecord } from './verify-routes.js';
export { loadCjkFont, type CjkFont } from './cjk-font.js';
