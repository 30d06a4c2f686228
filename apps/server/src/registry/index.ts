// The registry module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { registryError } from './errors.js';
export {
  factsOf,
  findFamilyFacts,
  findRegistryFacts,
  findRegistryRelatives,
  type RegistryFacts,
  type RegistryRelative,
  relativeOf,
} from './family-repo.js';
export { SLICE_ROWS } from './import/batch.js';
export { loadPersonRows } from './import/bulk.js';
export { scanCsvFile } from './import/csv-scan.js';
export { ImportFailureError } from './import/failures.js';
export { type AuditActor } from './import/job-audit.js';
export { yieldToEventLoop } from './import/pipelined.js';
export { prepareRows } from './import/prepare.js';
export { defaultBatchRows } from './import/run-job.js';
export { type CellRow, csvCellRows, xlsxCellRows } from './import/source-rows.js';
export { DEFAULT_FILE_LIMITS } from './import/xlsx-limits.js';
