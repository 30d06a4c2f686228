import type { Lang } from '@cradle/domain';
import cliProgress from 'cli-progress';
import type { ImportJob } from './types.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressView {
  update(job: ImportJob): void;
  stop(): void;
}

const LINE_EVERY_MS = 5_000;

/** A live bar (rows, rows/s, ETA) on a terminal; on a pipe or log file, a plain line every few seconds. */
export function createProgressView(stream: ProgressStream, lang: Lang): ProgressView {
  const started = Date.now();
  const rate = (rows: number) => Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
  return stream.isTTY ? barView(stream, lang, rate) : lineView(stream, lang, rate);
}

function barView(stream: ProgressStream, lang: Lang, rate: (rows: number) => number): ProgressView {
  const unit = lang === 'en' ? { rows: 'rows', perSecond: 'rows/s', left: 'ETA' } : { rows: '行', perSecond: '行/秒', left: '剩余' };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `{bar} {percentage}% | {value}/{total} ${unit.rows} | {rate} ${unit.perSecond} | ${unit.left} {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(job) {
      // Until the total is known the bar shows rows done out of rows done.
      const total = Math.max(job.totalRows ?? job.processedRows, job.processedRows, 1);
      if (!started) {
        bar.start(total, job.processedRows, { rate: 0 });
        started = true;
      }
      bar.setTotal(total);
      bar.update(job.processedRows, { rate: rate(job.processedRows) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function lineView(stream: ProgressStream, lang: Lang, rate: (rows: number) => number): ProgressView {
  let last = 0;
  return {
    update(job) {
      if (job.status !== 'running' || Date.now() - last < LINE_EVERY_MS) return;
      last = Date.now();
      const done = job.processedRows.toLocaleString('en');
      const total = job.totalRows === null ? '?' : job.totalRows.toLocaleString('en');
      const pct = job.totalRows ? ` (${Math.min(100, Math.round((100 * job.processedRows) / job.totalRows))}%)` : '';
      const r = rate(job.processedRows).toLocaleString('en');
      stream.write(lang === 'en' ? `imported ${done} / ${total} rows${pct}, ${r} rows/s\n` : `已处理 ${done} / ${total} 行${pct}，${r} 行/秒\n`);
    },
    stop: () => undefined,
  };
}
