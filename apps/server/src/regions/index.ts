// The regions module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { ensureRegionsLoaded } from './load.js';
export { RegionLevel } from './schemas.js';
export { createRegionService, type RegionService } from './service.js';
