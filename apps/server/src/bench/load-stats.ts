import { readdirSync, readFileSync } from 'node:fs';

/** Latencies per kind of request, and the failures (a wrong status is a failure, not a sample). */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  readonly failures: string[] = [];
  /** Start (ms since the recorder was made), kind and latency of every request, for LOAD_TIMELINE. */
  readonly timeline: { at: number; kind: string; ms: number }[] = [];
  private readonly born = performance.now();

  async time(kind: string, fn: () => Promise<{ status: number; json: unknown }>, expected: number): Promise<void> {
    const t = performance.now();
    const res = await fn();
    const ms = performance.now() - t;
    if (res.status !== expected) {
      this.failures.push(`${kind}: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
      return;
    }
    const list = this.samples.get(kind) ?? this.samples.set(kind, []).get(kind)!;
    list.push(ms);
    this.timeline.push({ at: t - this.born, kind, ms });
  }

  /** Per half second of the run: requests started, their worst latency (where slow requests cluster). */
  printTimeline(kindPrefix: string): void {
    const slots = new Map<number, number[]>();
    for (const e of this.timeline)
      if (e.kind.startsWith(kindPrefix))
        (slots.get(Math.floor(e.at / 500)) ?? slots.set(Math.floor(e.at / 500), []).get(Math.floor(e.at / 500))!).push(
          e.ms,
        );
    console.log(
      `  ${kindPrefix} by half second (started: n/max ms): ${[...slots]
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => `${(k / 2).toFixed(1)}s ${v.length}/${Math.max(...v).toFixed(0)}`)
        .join('  ')}`,
    );
  }

  /** Percentiles by nearest rank; throughput over the phase the kind ran in. */
  print(phaseSecs: Record<string, number>): void {
    const pct = (sorted: number[], p: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    console.log(
      `  ${'kind'.padEnd(32)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    );
    for (const [kind, list] of this.samples) {
      const s = [...list].sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(32)} ${String(s.length).padStart(6)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${pct(s, 99).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`,
      );
    }
    const byPhase = new Map<number, number>();
    for (const [kind, list] of this.samples)
      byPhase.set(phaseSecs[kind]!, (byPhase.get(phaseSecs[kind]!) ?? 0) + list.length);
    for (const [secs, n] of byPhase)
      console.log(`  phase of ${secs.toFixed(1)} s: ${n} requests, ${(n / secs).toFixed(0)} requests/s`);
  }
}

/**
 * CPU seconds used so far by the server process, by each PostgreSQL process (every process named
 * postgres) and by this driver, from /proc (Linux): where a phase's time went on a machine the
 * three share. Null off Linux.
 */
export function cpuNow(
  serverPid: number | undefined,
): { server: number; postgres: Map<string, number>; driver: number } | null {
  const ticks = (pid: string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return {
        comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        ticks: Number(fields[11]) + Number(fields[12]),
      };
    } catch {
      return null;
    }
  };
  if (serverPid === undefined || ticks(String(serverPid)) === null) return null;
  const postgres = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const t = ticks(pid);
    // Clock ticks are 1/100 s on Linux (getconf CLK_TCK).
    if (t?.comm === 'postgres') postgres.set(pid, t.ticks / 100);
  }
  const own = process.cpuUsage();
  return { server: ticks(String(serverPid))!.ticks / 100, postgres, driver: (own.user + own.system) / 1e6 };
}

/**
 * What each process used between two cpuNow readings, per request of the phase. PostgreSQL's is
 * a floor: a process that exits during the phase (an autovacuum worker, a connection the pool
 * closes) takes its time with it; one that starts counts from zero.
 */
export function printCpu(
  before: ReturnType<typeof cpuNow>,
  after: ReturnType<typeof cpuNow>,
  requests: number,
  secs: number,
): void {
  if (!before || !after) return;
  let postgres = 0;
  for (const [pid, t] of after.postgres) postgres += t - (before.postgres.get(pid) ?? 0);
  const used = { server: after.server - before.server, postgres, driver: after.driver - before.driver };
  const per = (k: keyof typeof used) =>
    `${k} ${((used[k] / secs) * 100).toFixed(0)}% of a core, ${((used[k] * 1000) / requests).toFixed(2)} ms a request`;
  console.log(`  CPU: ${per('server')}; ${per('postgres')}; ${per('driver')}`);
}
