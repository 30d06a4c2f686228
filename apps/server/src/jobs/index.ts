// The job runner's public surface (see .dependency-cruiser.cjs): the runner and its queue, which
// modules use to queue work and kick it. The kinds (kinds/) bind modules' work to the runner, so
// they import modules; their own public file, kinds/index.ts, is for app.ts and tests, and this
// one never re-exports it (a module queueing a job would otherwise import itself back).
export { createJobRunner, exponentialBackoff, JobReleased, type JobKind, type JobRunner } from './runner.js';
export { findJob, insertJob, jobsQueue, smsOutboxQueue, type Claimed } from './repo.js';
export { startDailyJob, type DailyJob } from './daily.js';
