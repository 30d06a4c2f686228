// The auth module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { countFailure } from './lockout.js';
export { hashPassword } from './password.js';
export { hashToken, newToken, type SessionUser } from './session.js';
export { matchTotpStep, otpauthUri, totpAt } from './totp.js';
export { createUser, type NewStaffUser } from './users.js';
