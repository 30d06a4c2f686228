import { useEffect, useEffectEvent, useState } from 'react';
import { isApiError } from '../api/client';

/**
 * Follows one server resource by id, fetching it every pollMs until done(it) says it has ended
 * (an import job, a payment batch). A passing network hiccup is retried after retryMs; a missing
 * resource or a refusal stops. `first` seeds the view when it is the resource asked for.
 */
export function usePolled<T extends { id: number }>(
  id: number | null,
  fetchOne: (id: number, signal: AbortSignal) => Promise<T>,
  done: (value: T) => boolean,
  timing: { pollMs: number; retryMs: number },
  first?: T,
  /** Bump to fetch again now, e.g. after an action changed the resource (an export, a bank return). */
  refresh = 0,
): { value: T | undefined; error: unknown } {
  const [value, setValue] = useState<T | undefined>(first);
  const [error, setError] = useState<unknown>(null);

  // The id (or a refresh) says when to start over; `first` only seeds the view, and the callers'
  // functions are module-level: read by the effect, not reasons to run it again.
  const seed = useEffectEvent(() => first);
  const fetchNext = useEffectEvent(fetchOne);
  const isDone = useEffectEvent(done);
  const delays = useEffectEvent(() => timing);

  useEffect(() => {
    const first = seed();
    // A refresh of the same resource keeps showing it while the new answer comes.
    setValue((current) => (current && current.id === id ? current : first && first.id === id ? first : undefined));
    setError(null);
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await fetchNext(id, controller.signal);
        setValue(next);
        setError(null);
        if (!isDone(next)) timer = setTimeout(() => void tick(), delays().pollMs);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
        if (!isApiError(e) || e.status >= 500 || e.status === 0)
          timer = setTimeout(() => void tick(), delays().retryMs);
      }
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, refresh]);

  return { value, error };
}
