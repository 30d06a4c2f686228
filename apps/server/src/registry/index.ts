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
export { flushCounts } from './import/upkeep.js';
export { asImportFailure, importFailure } from './import/failures.js';
export { type AuditActor, auditJobEnd, failAndAudit } from './import/job-audit.js';
export { yieldToEventLoop } from './import/pipelined.js';
export { prepareRows } from './import/prepare.js';
export { defaultBatchRows, type ImportDeps, runImportJob } from './import/run-job.js';
export { IMPORT_KIND, type ImportPayload } from './import/types.js';
export {
  importError,
  importJobDetailView,
  importJobView,
  receiveImportFile,
  type ReceivedFile,
} from './import/upload.js';
export {
  errorsAfter,
  findJob as findImportJob,
  finishJob,
  insertErrors,
  insertJob as insertImportJob,
  jobColumnsWithOmitted,
  markRunning,
  toJob,
  updateProgress,
  type ImportFileKind,
} from './import/jobs-repo.js';
export { KEPT_ERROR_ROWS, keepFirstRows, omittedMarker } from './import/error-cap.js';
export { errorReportHeader, errorReportOmitted } from './import/error-report.js';
export { ImportFailureError } from './import/failures.js';
export type { ImportCounts, ImportFormat, ImportJob, ImportUser } from './import/types.js';
export type { ImportRowError } from './import/row-errors.js';
