// The auth module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { countFailure } from './lockout.js';
export { waitText, withWait } from './errors.js';
// Delays by subject and address (the portal's code sign-ins use them too), named apart from the
// account's own failure count above.
export {
  clearFailures as clearSignInFailures,
  countFailure as countSignInFailure,
  findWait as findSignInWait,
  RESIDENT_DELAYS,
} from './throttle.js';
export { hashPassword } from './password.js';
export { hashToken, newToken, type SessionUser } from './session.js';
export { matchTotpStep, otpauthUri, totpAt } from './totp.js';
export { createUser, findDisplayNames, type NewStaffUser } from './users.js';
export { withRetryAfter } from './retry-after.js';
export { verifyStepUp, type StepUpRefusal } from './step-up.js';
