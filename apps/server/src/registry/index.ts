// The registry module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { registryError } from './errors.js';
export {
  factsOf,
  findFamilyFacts,
  findPersonIdsInScope,
  findRegistryFacts,
  findRegistryRelatives,
  type RegistryFacts,
  type RegistryRelative,
  relativeOf,
} from './family-repo.js';
export { SLICE_ROWS } from './import/batch.js';
export { loadPersonRows } from './import/bulk.js';
export { importFailure } from './import/failures.js';
export { type AuditActor, failAndAudit } from './import/job-audit.js';
export { yieldToEventLoop } from './import/pipelined.js';
export { prepareRows } from './import/prepare.js';
export { defaultBatchRows, type ImportDeps, runImportJob } from './import/run-job.js';
export { IMPORT_KIND, type ImportPayload } from './import/types.js';
