import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, multipartFile, type Session, type TestApp } from '../test/app.js';
import { insertTestPerson } from './test-persons.js';

// Issue 13: "departments send them by CSV/XLSX import with the same row reports as persons";
// "the same file … twice records each event once".

let t: TestApp;
let hospital: Session;
let police: Session;

beforeAll(async () => {
  t = await createTestApp(100);
  hospital = await login(t, 'hospital');
  police = await login(t, 'police');
});
afterAll(() => t.close());

async function importFile(s: Session, name: string, content: string | Buffer) {
  const file = multipartFile(name, content);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/life-event-imports',
    payload: file.payload,
    headers: { ...as(s).headers, ...file.headers },
  });
  return res;
}

/** The job runner runs the file after the request; wait for it (no clock involved, only the job's state). */
async function finished(s: Session, id: number) {
  for (let i = 0; i < 400; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/life-event-imports/${id}`, ...as(s) });
    if (['done', 'failed'].includes(res.json().status)) return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('importing a file of life events', () => {
  it('records the good rows, reports the bad one with its reason, and records nothing twice', async () => {
    const a = await insertTestPerson(t, { name: '导入甲', birthDate: '1958-02-02', sequence: '111' });
    const b = await insertTestPerson(t, { name: '导入乙', birthDate: '1993-03-03', sequence: '112' });
    const csv = [
      '事件类型,公民身份号码,事件日期,死亡地点,死因分类,孕产妇死亡,报送编号',
      `死亡,${a.idNumber},2026-09-01,家中,心脑血管疾病,否,`,
      `死亡,${b.idNumber},2026-09-02,医疗卫生机构,妊娠、分娩和产褥期并发症,是,H-2`,
      `死亡,53342319800101001X,2026-09-03,家中,肿瘤,否,H-3`,
      `死亡,${b.idNumber},2099-01-01,家中,=cmd|' /C calc'!A0,否,H-4`,
    ].join('\n');
    const started = await importFile(hospital, '死亡.csv', csv);
    expect(started.statusCode, started.body).toBe(202);
    const job = await finished(hospital, started.json().id);
    expect(job).toMatchObject({ status: 'done', processedRows: 4, inserted: 2, unchanged: 0, invalidRows: 2 });
    expect(job.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'lifeEvent.badIdNumber'],
      [5, 'causeCategory.formula'],
    ]);
    expect(job.errors[1].message).toMatch(/公式/);
    const deaths = await t.database.query<{ maternal: boolean; channel: string }>(
      'SELECT maternal, channel FROM life_events WHERE person_id = ANY($1::bigint[]) ORDER BY id',
      [[a.id, b.id]],
    );
    expect(deaths).toEqual([
      { maternal: false, channel: 'import' },
      { maternal: true, channel: 'import' },
    ]);
    // The same file again: every good row answers its first event (a row without a reference by one derived from it).
    const again = await finished(hospital, (await importFile(hospital, '死亡.csv', csv)).json().id);
    expect(again).toMatchObject({ status: 'done', inserted: 0, unchanged: 2, invalidRows: 2 });
    expect(
      await t.database.query('SELECT 1 FROM life_events WHERE person_id = ANY($1::bigint[])', [[a.id, b.id]]),
    ).toHaveLength(2);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/life-event-imports/${job.id}/errors.csv`,
      ...as(hospital),
    });
    expect(report.body).toContain('死因分类');
    // Public security does not see the hospital's files.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/life-event-imports/${job.id}`, ...as(police) })).statusCode,
    ).toBe(404);
    const persons = await t.app.inject({ method: 'GET', url: '/api/imports', ...as(await login(t, 'county')) });
    expect(persons.json().items.map((j: { fileName: string }) => j.fileName)).not.toContain('死亡.csv');
  });

  it('fails a file without the required columns, and refuses .xls', async () => {
    const job = await finished(police, (await importFile(police, 'x.csv', '姓名,日期\n张三,2026-01-01')).json().id);
    expect(job.status).toBe('failed');
    expect(job.failure.message).toMatch(/事件类型/);
    const xls = await importFile(police, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));
    expect(xls.json().code).toBe('import.legacyXls');
  });

  it('hands out the template with the ID column as text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/life-event-imports/template.xlsx', ...as(police) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
