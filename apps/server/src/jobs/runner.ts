import type { Conn, Database } from '../db/client.js';
import { claim, finish, release, renew, takeBackStale, type Claimed, type Outcome, type Queue } from './repo.js';

/** What a handler gets besides its jobs. */
export interface JobContext {
  /** Aborted by stop(): resumable work stops at its next safe point and throws JobReleased. */
  signal: AbortSignal;
  now(): Date;
}

/** Thrown by a handler that stopped at a safe point on stop(): the job goes back to the queue, attempt not counted. */
export class JobReleased extends Error {
  constructor() {
    super('released on stop');
  }
}

/** One kind of background work: where its jobs wait, how many run at once, how failures are retried. */
export interface JobKind {
  kind: string;
  queue: Queue;
  /** Claims of this kind running at once in one runner; the rest wait in the queue. */
  concurrency: number;
  /** Rows claimed and handed over together (the outbox sends 100 at a time); 1 by default. */
  batch?: number;
  /** Attempts before a job is failed for good (a claim whose worker died counts as one). */
  maxAttempts: number;
  /** Wait after the nth failed attempt; exponentialBackoff(30 s) by default. */
  backoffMs?: (failedAttempts: number) => number;
  /** A claim not renewed for this long belongs to a worker that died, and is taken over. */
  leaseMs: number;
  /** Kicks within this many milliseconds share one claim (0: claim at once). */
  kickDelayMs?: number;
  /**
   * Does the work. Throwing fails every job handed over; a batch handler may instead return one
   * error (or null for done) per job, in order.
   */
  run(jobs: Claimed[], ctx: JobContext): Promise<readonly (string | null)[]> | Promise<void>;
  /** The kind's own record of jobs failed for good, in the transaction that marks them failed. */
  onFailed?(tx: Conn, jobs: readonly Claimed[], error: string): Promise<void>;
}

export const exponentialBackoff =
  (baseMs: number, capMs = 3_600_000) =>
  (failedAttempts: number): number =>
    Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));

export interface RunnerOptions {
  database: Database;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** The clock for claims, leases and back-off: the database's unless a test passes its own. */
  now?: () => Date;
}

interface Running {
  jobs: Claimed[];
  full: boolean;
  done: Promise<void>;
}

interface KindState {
  def: JobKind;
  running: Set<Running>;
  pumping: Promise<void> | null;
  again: boolean;
  /** Asked to claim while at its bound: claim again when a job ends. */
  wanted: boolean;
  kickTimer: NodeJS.Timeout | null;
  heartbeat: NodeJS.Timeout | null;
}

/**
 * One runner for every kind of background work. Jobs are claimed with FOR UPDATE SKIP LOCKED in a
 * short statement and run outside any transaction; the claim is a lease the runner renews while
 * the job runs. A failed attempt waits (exponential back-off) and is retried up to the kind's
 * maximum; a lease that ran out is taken over by the next sweep.
 */
