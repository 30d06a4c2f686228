/** Latencies per kind of request, and the failures (a wrong status is a failure, not a sample). */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  readonly failures: string[] = [];

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
  }

  /** Percentiles by nearest rank; throughput over the phase the kind ran in. */
  print(phaseSecs: Record<string, number>): void {
    const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    console.log(`  ${'kind'.padEnd(32)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    for (const [kind, list] of this.samples) {
      const s = [...list].sort((a, b) => a - b);
      console.log(`  ${kind.padEnd(32)} ${String(s.length).padStart(6)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${pct(s, 99).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`);
    }
    const byPhase = new Map<number, number>();
    for (const [kind, list] of this.samples) byPhase.set(phaseSecs[kind]!, (byPhase.get(phaseSecs[kind]!) ?? 0) + list.length);
    for (const [secs, n] of byPhase) console.log(`  phase of ${secs.toFixed(1)} s: ${n} requests, ${(n / secs).toFixed(0)} requests/s`);
  }
}
