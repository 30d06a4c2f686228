import type { TaskBulkCompleteResult as Result } from '@cradle/contract';
import { BulkResultAlert } from './BulkResultAlert';

type Props = { result: Result; numberOf: (id: number) => string; onClose: () => void };

/** A bulk completion of tasks: one outcome per task, the skipped ones with a code and the server's reason. */
export function TaskBulkResult({ result, numberOf, onClose }: Props) {
  const done = result.results.filter((r) => r.outcome === 'done').length;
  const skipped = result.results
    .filter((r) => r.outcome === 'skipped')
    .map((s) => ({ id: s.id, reason: s.code ?? '', text: s.reason ?? s.code ?? '' }));
  return <BulkResultAlert completed={done} skipped={skipped} numberOf={numberOf} onClose={onClose} />;
}
