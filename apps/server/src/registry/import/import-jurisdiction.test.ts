import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService, type ImportService } from './service.js';
import {
  importTestContext,
  person,
  storedPersons,
  tempDir,
  user,
  writeCsv,
  type Cell,
  type ImportTestContext,
} from './test-files.js';

let ctx: ImportTestContext;
let service: ImportService;
let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ctx = await importTestContext();
  service = createImportService(ctx);
  ({ dir, remove: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
  await ctx.cleanup();
});

const BAOHE = user('533423101'); // 保和镇
const YEZHI = user('533423102'); // 叶枝镇
const COUNTY = user('533423');
const run = async (rows: Cell[][], importer: ReturnType<typeof user>, name: string) =>
  service.run({
    filePath: await writeCsv(dir, name, rows),
    fileName: path.basename(name),
    format: 'csv',
    user: importer,
    clientIp: null,
  });

describe('a township user importing', () => {
  it('cannot import a person who lives in another township', async () => {
    const job = await run([person(0), person(1, { 居住地代码: '533423102201' })], BAOHE, 'baohe.csv');
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 1 });
    const detail = await service.get({ jurisdictionCode: '533423101' }, job.id);
    expect(detail!.errors.map((e) => [e.rowNo, e.code])).toEqual([[3, 'residenceRegion.outsideJurisdiction']]);
  });

  it("cannot see another township's job, while the county sees both", async () => {
    const yezhiJob = await run([person(2, { 居住地代码: '533423102201' })], YEZHI, 'yezhi.csv');
    expect(yezhiJob.status).toBe('done');
    expect(await service.get({ jurisdictionCode: '533423101' }, yezhiJob.id)).toBeNull();
    expect(await service.errorsCsv({ jurisdictionCode: '533423101' }, yezhiJob.id, 'zh-CN')).toBeNull();
    const baoheJobs = await service.list({ jurisdictionCode: '533423101' });
    expect(baoheJobs.map((j) => j.jurisdictionCode)).toEqual(['533423101']);
    const countyJobs = await service.list({ jurisdictionCode: '533423' });
    expect(countyJobs.map((j) => j.jurisdictionCode).sort()).toEqual(['533423101', '533423102']);
  });

  it('cannot take over a person registered in another township', async () => {
    const yezhiPerson = person(2, { 居住地代码: '533423101001' }); // the person 叶枝镇 imported above
    const job = await run([yezhiPerson], BAOHE, 'takeover.csv');
    expect(job).toMatchObject({ status: 'done', validRows: 0, invalidRows: 1 });
    const detail = await service.get({ jurisdictionCode: '533423101' }, job.id);
    expect(detail!.errors[0]).toMatchObject({ rowNo: 2, field: 'idNumber', code: 'idNumber.registeredElsewhere' });
    const stored = await storedPersons(ctx, [yezhiPerson[1] as string]);
    expect(stored.map((p) => p.residence_region_code)).toEqual(['533423102201']);
  });

  it('cannot take over a person whose hukou is here but who lives in another township, and still loads the rest of the batch', async () => {
    const living = person(6, { 户籍地代码: '533423101001', 居住地代码: '533423102201' });
    expect(await run([living], YEZHI, 'hukou-baohe.csv')).toMatchObject({ status: 'done', inserted: 1 });
    // 保和镇 sees this person (hukou) but may not change them (residence elsewhere).
    const claimed = person(6, { 户籍地代码: '533423101001', 居住地代码: '533423101001' });
    const job = await run([person(7), claimed], BAOHE, 'hukou-claim.csv');
    expect(job).toMatchObject({ status: 'done', inserted: 1, updated: 0, invalidRows: 1 });
    const detail = await service.get({ jurisdictionCode: '533423101' }, job.id);
    expect(detail!.errors.map((e) => [e.rowNo, e.code])).toEqual([[3, 'idNumber.registeredElsewhere']]);
    const stored = await storedPersons(ctx, [living[1] as string, person(7)[1] as string]);
    expect(stored.map((p) => p.residence_region_code)).toEqual(['533423102201', '533423101001']);
  });

  it("cannot join a household of another township's", async () => {
    await run(
      [person(3, { 居住地代码: '533423102201', 户号: 'YZ-0001', 与户主关系: '户主' })],
      YEZHI,
      'yezhi-household.csv',
    );
    const job = await run(
      [person(4, { 户号: 'YZ-0001', 与户主关系: '子' }), person(5, { 户号: 'BH-0001', 与户主关系: '户主' })],
      BAOHE,
      'join.csv',
    );
    expect(job).toMatchObject({ status: 'done', validRows: 1, invalidRows: 1 });
    const detail = await service.get({ jurisdictionCode: '533423101' }, job.id);
    expect(detail!.errors[0]).toMatchObject({
      rowNo: 2,
      field: 'householdNo',
      code: 'householdNo.registeredElsewhere',
    });
    const households = await ctx.database.query<{ household_no: string; region_code: string }>(
      'SELECT household_no, region_code FROM households ORDER BY household_no',
    );
    expect(households).toEqual([
      { household_no: 'BH-0001', region_code: '533423101001' },
      { household_no: 'YZ-0001', region_code: '533423102201' },
    ]);
  });

  it('lets the county move a person between its townships', async () => {
    const moved = person(2, { 居住地代码: '533423101001' });
    const job = await run([moved], COUNTY, 'move.csv');
    expect(job).toMatchObject({ status: 'done', updated: 1 });
    const stored = await storedPersons(ctx, [moved[1] as string]);
    expect(stored[0]!.residence_region_code).toBe('533423101001');
  });
});
