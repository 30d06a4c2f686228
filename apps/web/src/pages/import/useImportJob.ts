import type { ImportJobDetail, ImportStatus } from '@cradle/contract';
import { useQuery } from '@tanstack/react-query';
import { fetchImport } from '../../api/imports';
import { pollUntil } from '../../lib/polling';

const TIMING = { pollMs: 1000, retryMs: 3000 };

export function isFinished(status: ImportStatus): boolean {
  return status === 'done' || status === 'failed';
}

const finished = (job: ImportJobDetail) => isFinished(job.status);

/** Follows one import job, asking every second until it is done or failed. */
export function useImportJob(
  id: number | null,
  fetchJob: (id: number, signal?: AbortSignal) => Promise<ImportJobDetail> = fetchImport,
): { job: ImportJobDetail | undefined; error: unknown } {
  const q = useQuery({
    queryKey: ['fetchImport', fetchJob === fetchImport ? 'persons' : 'other', id],
    queryFn: ({ signal }) => fetchJob(id ?? 0, signal),
    enabled: id !== null,
    ...pollUntil(finished, TIMING),
  });
  // While a hiccup is retried the last error shows, as before; the next answer clears it.
  return { job: id === null ? undefined : q.data, error: q.error ?? q.failureReason };
}
