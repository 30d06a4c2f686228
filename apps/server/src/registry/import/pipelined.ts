/**
 * prepare() on each item, then load() on the result, with one load in flight while the next
 * item is prepared: the CPU work here and the database's work overlap, so on a two-core
 * machine both cores stay busy. Loads run one at a time, in order.
 */
export async function pipelined<T, P>(
  items: AsyncIterable<T> | Iterable<T>,
  prepare: (item: T) => P | Promise<P>,
  load: (prepared: P) => Promise<void>,
): Promise<void> {
  let inflight: Promise<void> | null = null;
  try {
    for await (const item of items) {
      const prepared = await prepare(item);
      if (inflight) await inflight;
      inflight = load(prepared);
      // Awaited on the next turn or below; until then this keeps Node from reporting it unhandled.
      inflight.catch(() => undefined);
    }
    if (inflight) await inflight;
  } finally {
    // A read error must not leave a load running behind the caller's back.
    await inflight?.catch(() => undefined);
  }
}

/** Groups items into arrays of size (the last may be shorter). */
export async function* inBatches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
