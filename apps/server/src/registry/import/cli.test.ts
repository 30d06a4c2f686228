import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from './cli.js';
import { HEADERS, importTestContext, person, tempDir, writeCsv, type ImportTestContext } from './test-files.js';

let ctx: ImportTestContext;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  ({ dir, remove: removeDir } = await tempDir());
  await ctx.database.query(
    `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_code) VALUES ('baohe', '保和镇管理员', 'x', '{registry}', '533423101')`,
  );
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

function capture() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false }, text: () => text };
}

async function runCli(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await importCommand(args, {
    ...ctx,
    stdout: out.stream,
    stderr: err.stream,
    defaultJurisdictionCode: '533423',
  });
  return { code, out: out.text(), err: err.text() };
}

describe('the import command', () => {
  it('imports, prints a summary and the row errors, and writes the full report beside the file', async () => {
    const file = await writeCsv(dir, 'cli.csv', [person(0), person(1, { 性别: '女' }), person(2)]);
    const { code, out } = await runCli([file, '--user', 'baohe']);
    expect(code).toBe(0);
    expect(out).toContain('成功 2 行');
    expect(out).toContain('错误 1 行');
    expect(out).toContain('第 3 行 性别：');
    const report = await readFile(`${file}.errors.csv`, 'utf8');
    expect(report.startsWith('\uFEFF行号,字段,错误代码,说明')).toBe(true);
    expect(report).toContain('3,性别,sex.mismatch,');
  });

  it('speaks English with --lang en', async () => {
    const file = await writeCsv(dir, 'cli-en.csv', [person(0), person(3, { 姓名: null })]);
    const { code, out } = await runCli([file, '--jurisdiction', '533423', '--user', 'operator', '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('1 loaded (0 new, 0 updated, 1 unchanged), 1 with errors');
    expect(out).toContain('row 3, Name: Name is required');
    expect(await readFile(`${file}.errors.csv`, 'utf8')).toContain('Row,Field,Error code,Message');
  });

  it('reports warnings about the file even when every row loaded', async () => {
    const file = await writeCsv(dir, 'cli-note.csv', [[...person(6), 'x']], { headers: [...HEADERS, '备注'] });
    const { code, out } = await runCli([file, '--user', 'baohe']);
    expect(code).toBe(0);
    expect(out).toContain('错误 0 行');
    expect(out).toContain('  第1行（表头）“备注”不是可识别的列名，该列未导入\n');
    expect(await readFile(`${file}.errors.csv`, 'utf8')).toContain('1,文件,header.unknown,');
  });

  it('exits 1 when the import fails, saying why', async () => {
    const file = await writeCsv(dir, 'cli-bad.csv', [person(4).slice(0, 2)], { headers: HEADERS.slice(0, 2) });
    const { code, err } = await runCli([file]);
    expect(code).toBe(1);
    expect(err).toContain('导入失败');
    expect(err).toContain('居住地代码');
  });

  it('refuses a jurisdiction outside the user’s own, and a file that is not CSV or XLSX', async () => {
    const file = await writeCsv(dir, 'cli-outside.csv', [person(5)]);
    expect((await runCli([file, '--user', 'baohe', '--jurisdiction', '533423102'])).code).toBe(1);
    const usage = await runCli(['people.txt']);
    expect(usage.code).toBe(1);
    expect(usage.err).toContain('usage: import');
  });
});
