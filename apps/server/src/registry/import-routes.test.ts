import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, multipartFile, type TestApp, type Session } from '../test/app.js';

let t: TestApp;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(200);
  township = await login(t, 'township');
});
afterAll(() => t.close());

const id = (birth: string, seq: string) => `533423${birth}${seq}` + computeIdCheckCharacter(`533423${birth}${seq}`);
const HEADER = '姓名,公民身份号码,性别,出生日期,民族,户籍地代码,居住地代码,户号,与户主关系,联系电话';

async function upload(name: string, content: string | Buffer, s = township) {
  const mp = multipartFile(name, content);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: mp.payload,
    headers: { ...mp.headers, ...as(s).headers },
  });
}

async function waitDone(jobId: number, s = township) {
  for (let i = 0; i < 200; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, ...as(s) });
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('import over HTTP', () => {
  it('loads the valid rows of an uploaded CSV and reports the bad one in the user’s language', async () => {
    const csv = [
      HEADER,
      `王小明,${id('19900101', '101')},男,1990-01-01,汉族,533423101001,533423101001,HH-T-1,户主,`,
      `李小红,${id('19920202', '102')},男,1992-02-02,汉族,533423101001,533423101001,HH-T-1,配偶,`,
    ].join('\n');
    const started = await upload('persons.csv', csv);
    expect(started.statusCode).toBe(202);
    const job = await waitDone(started.json().id);
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 1, inserted: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, field: 'sex', code: 'sex.mismatch' })]);
    expect(job.errors[0].message).toMatch(/性别/);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${started.json().id}/errors.csv`,
      ...as(township, { 'accept-language': 'en' }),
    });
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.body).toMatch(/^\uFEFF/);
    expect(report.body).toMatch(/\r\n3,Sex,sex.mismatch,"Sex does not match the ID number/);
  });

  it('keeps the file name without bidirectional or other hidden characters', async () => {
    const csv = [HEADER, `王小华,${id('19900303', '103')},男,1990-03-03,汉族,533423101001,533423101001,,,`].join('\n');
    const started = await upload('人口\u202Evsc.exe\u2066.csv', csv);
    expect(started.statusCode).toBe(202);
    expect((await waitDone(started.json().id)).fileName).toBe('人口vsc.exe.csv');
    const [audit] = await t.database.query<{ details: { fileName: string } }>(
      "SELECT details FROM audit_log WHERE action = 'registry.importStart' AND target_id = $1",
      [String(started.json().id)],
    );
    expect(audit!.details.fileName).toBe('人口vsc.exe.csv');
  });

  it('refuses a row whose free text starts like a formula, with a row error, and stores nothing of it', async () => {
    const idNumber = id('19900404', '104');
    const csv = [HEADER, `王小丽,${idNumber},女,1990-04-04,=1+2,533423101001,533423101001,-A1,,`].join('\n');
    const started = await upload('formula-text.csv', csv);
    const job = await waitDone(started.json().id);
    expect(job).toMatchObject({ status: 'done', validRows: 0, invalidRows: 1, inserted: 0 });
    expect(job.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['ethnicity', 'ethnicity.formula'],
      ['householdNo', 'householdNo.formula'],
    ]);
    expect(job.errors[0].message).toBe(
      '民族“=1+2”不能以“=”开头：电子表格软件会把这样的内容当作公式执行；请删除开头的符号',
    );
    const stored = await t.database.query("SELECT 1 FROM persons WHERE name = '王小丽'");
    expect(stored).toEqual([]);
  });

  it('streams the error report byte for byte: BOM, header, quoted cells', async () => {
    const csv = [HEADER, `"=1+2",${id('19900101', '101')},女,1990-01-01,汉族,533423101001,533423101001,,,`].join('\n');
    const jobId = (await upload('formula.csv', csv)).json().id;
    expect(await waitDone(jobId)).toMatchObject({ invalidRows: 1, errorsOmitted: 0 });
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${jobId}/errors.csv`,
      ...as(township, { 'accept-language': 'en' }),
    });
    expect(report.headers['content-disposition']).toBe(`attachment; filename="import-${jobId}-errors.csv"`);
    expect(report.body).toBe(
      '\uFEFFRow,Field,Error code,Message\r\n' +
        '2,Name,name.invalidCharacters,"Name contains characters that are not allowed: “=”、“1”、“+”、“2”. Use letters, the middle dot ""·"", spaces and hyphens only"\r\n' +
        '2,Sex,sex.mismatch,"Sex does not match the ID number: the number shows male, the row says female"\r\n',
    );
  });

  it('refuses a file that is neither CSV nor XLSX, and keeps jobs to the jurisdiction', async () => {
    const bad = await upload('persons.pdf', '%PDF-1.4');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('import.unsupportedFormat');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/imports', ...as(township) })).json().items;
    expect(mine.length).toBeGreaterThan(0);
    const other = await login(t, 'township2');
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/imports', ...as(other) })).json().items;
    expect(theirs).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${mine[0].id}`, ...as(other) })).statusCode).toBe(
      404,
    );
  });

  it('does not let a department operator import', async () => {
    const hospital = await login(t, 'hospital');
    expect((await upload('persons.csv', HEADER, hospital)).statusCode).toBe(403);
  });

  it('serves the template with the Chinese headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/template.csv', ...as(township) });
    expect(res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
  });
});
