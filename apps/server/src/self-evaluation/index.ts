// The self-evaluation module's public surface (see .dependency-cruiser.cjs): the service and
// routes for app.ts.
export { createSelfEvaluationService, type SelfEvaluationService } from './service.js';
export { selfEvaluationRoutes } from './routes.js';
export { slotsAndEnrolment } from './measures.js';
export { selfEvaluationError } from './errors.js';
export { createRectification } from './rectify.js';
export { unitChoices } from './units.js';
