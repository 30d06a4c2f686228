// The limits moved to spreadsheet/; run-job.ts still imports them from here until the job
// runner's rewrite of that file lands (it is out of this change's reach).
export { DEFAULT_FILE_LIMITS, type FileLimits } from '../../spreadsheet/index.js';
