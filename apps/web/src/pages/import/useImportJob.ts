import type { ImportJobDetail, ImportStatus } from '@cradle/contract';
import { fetchImport } from '../../api/imports';
import { usePolled } from '../../lib/usePolled';

const TIMING = { pollMs: 1000, retryMs: 3000 };

export function isFinished(status: ImportStatus): boolean {
  return status === 'done' || status === 'failed';
}

const finished = (job: ImportJobDetail) => isFinished(job.status);

/** Follows one import job, asking every second until it is done or failed. */
export function useImportJob(id: number | null): { job: ImportJobDetail | undefined; error: unknown } {
  const { value, error } = usePolled(id, fetchImport, finished, TIMING);
  return { job: value, error };
}
