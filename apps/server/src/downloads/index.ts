// The downloads module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { type DownloadAudit, type DownloadedFile, type EncryptedFile, openEncryptedFile } from './encrypted-file.js';
