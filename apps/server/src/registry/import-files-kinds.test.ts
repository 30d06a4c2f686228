import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, multipartFile, type TestApp, type Session } from '../test/app.js';
import { readXlsx } from '../exports/test-xlsx.js';

// The template as a workbook, and files the import cannot read refused with what to do (issue 12).

let t: TestApp;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(50);
  township = await login(t, 'township');
});
afterAll(() => t.close());

const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

async function upload(name: string, content: string | Buffer, lang = 'zh-CN') {
  const mp = multipartFile(name, content);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: mp.payload,
    headers: { ...mp.headers, ...as(township).headers, 'accept-language': lang },
  });
}

const jobCount = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM import_jobs'))[0]!.n);

describe('the import template as XLSX', () => {
  it('has the headers and an example whose 18-digit ID number is text, and imports as it is', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/template.xlsx', ...as(township) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('cradle-persons-template.xlsx');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      '姓名',
      '公民身份号码',
      '性别',
      '出生日期',
      '民族',
      '户籍地代码',
      '居住地代码',
      '户号',
      '与户主关系',
      '联系电话',
    ]);
    // A string cell with every digit, not the number 5.33E+17.
    expect(rows[1]![1]).toMatch(/^53342319900512002[\dX]$/);

    const imported = await upload('template.xlsx', res.rawPayload);
    expect(imported.statusCode).toBe(202);
    let job: { status: string; validRows: number; invalidRows: number } | undefined;
    for (let i = 0; i < 200 && !['done', 'failed'].includes(job?.status ?? ''); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.app.inject({ method: 'GET', url: `/api/imports/${imported.json().id}`, ...as(township) })).json();
    }
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 0 });
  });
});

describe('files the import cannot read', () => {
  it('refuses an .xls, saying to save it as .xlsx or CSV UTF-8, in both languages', async () => {
    const before = await jobCount();
    const zh = await upload('人员.xls', OLE2);
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'import.legacyXls' });
    expect(zh.json().message).toMatch(/另存为.*Excel 工作簿（\*\.xlsx）.*CSV UTF-8/);
    const en = await upload('persons.xls', OLE2, 'en');
    expect(en.json().message).toMatch(/Save As "Excel Workbook \(\*\.xlsx\)" or "CSV UTF-8/);
    expect(await jobCount()).toBe(before);
  });

  it('recognises an .xls renamed .xlsx or .csv by its contents, and starts no job', async () => {
    const before = await jobCount();
    for (const name of ['renamed.xlsx', 'renamed.csv']) {
      const res = await upload(name, OLE2);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().code, name).toBe('import.legacyXls');
    }
    expect(await jobCount()).toBe(before);
  });

  it('tells what to do with any other kind of file', async () => {
    const res = await upload('persons.numbers', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'import.unsupportedFormat' });
    expect(res.json().message).toMatch(/只能导入 \.xlsx 或 \.csv 文件.*另存为/);
  });
});

describe('the import job list as XLSX', () => {
  it('lists the jurisdiction’s recent jobs as the page does, and is audited', async () => {
    const listed = (await t.app.inject({ method: 'GET', url: '/api/imports', ...as(township) })).json().items;
    expect(listed.length).toBeGreaterThan(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/export.xlsx', ...as(township) });
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['文件名', '格式', '状态', '总行数']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((j: { fileName: string }) => j.fileName));
    expect(rows.find((r) => r[0] === 'template.xlsx')?.[2]).toBe('已完成');
    const audit = await t.database.query<{ username: string; details: { rows: number } }>(
      "SELECT username, details FROM audit_log WHERE action = 'registry.exportImportJobs' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit).toEqual([{ username: 'township', details: { filter: {}, rows: listed.length } }]);
    const other = await login(t, 'township2');
    const theirs = await readXlsx(
      (await t.app.inject({ method: 'GET', url: '/api/imports/export.xlsx', ...as(other) })).rawPayload,
    );
    expect(theirs).toHaveLength(1);
  });
});
