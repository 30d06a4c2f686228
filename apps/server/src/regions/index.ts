// The regions module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { ensureRegionsLoaded } from './load.js';
export { createRegionService, type RegionService } from './service.js';
