import { fetchPaymentBatch } from '../../api/benefits';
import type { PaymentBatch } from '../../api/types';
import { usePolled } from '../../lib/usePolled';

const TIMING = { pollMs: 500, retryMs: 2000 };
const complete = (b: PaymentBatch) => b.status === 'complete';

/** Follows one payment batch, asking twice a second until its cycle is complete. */
export function usePaymentBatch(
  id: number | null,
  first?: PaymentBatch,
  refresh = 0,
): { batch: PaymentBatch | undefined; error: unknown } {
  const { value, error } = usePolled(id, fetchPaymentBatch, complete, TIMING, first, refresh);
  return { batch: value, error };
}
