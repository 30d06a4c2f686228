// The monitoring module's public surface: what other server modules and the job kinds use (see
// .dependency-cruiser.cjs). Plans in force for the scorecard; asking for an evaluation of the
// early warnings after a change (life events, imports); the evaluation for the job kind.
export { listPlans, type GoverningPlan } from './plans-repo.js';
export {
  kickWarnings,
  queueWarningEvaluation,
  startDailyWarnings,
  WARNINGS_KIND,
  WARNINGS_KICK_DELAY_MS,
  type WarningsPayload,
} from './warnings-queue.js';
export { countiesUnder, evaluateCounty } from './warnings-service.js';
// The scorecard (scorecard-*, counts-*, indicator-*).
export { createScorecardService, type ScorecardService } from './scorecard-service.js';
export { scorecardRoutes } from './scorecard-routes.js';
export { readCubes } from './counts-read.js';
export { periodOf } from './counts-cube.js';
export { assessTargets } from './scorecard-core.js';
