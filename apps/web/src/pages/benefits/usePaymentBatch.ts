import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import { fetchPaymentBatch } from '../../api/benefits';
import type { PaymentBatch } from '../../api/types';

const POLL_MS = 500;
const RETRY_MS = 2000;

/** Follows one payment batch, asking twice a second until its cycle is complete. */
export function usePaymentBatch(id: number | null, first?: PaymentBatch): { batch: PaymentBatch | undefined; error: unknown } {
  const [batch, setBatch] = useState<PaymentBatch | undefined>(first);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setBatch(first && first.id === id ? first : undefined);
    setError(null);
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const tick = async () => {
      try {
        const next = await fetchPaymentBatch(id, controller.signal);
        setBatch(next);
        setError(null);
        if (next.status !== 'complete') timer = setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
        // A passing network hiccup should not stop the progress bar; a missing batch should.
        if (!isApiError(e) || e.status >= 500 || e.status === 0) timer = setTimeout(() => void tick(), RETRY_MS);
      }
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `first` only seeds the view; the batch id says when to start over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  return { batch, error };
}
