import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../test/app.js';
import { badRowsCsv, badRowsXlsx } from './test-files.js';

// Issue 11: one village worker's file of bad rows stopped every route of the server (the
// embedded database runs on the same thread). Over real HTTP, as `inject` shares the thread
// differently: /api/health is polled every 50 ms while a large bad import runs and its error
// report downloads, and keeps answering.
//
// In the suite: 20,000 bad rows (twice the report's cap) and a gross bound of 5 s, which a
// freeze (15 s at 100,000 rows before the fix) breaks but a loaded CI machine does not (at load
// 20 on two cores a poll took 1.4 s). The target itself, 1 s at 100,000 rows, is measured by
// `npm run bench:import-health`, which runs this file with those figures.

const ROWS = Number(process.env.HEALTH_TEST_ROWS ?? 20_000);
const MAX_MS = Number(process.env.HEALTH_TEST_MAX_MS ?? 5_000);
const POLL_MS = 50;

let t: TestApp;
let base: string;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(200);
  township = await login(t, 'township');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const headers = () => ({ cookie: township.cookie, 'x-csrf-token': township.csrf });

/** Polls /api/health until stop() and returns each answer's latency (ms). */
function pollHealth(): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

async function upload(name: string, content: Buffer): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const res = await fetch(`${base}/api/imports`, { method: 'POST', body: form, headers: headers() });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: number }).id;
}

async function job(id: number): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/api/imports/${id}`, { headers: headers() });
  return (await res.json()) as Record<string, unknown>;
}

/** Downloads the report, reading it as a browser would, and returns its size in bytes. */
async function downloadReport(id: number): Promise<{ bytes: number; tail: string }> {
  const res = await fetch(`${base}/api/imports/${id}/errors.csv`, { headers: headers() });
  expect(res.status).toBe(200);
  let bytes = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body! as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-300);
  }
  return { bytes, tail };
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
  return { polls: sorted.length, max: Math.round(sorted.at(-1)!), p99: Math.round(p99) };
}

describe.each([
  ['csv', () => badRowsCsv(ROWS)],
  ['xlsx', () => badRowsXlsx(ROWS)],
])('a large bad %s import', (format, file) => {
  it('keeps answering /api/health while it runs and its report downloads', async () => {
    const content = await file();
    const poll = pollHealth();
    const started = performance.now();
    const id = await upload(`bad.${format}`, content);
    let reports = 0;
    let done: Record<string, unknown>;
    for (;;) {
      done = await job(id);
      if (done.status === 'done' || done.status === 'failed') break;
      // The report of a running import too, now and then: a user downloads what there is so far.
      await downloadReport(id);
      reports++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const report = await downloadReport(id);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const latencies = await poll.stop();
    const s = summary(latencies);
    console.log(
      `${format}, ${ROWS} bad rows (${(content.length / 1024).toFixed(0)} KB): import and ${reports + 1} reports in ${seconds} s; ` +
        `report ${(report.bytes / 1024).toFixed(0)} KB; /api/health over ${s.polls} polls: max ${s.max} ms, p99 ${s.p99} ms`,
    );
    expect(done).toMatchObject({ status: 'done', invalidRows: ROWS, validRows: 0, errorsOmitted: ROWS - 10_000 });
    expect(report.tail).toContain(`,,errors.omitted,另有 ${ROWS - 10_000} 行错误未列出`);
    // The server answered all along, between the job's progress checks, never held for long.
    expect(s.polls).toBeGreaterThan(reports);
    expect(s.max).toBeLessThan(MAX_MS);
  }, 600_000);
});