export function createJobRunner(opts: RunnerOptions) {
  const { database } = opts;
  const log = opts.log ?? console;
  const clock = opts.now;
  const at = () => (clock ? clock() : null);
  const now = clock ?? (() => new Date());
  const kinds = new Map<string, KindState>();
  const stopping = new AbortController();
  let stopped = false;
  let poll: NodeJS.Timeout | null = null;

  const state = (kind: string): KindState => {
    const s = kinds.get(kind);
    if (!s) throw new Error(`no job kind ${kind} is registered`);
    return s;
  };

  function pump(s: KindState): Promise<void> {
    if (s.pumping) {
      s.again = true;
      return s.pumping;
    }
    s.pumping = (async () => {
      do {
        s.again = false;
        while (!stopped) {
          const room = s.def.concurrency - s.running.size;
          if (room <= 0) {
            s.wanted = true;
            break;
          }
          const want = (s.def.batch ?? 1) > 1 ? s.def.batch! : room;
          const got = await claim(database, s.def.queue, want, at());
          const full = got.length === want;
          if (!full) s.wanted = false;
          if (got.length === 0) break;
          if ((s.def.batch ?? 1) > 1) launch(s, got, full);
          else for (const job of got) launch(s, [job], full);
          if (!full) break;
        }
      } while ((s.again as boolean) && !stopped); // set again by a kick during the awaits
    })()
      .catch((err: unknown) => log.error({ err, kind: s.def.kind }, 'job claim failed'))
      .finally(() => {
        s.pumping = null;
      });
    return s.pumping;
  }

  function launch(s: KindState, jobs: Claimed[], full: boolean): void {
    const entry: Running = { jobs, full, done: Promise.resolve() };
    entry.done = execute(s, jobs)
      .catch((err: unknown) => log.error({ err, kind: s.def.kind }, 'job outcome not recorded'))
      .finally(() => {
        s.running.delete(entry);
        if (s.running.size === 0 && s.heartbeat) {
          clearInterval(s.heartbeat);
          s.heartbeat = null;
        }
        if (!stopped && (entry.full || s.wanted)) void pump(s);
      });
    s.running.add(entry);
    s.heartbeat ??= setInterval(
      () => {
        const held = [...s.running].flatMap((r) => r.jobs);
        renew(database, s.def.queue, held, at()).catch((err: unknown) =>
          log.warn({ err, kind: s.def.kind }, 'job lease not renewed'),
        );
      },
      Math.max(10, Math.floor(s.def.leaseMs / 3)),
    );
    s.heartbeat.unref();
  }

  async function execute(s: KindState, jobs: Claimed[]): Promise<void> {
    const def = s.def;
    if (stopping.signal.aborted) return release(database, def.queue, jobs);
    let errors: readonly (string | null)[];
    try {
      const result = await def.run(jobs, { signal: stopping.signal, now });
      errors = result ?? jobs.map(() => null);
    } catch (e) {
      if (e instanceof JobReleased) return release(database, def.queue, jobs);
      const error = e instanceof Error ? e.message : String(e);
      log.warn({ err: e, kind: def.kind, jobs: jobs.map((j) => j.id) }, 'job failed');
      errors = jobs.map(() => error);
    }
    const backoff = def.backoffMs ?? exponentialBackoff(30_000);
    const outcomes: Outcome[] = jobs.map((job, i) => {
      const error = errors[i] ?? null;
      const retry = error !== null && job.attempts < def.maxAttempts;
      return { job, error, retryInMs: retry ? backoff(job.attempts) : null };
    });
    const final = outcomes.filter((o) => o.error !== null && o.retryInMs === null);
    if (final.length === 0 || !def.onFailed) {
      await finish(database, def.queue, outcomes, at());
      return;
    }
    await database.transaction(async (tx) => {
      const written = new Set(await finish(tx, def.queue, outcomes, at()));
      for (const o of final) if (written.has(o.job.id)) await def.onFailed!(tx, [o.job], o.error!);
    });
  }

  async function sweep(s: KindState): Promise<number> {
    const taken = await database.transaction(async (tx) => {
      const r = await takeBackStale(tx, s.def.queue, at(), s.def.leaseMs, s.def.maxAttempts);
      if (r.failed.length > 0 && s.def.onFailed) await s.def.onFailed(tx, r.failed, 'interrupted');
      return r;
    });
    if (taken.failed.length > 0)
      log.warn({ kind: s.def.kind, jobs: taken.failed.map((j) => j.id) }, 'jobs failed: their worker stopped');
    return taken.requeued + taken.failed.length;
  }

  const runner = {
    register(def: JobKind) {
      if (kinds.has(def.kind)) throw new Error(`job kind ${def.kind} is registered twice`);
      kinds.set(def.kind, {
        def,
        running: new Set(),
        pumping: null,
        again: false,
        wanted: false,
        kickTimer: null,
        heartbeat: null,
      });
      return runner;
    },

    /** Work for the kind is waiting: claim it soon (kicks within the kind's delay share one claim). */
    kick(kind: string): void {
      if (stopped) return;
      const s = state(kind);
      if (!s.def.kickDelayMs) {
        void pump(s);
        return;
      }
      s.kickTimer ??= setTimeout(() => {
        s.kickTimer = null;
        void pump(s);
      }, s.def.kickDelayMs);
    },

    /** Takes back claims whose lease ran out, for one kind or all. Returns how many. */
    async sweep(kind?: string): Promise<number> {
      let n = 0;
      for (const s of kind ? [state(kind)] : kinds.values()) n += await sweep(s);
      return n;
    },

    /** Claims and runs until nothing of the kind is due or running (tests, commands). */
    async drain(kind: string): Promise<void> {
      const s = state(kind);
      for (;;) {
        await pump(s);
        if (s.running.size === 0) return;
        await Promise.all([...s.running].map((r) => r.done));
      }
    },

    /** Sweeps and claims now and then every pollMs (retries that came due, claims left behind); 0 for never. */
    start(pollMs = 30_000): void {
      if (pollMs <= 0 || poll) return;
      const tick = () => {
        for (const s of kinds.values())
          void sweep(s)
            .catch((err: unknown) => log.error({ err, kind: s.def.kind }, 'job sweep failed'))
            .then(() => pump(s));
      };
      poll = setInterval(tick, pollMs);
      poll.unref();
      tick();
    },

    /**
     * Claims nothing more; what a kick asked for still goes. Jobs running are told to stop
     * (resumable ones go back to the queue) or finish; resolves when none holds a claim.
     */
    async stop(): Promise<void> {
      if (poll) clearInterval(poll);
      poll = null;
      const kicked = [...kinds.values()].filter((s) => s.kickTimer);
      for (const s of kicked) {
        clearTimeout(s.kickTimer!);
        s.kickTimer = null;
      }
      await Promise.all(kicked.map((s) => pump(s)));
      stopped = true;
      await Promise.all([...kinds.values()].flatMap((s) => (s.pumping ? [s.pumping] : [])));
      stopping.abort();
      for (const s of kinds.values()) await Promise.all([...s.running].map((r) => r.done));
    },
  };
  return runner;
}

export type JobRunner = ReturnType<typeof createJobRunner>;
