import { Worker } from 'node:worker_threads';
import type { PiiKeys, Sealed, SealRequest } from './seal.js';

/**
 * Pii.sealMany on a worker thread. An import spends most of its own CPU time on AES-GCM and
 * HMAC calls (about 18 µs a row, almost all of it per-call overhead in node:crypto); on the
 * worker that runs on the other core while this thread validates the next batch and the
 * database loads the last one (measured: see registry/import/README.md).
 *
 * Results come back packed in one transferred buffer, not as a million small Buffers: a
 * Buffer cloned across threads takes its whole pooled ArrayBuffer with it.
 */
export class PiiThread {
  private current: WorkerSlot | null = null;
  private nextId = 1;

  constructor(private readonly keys: PiiKeys) {}

  seal(request: SealRequest): Promise<Sealed> {
    if (request.idNumbers.length === 0)
      return Promise.resolve({ idCiphers: [], idBlindIndexes: [], phoneCiphers: [], blinded: [] });
    const slot = this.current ?? this.start();
    const id = this.nextId++;
    return new Promise<Sealed>((resolve, reject) => {
      // Referenced while it holds work (an awaited seal keeps the process alive), not while idle.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    const slot = this.current;
    this.current = null;
    if (slot) await slot.worker.terminate();
  }

  private start(): WorkerSlot {
    // The boot file registers tsx in the worker, as the server runs its TypeScript unbuilt.
    // Only the two keys it uses cross over: no key serves two purposes (keys.ts).
    const keys: PiiKeys = { piiEncryption: this.keys.piiEncryption, blindIndex: this.keys.blindIndex };
    const worker = new Worker(new URL('./pii-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./pii-worker.ts', import.meta.url).href, keys },
    });
    // Each worker answers for its own requests: one that dies fails only what it held.
    const slot: WorkerSlot = { worker, pending: new Map() };
    worker.on('message', (m: SealReply) => this.settle(slot, m));
    worker.on('messageerror', (e) => {
      this.fail(slot, e);
      void worker.terminate();
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => this.fail(slot, new Error(`PII worker thread exited (code ${code})`)));
    // An idle worker must not keep a CLI run or a test process alive (after the listeners: adding one refs it again).
    worker.unref();
    this.current = slot;
    return slot;
  }

  private settle(slot: WorkerSlot, m: SealReply): void {
    const waiting = slot.pending.get(m.id);
    if (!waiting) return;
    slot.pending.delete(m.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if ('error' in m) waiting.reject(new Error(`PII worker thread: ${m.error}`));
    else waiting.resolve(unpackSealed(m.data, m.ends));
  }

  /** A worker that died (or was closed) fails what it held; the next call starts a new one. */
  private fail(slot: WorkerSlot, e: Error): void {
    if (this.current === slot) this.current = null;
    for (const waiting of slot.pending.values()) waiting.reject(e);
    slot.pending.clear();
  }
}

interface WorkerSlot {
  worker: Worker;
  pending: Map<number, { resolve(s: Sealed): void; reject(e: Error): void }>;
}

export type SealReply = { id: number; data: ArrayBuffer; ends: ArrayBuffer } | { id: number; error: string };

/** Four values a row; ends[4i + k] is where value k of row i ends in data. Length 0 stands for null. */
const PER_ROW = 4;

export function packSealed(s: Sealed): { data: ArrayBuffer; ends: ArrayBuffer } {
  const rows = s.idCiphers.length;
  const ends = new Uint32Array(rows * PER_ROW);
  let size = 0;
  for (let i = 0; i < rows; i++) {
    size +=
      s.idCiphers[i]!.length +
      s.idBlindIndexes[i]!.length +
      (s.phoneCiphers[i]?.length ?? 0) +
      (s.blinded[i]?.length ?? 0);
  }
  // Its own ArrayBuffer (not a slice of Node's pool), so the transfer moves exactly these bytes.
  const data = Buffer.from(new ArrayBuffer(size));
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const values = [s.idCiphers[i]!, s.idBlindIndexes[i]!, s.phoneCiphers[i], s.blinded[i]];
    for (let k = 0; k < PER_ROW; k++) {
      const v = values[k];
      if (v) at += v.copy(data, at);
      ends[i * PER_ROW + k] = at;
    }
  }
  return { data: data.buffer, ends: ends.buffer };
}

function unpackSealed(data: ArrayBuffer, endsBuffer: ArrayBuffer): Sealed {
  const ends = new Uint32Array(endsBuffer);
  const out: Sealed = { idCiphers: [], idBlindIndexes: [], phoneCiphers: [], blinded: [] };
  let start = 0;
  const next = (end: number): Buffer | null => {
    const v = end === start ? null : Buffer.from(data, start, end - start);
    start = end;
    return v;
  };
  for (let i = 0; i < ends.length; i += PER_ROW) {
    out.idCiphers.push(next(ends[i]!)!);
    out.idBlindIndexes.push(next(ends[i + 1]!)!);
    out.phoneCiphers.push(next(ends[i + 2]!));
    out.blinded.push(next(ends[i + 3]!));
  }
  return out;
}
