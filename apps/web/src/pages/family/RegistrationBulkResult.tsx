import type { RegistrationBulkCompleteResult as Result } from '@cradle/contract';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import { BulkResultAlert } from './BulkResultAlert';

type Props = { result: Result; numberOf: (id: number) => string; onClose: () => void };

/** A bulk completion of registrations: the server names each one it skipped, with a message in both languages. */
export function RegistrationBulkResult({ result, numberOf, onClose }: Props) {
  const lang = useLang();
  const skipped = result.skipped.map((s) => ({ id: s.id, reason: s.reason, text: pick(s.message, lang) }));
  return (
    <BulkResultAlert completed={result.completed.length} skipped={skipped} numberOf={numberOf} onClose={onClose} />
  );
}
