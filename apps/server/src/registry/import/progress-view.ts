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
  const unit =
    lang === 'en'
      ? { rows: 'rows', perSecond: 'rows/s', left: 'ETA' }
      : { rows: '行', perSecond: '行/秒', left: '剩余' };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `{bar} {percentage}% | {value}/{total} ${unit.rows} | {rate} ${unit.perSecond} | ${unit.left} {left}`,
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(job) {
      // Until the total is known the bar shows rows done out of rows done.
      const total = Math.max(job.totalRows ?? job.processedRows, job.processedRows, 1);
      const perSecond = rate(job.processedRows);
      // Our own estimate: cli-progress's shows INF until its buffer fills.
      const left =
        perSecond > 0 && job.totalRows !== null ? formatSeconds((total - job.processedRows) / perSecond) : '…';
      if (!started) {
        bar.start(total, job.processedRows, { rate: perSecond, left });
        started = true;
      }
      bar.setTotal(total);
      bar.update(job.processedRows, { rate: perSecond, left });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
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
      stream.write(
        lang === 'en'
          ? `imported ${done} / ${total} rows${pct}, ${r} rows/s\n`
          : `已处理 ${done} / ${total} 行${pct}，${r} 行/秒\n`,
      );
    },
    stop: () => undefined,
  };
}
