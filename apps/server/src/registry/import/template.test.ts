import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from './service.js';
import { importTemplateCsv } from './template.js';
import { importTestContext, tempDir, user, type ImportTestContext } from './test-files.js';

let ctx: ImportTestContext;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

describe('the import template', () => {
  it('has the Chinese headers behind a UTF-8 BOM', () => {
    const [header] = importTemplateCsv().split('\r\n');
    expect(header).toBe('\uFEFF姓名,公民身份号码,性别,出生日期,民族,户籍地代码,居住地代码,户号,与户主关系,联系电话');
  });

  it('imports as it is, its example row valid', async () => {
    const file = path.join(dir, 'template.csv');
    await writeFile(file, importTemplateCsv());
    const job = await createImportService(ctx).run({
      filePath: file,
      fileName: 'template.csv',
      format: 'csv',
      user: user('533423101'),
      clientIp: null,
    });
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 0, inserted: 1 });
  });
});
