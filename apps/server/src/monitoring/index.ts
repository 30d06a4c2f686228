// The monitoring module's public surface (scorecard-*, counts-*, indicator-*; plans-*, reported-*, warnings-*).
export { createScorecardService, type ScorecardService } from './scorecard-service.js';
export { scorecardRoutes } from './scorecard-routes.js';
export { readCubes } from './counts-read.js';
export { periodOf } from './counts-cube.js';
export { assessTargets } from './scorecard-core.js';
