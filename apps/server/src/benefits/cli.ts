import { findBuiltInScheme, formatYuan, fen, pick, type Lang } from '@cradle/domain';
import { parseArgs } from 'node:util';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { runPaymentCycle } from './cycle.js';
import type { PaymentBatch } from './batches-repo.js';

const USAGE =
  'usage: benefits-cycle --scheme CODE --period 2026|2026-03|once [--jurisdiction 533423] [--supplement] [--chunk-size N] [--pause-ms N] [--lang zh-CN|en]\n';

interface Stream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/**
 * `cradle benefits-cycle`: runs a payment cycle with a progress line, prints the batch. Run it
 * again after it was stopped (even by kill -9) and it resumes; after it completed, it changes
 * nothing and prints the same batch. Returns the exit code.
 */
export async function cycleCommand(
  args: string[],
  deps: { database: Database; defaultJurisdictionCode: string; stdout?: Stream; stderr?: Stream },
): Promise<number> {
  const out = deps.stdout ?? process.stdout;
  const err = deps.stderr ?? process.stderr;
  let v: {
    scheme?: string;
    period?: string;
    jurisdiction?: string;
    'pause-ms'?: string;
    'chunk-size'?: string;
    supplement?: boolean;
    lang?: string;
  };
  try {
    v = parseArgs({
      args,
      options: {
        scheme: { type: 'string' },
        period: { type: 'string' },
        jurisdiction: { type: 'string' },
        'pause-ms': { type: 'string' },
        'chunk-size': { type: 'string' },
        supplement: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }).values;
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const lang: Lang = v.lang === 'en' ? 'en' : 'zh-CN';
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const scheme = v.scheme ? findBuiltInScheme(v.scheme) : null;
  const pauseMs = v['pause-ms'] === undefined ? 0 : Number(v['pause-ms']);
  const chunkIds = v['chunk-size'] === undefined ? undefined : Number(v['chunk-size']);
  const jurisdictionCode = v.jurisdiction ?? deps.defaultJurisdictionCode;
  if (chunkIds !== undefined && (!Number.isInteger(chunkIds) || chunkIds < 1)) {
    err.write(say('--chunk-size 须为正整数\n', '--chunk-size must be a positive whole number\n') + USAGE);
    return 1;
  }
  if (!scheme || !v.period || !Number.isInteger(pauseMs) || pauseMs < 0 || !/^\d{2,12}$/.test(jurisdictionCode)) {
    err.write(
      say(
        `参数有误：需要已有的 --scheme 与 --period\n`,
        `bad arguments: an existing --scheme and a --period are required\n`,
      ) + USAGE,
    );
    return 1;
  }
  const line = (b: PaymentBatch) => {
    const pct = b.chunksTotal === 0 ? 100 : Math.floor((100 * b.chunksDone) / b.chunksTotal);
    return say(
      `${pct}%（${b.chunksDone}/${b.chunksTotal} 段），${b.paymentCount} 笔，¥${formatYuan(fen(b.totalFen))}`,
      `${pct}% (${b.chunksDone}/${b.chunksTotal} chunks), ${b.paymentCount} payments, ¥${formatYuan(fen(b.totalFen))}`,
    );
  };
  try {
    const batch = await runPaymentCycle(
      deps.database,
      {
        scheme,
        periodKey: v.period,
        jurisdictionCode,
        actor: { userId: null, username: 'cli', jurisdictionCode, clientIp: null },
        pauseMs,
        supplement: v.supplement === true,
        ...(chunkIds ? { chunkIds } : {}),
      },
      (b) => out.write(out.isTTY ? `\r${line(b)}` : `${line(b)}\n`),
    );
    out.write(
      `${out.isTTY ? '\n' : ''}${say('发放批次', 'payment batch')} #${batch.id}${batch.round > 1 ? say(`（第 ${batch.round} 轮补发）`, ` (supplementary round ${batch.round})`) : ''} ${pick(scheme.name, lang)} ${batch.periodKey}: ${line(batch)}\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    err.write(`${pick(e.userMessage, lang)}\n`);
    return 1;
  }
}
