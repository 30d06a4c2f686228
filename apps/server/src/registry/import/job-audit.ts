import type { Conn } from '../../db/client.js';
import { appendAudit, type AuditEntry } from '../../audit/index.js';
import type { ImportFailure } from './failures.js';
import { failUnfinishedJobs } from './jobs-repo.js';
import type { ImportInput, ImportJob } from './types.js';

// The audit entries of a job besides its batches' (batch.ts): queued, and ended. Each goes in
// the transaction of the change it records. Details hold counts and the file name, never data.

export type AuditActor = Pick<AuditEntry, 'userId' | 'username' | 'jurisdictionCode' | 'clientIp'>;

export function actorOf(input: ImportInput): AuditActor {
  return {
    userId: input.user.id,
    username: input.user.username,
    jurisdictionCode: input.user.jurisdictionCode,
    clientIp: input.clientIp,
  };
}

export async function auditJobStart(tx: Conn, jobId: number, input: ImportInput): Promise<void> {
  await appendAudit(tx, {
    ...actorOf(input),
    action: 'registry.importStart',
    targetType: 'importJob',
    targetId: String(jobId),
    outcome: 'success',
    details: { fileName: input.fileName, format: input.format },
  });
}

/** The one entry that closes a job, whether it ran to its end or a restart cut it short. */
export async function auditJobEnd(tx: Conn, job: ImportJob, actor: AuditActor): Promise<void> {
  const { fileName, format, totalRows, processedRows, validRows, invalidRows, inserted, updated, unchanged } = job;
  await appendAudit(tx, {
    ...actor,
    action: 'registry.import',
    targetType: 'importJob',
    targetId: String(job.id),
    outcome: job.status === 'done' ? 'success' : 'failure',
    details: {
      fileName,
      format,
      totalRows,
      processedRows,
      validRows,
      invalidRows,
      inserted,
      updated,
      unchanged,
      failureCode: job.failure?.code ?? null,
    },
  });
}

/**
 * Fails import jobs that will not end on their own (failUnfinishedJobs says which), each with the
 * closing entry its run never wrote. As the owner, across jurisdictions. Returns how many.
 */
export async function failAndAudit(
  owner: Conn,
  failure: ImportFailure,
  which: Parameters<typeof failUnfinishedJobs>[2],
): Promise<number> {
  const jobs = await failUnfinishedJobs(owner, failure, which);
  for (const job of jobs) {
    await auditJobEnd(owner, job, {
      userId: job.userId,
      username: job.username,
      jurisdictionCode: job.jurisdictionCode,
      clientIp: null,
    });
  }
  return jobs.length;
}
