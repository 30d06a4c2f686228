// The audit module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { actorOf, appendAudit, type AuditEntry, verifyAuditChain } from './service.js';
export { findDisplayNames } from './repo.js';
