// The API's one contract: every request and response shape, as TypeBox schemas (validation and
// the OpenAPI document on the server) and as types of the same name (the console).
export * from './common.js';
export * from './regions.js';
export * from './system.js';
export * from './auth.js';
export * from './users.js';
export * from './audit.js';
export * from './registry.js';
export * from './registry-import.js';
export * from './dashboard.js';
export * from './benefits.js';
export * from './payment-files.js';
export * from './batch-review.js';
export * from './registration.js';
export * from './bundle.js';
export * from './portal.js';
export * from './notifications.js';
export * from './calendar.js';
export * from './projection.js';
export * from './life-events.js';
export * from './monitoring-entry.js';
export * from './monitoring-scorecard.js';
export * from './route.js';
export * from './routes.js';
export * from './portal-routes.js';
export * from './special-families.js';
export * from './childcare.js';
