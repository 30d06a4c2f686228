// The supervision module's public surface (see .dependency-cruiser.cjs and HANDOFF.md).
export { supervisionRoutes } from './routes.js';
export { createSupervisionService, countyOf, type SupervisionService } from './service.js';
export { createSupervisionDirectory, type SupervisionDirectory } from './directory.js';
export { createSupervisionMeetings } from './meetings.js';
export { createSupervisionLists } from './lists.js';
export { createSupervisionEvidence } from './evidence.js';
export { ensureSupervisionSeed } from './seed.js';
export { createKeyTask } from './tasks.js';
export { listUnits, type UnitRow } from './repo.js';
