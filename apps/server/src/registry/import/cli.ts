import { isWithinJurisdiction, pick, type Lang } from '@cradle/domain';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { ImportFormat } from './types.js';
import { KEPT_ERROR_ROWS, omittedErrorsMessage } from './error-cap.js';
import { errorFieldLabel } from './row-errors.js';
import type { ImportDeps } from './run-job.js';
import { createImportService } from './service.js';
import { createProgressView, type ProgressStream } from './progress-view.js';
import type { ImportJob, ImportUser } from './types.js';

export interface ImportCommandDeps extends ImportDeps {
  stdout?: ProgressStream;
  stderr?: ProgressStream;
  /** Used when --jurisdiction is not given and the user has no users row. */
  defaultJurisdictionCode?: string;
}

const USAGE = 'usage: import <file.csv|file.xlsx> [--jurisdiction 533423] [--user admin] [--lang zh-CN|en]\n';
const SHOWN_ERRORS = 20;

/** `cradle import <file>`: imports persons with a progress bar, prints a summary, writes <file>.errors.csv. Returns the exit code. */
export async function importCommand(args: string[], deps: ImportCommandDeps): Promise<number> {
  const out = deps.stdout ?? process.stdout;
  const err = deps.stderr ?? process.stderr;
  let opts: { file: string; format: ImportFormat; username: string; jurisdiction: string | undefined; lang: Lang };
  try {
    opts = parseCommand(args);
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { lang } = opts;
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  if (!(await stat(opts.file).catch(() => null))?.isFile()) {
    err.write(say(`找不到文件：${opts.file}\n`, `no such file: ${opts.file}\n`));
    return 1;
  }
  const user = await resolveUser(deps, opts.username, opts.jurisdiction);
  if (typeof user === 'string') {
    err.write(
      user === 'outside'
        ? say('所给辖区不在该用户的辖区内\n', "--jurisdiction is outside the user's jurisdiction\n")
        : say('请用 --jurisdiction 指定辖区\n', 'pass --jurisdiction\n'),
    );
    return 1;
  }

  const service = createImportService(deps);
  const view = createProgressView(err, lang);
  const started = Date.now();
  let job: ImportJob;
  try {
    job = await service.run({
      filePath: opts.file,
      fileName: path.basename(opts.file),
      format: opts.format,
      user,
      clientIp: null,
      onProgress: (j) => view.update(j),
    });
  } finally {
    view.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  if (job.status !== 'done') {
    err.write(say(`导入失败：${job.failure?.message.zh ?? ''}\n`, `import failed: ${job.failure?.message.en ?? ''}\n`));
    return 1;
  }
  const perSecond = Math.round(job.processedRows / Math.max(seconds, 0.001)).toLocaleString('en');
  out.write(
    say(
      `导入完成（任务 ${job.id}）：共 ${job.processedRows} 行，成功 ${job.validRows} 行（新增 ${job.inserted}，更新 ${job.updated}，未变 ${job.unchanged}），错误 ${job.invalidRows} 行；用时 ${seconds.toFixed(1)} 秒，${perSecond} 行/秒\n`,
      `import done (job ${job.id}): ${job.processedRows} rows, ${job.validRows} loaded (${job.inserted} new, ${job.updated} updated, ${job.unchanged} unchanged), ${job.invalidRows} with errors; ${seconds.toFixed(1)} s, ${perSecond} rows/s\n`,
    ),
  );
  await reportErrors(service, job, user, opts.file, lang, out);
  return 0;
}

async function reportErrors(
  service: ReturnType<typeof createImportService>,
  job: ImportJob,
  user: ImportUser,
  file: string,
  lang: Lang,
  out: ProgressStream,
): Promise<void> {
  const scope = { jurisdictionCode: user.jurisdictionCode };
  // Row errors or warnings about the file (unknown columns, worksheets left out): either is worth a report.
  const detail = await service.get(scope, job.id);
  if (!detail || detail.errors.length === 0) return;
  const reportPath = `${file}.errors.csv`;
  await pipeline(Readable.from(service.errorsCsvChunks(scope, job.id, lang)), createWriteStream(reportPath));
  const first = detail.errors.slice(0, SHOWN_ERRORS);
  out.write(
    lang === 'en'
      ? `full error report: ${reportPath}\nfirst errors:\n`
      : `错误明细已写入：${reportPath}\n前 ${first.length} 条错误：\n`,
  );
  for (const e of first) {
    // A warning's message already says where it is.
    if (e.field === 'file') out.write(`  ${pick(e.message, lang)}\n`);
    else {
      const field = pick(errorFieldLabel(e.field), lang);
      out.write(
        lang === 'en'
          ? `  row ${e.rowNo}, ${field}: ${e.message.en}\n`
          : `  第 ${e.rowNo} 行 ${field}：${e.message.zh}\n`,
      );
    }
  }
  if (detail.job.errorsOmitted > 0)
    out.write(`${pick(omittedErrorsMessage(detail.job.errorsOmitted, KEPT_ERROR_ROWS), lang)}\n`);
}

function parseCommand(args: string[]): {
  file: string;
  format: ImportFormat;
  username: string;
  jurisdiction: string | undefined;
  lang: Lang;
} {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { jurisdiction: { type: 'string' }, user: { type: 'string' }, lang: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('name one file to import');
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new Error('the file must end in .csv or .xlsx');
  const lang = values.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw new Error('--lang is zh-CN or en');
  return {
    file,
    format: ext.slice(1) as ImportFormat,
    username: values.user ?? 'admin',
    jurisdiction: values.jurisdiction,
    lang,
  };
}

/** The importing user from the users table (the CLI runs as the database owner), or an operator identity. */
async function resolveUser(
  deps: ImportCommandDeps,
  username: string,
  jurisdiction: string | undefined,
): Promise<ImportUser | 'outside' | 'noJurisdiction'> {
  const rows = await deps.database.query<{ id: number; jurisdiction_code: string }>(
    'SELECT id, jurisdiction_code FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  if (row) {
    if (jurisdiction !== undefined && !isWithinJurisdiction(jurisdiction, row.jurisdiction_code)) return 'outside';
    return { id: Number(row.id), username, jurisdictionCode: jurisdiction ?? row.jurisdiction_code };
  }
  const code = jurisdiction ?? deps.defaultJurisdictionCode;
  return code ? { id: null, username, jurisdictionCode: code } : 'noJurisdiction';
}
