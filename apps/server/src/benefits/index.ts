// The benefits module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { openApplicationFacts } from './applications-repo.js';
export { PAYMENT_CYCLE_KIND, type PaymentCyclePayload, runPaymentCycle } from './cycle.js';
export { beneficiaryFacts } from './facts-repo.js';
export { createNewbornEntitlements, type NewbornEntitlements } from './newborn-entitlements.js';
export { publishedOverrides } from './versions-repo.js';
export { budgetOf } from './budget.js';
export { findVersion, listVersions } from './versions-repo.js';
export { takeUpRates, type TakeUpRateRow } from './take-up-repo.js';
