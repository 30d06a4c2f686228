import type { BatchView } from '@cradle/contract';
import { fetchPaymentBatch } from '../../api/benefits';
import { usePolled } from '../../lib/usePolled';

const TIMING = { pollMs: 500, retryMs: 2000 };
const complete = (b: BatchView) => b.status === 'complete';

/** Follows one payment batch, asking twice a second until its cycle is complete. */
export function usePaymentBatch(
  id: number | null,
  first?: BatchView,
  refresh = 0,
): { batch: BatchView | undefined; error: unknown } {
  const { value, error } = usePolled(id, fetchPaymentBatch, complete, TIMING, first, refresh);
  return { batch: value, error };
}
