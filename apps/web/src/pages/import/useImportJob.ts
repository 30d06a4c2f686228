import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import { fetchImport } from '../../api/imports';
import type { ImportJobDetail, ImportStatus } from '../../api/types';

const POLL_MS = 1000;
const RETRY_MS = 3000;

export function isFinished(status: ImportStatus): boolean {
  return status === 'done' || status === 'failed';
}

/** Follows one import job, asking every second until it is done or failed. */
export function useImportJob(id: number | null): { job: ImportJobDetail | undefined; error: unknown } {
  const [job, setJob] = useState<ImportJobDetail>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setJob(undefined);
    setError(null);
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const tick = async () => {
      try {
        const next = await fetchImport(id, controller.signal);
        setJob(next);
        setError(null);
        if (!isFinished(next.status)) timer = setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
        // A passing network hiccup should not stop the progress bar; a missing job should.
        if (!isApiError(e) || e.status >= 500 || e.status === 0) timer = setTimeout(() => void tick(), RETRY_MS);
      }
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id]);

  return { job, error };
}
