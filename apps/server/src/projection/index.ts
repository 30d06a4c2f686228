// The projection module's public surface (see .dependency-cruiser.cjs).
export { createProjectionService, type ProjectionService } from './service.js';
export { projectionRoutes } from './routes.js';
export { registryCounts, type RegistryCounts } from './repo.js';
