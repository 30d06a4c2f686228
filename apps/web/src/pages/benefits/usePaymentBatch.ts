import type { BatchView } from '@cradle/contract';
import { useQuery } from '@tanstack/react-query';
import { fetchPaymentBatch } from '../../api/benefits';
import { pollUntil } from '../../lib/polling';

const TIMING = { pollMs: 500, retryMs: 2000 };
const complete = (b: BatchView) => b.status === 'complete';

/**
 * Follows one payment batch, asking twice a second until its cycle is complete. `first` (the
 * batch as a start answered) shows until the first answer; bump `refresh` to ask again now.
 */
export function usePaymentBatch(
  id: number | null,
  first?: BatchView,
  refresh = 0,
): { batch: BatchView | undefined; error: unknown } {
  const q = useQuery({
    queryKey: ['fetchPaymentBatch', id, refresh],
    queryFn: ({ signal }) => fetchPaymentBatch(id ?? 0, signal),
    enabled: id !== null,
    // A refresh of the same batch keeps showing it while the new answer comes.
    placeholderData: (previous: BatchView | undefined) =>
      previous?.id === id ? previous : first?.id === id ? first : undefined,
    ...pollUntil(complete, TIMING),
  });
  return { batch: id === null ? undefined : q.data, error: q.error ?? q.failureReason };
}
