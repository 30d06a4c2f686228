import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService, type ImportService } from './service.js';
import {
  HEADERS,
  importTestContext,
  person,
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

const OPTIONAL = ['民族', '户号', '与户主关系', '联系电话'];
const REQUIRED_ONLY = HEADERS.filter((h) => !OPTIONAL.includes(h));
const FULL = [
  person(0, { 民族: '纳西族', 户号: 'RI-0001', 与户主关系: '户主', 联系电话: '13800138000' }, '530102'),
  person(1, { 户号: 'RI-0001', 与户主关系: '配偶', 联系电话: '13900139000' }, '530102'),
];
const ids = FULL.map((r) => r[1] as string);

/** The row with only the given columns, in that order. */
const only = (row: readonly Cell[], headers: readonly string[]) => headers.map((h) => row[HEADERS.indexOf(h)]!);

async function run(rows: readonly (readonly Cell[])[], headers: readonly string[] = HEADERS) {
  const file = await writeCsv(
    dir,
    `reimport-${Date.now()}-${Math.random()}.csv`,
    rows.map((r) => only(r, headers)),
    { headers },
  );
  return service.run({
    filePath: file,
    fileName: path.basename(file),
    format: 'csv',
    user: user('533423'),
    clientIp: null,
  });
}

async function stored() {
  const rows = await ctx.database.query<{
    name: string;
    ethnicity: string | null;
    household_id: number | null;
    relation_to_head: string | null;
    phone_cipher: Uint8Array | null;
    updated_at: Date;
  }>(
    `SELECT name, ethnicity, household_id, relation_to_head, phone_cipher, updated_at FROM persons
     WHERE id_blind_index = ANY ($1::bytea[]) ORDER BY id`,
    [ids.map((id) => ctx.pii.idBlindIndex(id))],
  );
  return rows.map((r) => ({
    name: r.name,
    ethnicity: r.ethnicity,
    householdId: r.household_id === null ? null : Number(r.household_id),
    relation: r.relation_to_head,
    phone: r.phone_cipher === null ? null : ctx.decryptPhone(r.phone_cipher),
    updatedAt: r.updated_at.getTime(),
  }));
}

describe('re-importing a file that lacks optional columns', () => {
  it('keeps ethnicity, household, relation and phone, and counts the rows unchanged', async () => {
    expect(await run(FULL)).toMatchObject({ status: 'done', inserted: 2 });
    const before = await stored();
    expect(before[0]).toMatchObject({ ethnicity: '纳西族', relation: 'head', phone: '13800138000' });
    expect(before[0]!.householdId).not.toBeNull();

    const job = await run(FULL, REQUIRED_ONLY);
    expect(job).toMatchObject({ status: 'done', validRows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await stored()).toEqual(before);
  });

  it('updates the columns the file has and keeps the ones it lacks', async () => {
    const before = await stored();
    const renamed = [person(0, { 姓名: '和建国' }, '530102'), FULL[1]!];
    const job = await run(renamed, REQUIRED_ONLY);
    expect(job).toMatchObject({ status: 'done', updated: 1, unchanged: 1 });
    const after = await stored();
    expect(after[0]).toMatchObject({ ...before[0], name: '和建国', updatedAt: expect.any(Number) });
    expect(after[1]).toEqual(before[1]);
  });

  it('keeps a phone the file lacks when only some optional columns are present', async () => {
    const headers = HEADERS.filter((h) => h !== '联系电话');
    const job = await run(
      [person(0, { 姓名: '和建国', 民族: '纳西族', 户号: 'RI-0001', 与户主关系: '户主' }, '530102'), FULL[1]!],
      headers,
    );
    expect(job).toMatchObject({ status: 'done', updated: 0, unchanged: 2 });
    expect((await stored()).map((p) => p.phone)).toEqual(['13800138000', '13900139000']);
  });
});

describe('re-importing a file with the optional columns', () => {
  it('counts identical rows, phone included, as unchanged', async () => {
    const renamedFull = [
      person(
        0,
        { 姓名: '和建国', 民族: '纳西族', 户号: 'RI-0001', 与户主关系: '户主', 联系电话: '13800138000' },
        '530102',
      ),
      FULL[1]!,
    ];
    expect(await run(renamedFull)).toMatchObject({ status: 'done', updated: 0, unchanged: 2 });
  });

  it('updates a row whose phone alone changed', async () => {
    const newPhone = [
      person(
        0,
        { 姓名: '和建国', 民族: '纳西族', 户号: 'RI-0001', 与户主关系: '户主', 联系电话: '13700137000' },
        '530102',
      ),
      FULL[1]!,
    ];
    expect(await run(newPhone)).toMatchObject({ status: 'done', updated: 1, unchanged: 1 });
    expect((await stored())[0]!.phone).toBe('13700137000');
  });

  it('clears a value whose column is present but whose cell is blank', async () => {
    const cleared = [FULL[0]!, person(1, {}, '530102')];
    const job = await run(cleared);
    expect(job).toMatchObject({ status: 'done', updated: 2 });
    expect((await stored())[1]).toMatchObject({ ethnicity: '傈僳族', householdId: null, relation: null, phone: null });
  });
});

describe('re-importing a household whose head has moved', () => {
  const householdOf = async (no: string) =>
    (
      await ctx.database.query<{ region_code: string }>('SELECT region_code FROM households WHERE household_no = $1', [
        no,
      ])
    )[0]?.region_code;

  it('moves the household with its head, not with its other members, and keeps one household record', async () => {
    const head = (village: string) =>
      person(10, { 户号: 'MV-0001', 与户主关系: '户主', 居住地代码: village }, '530102');
    const child = (village: string) => person(11, { 户号: 'MV-0001', 与户主关系: '子', 居住地代码: village }, '530102');
    expect(await run([head('533423101001'), child('533423101001')])).toMatchObject({ status: 'done', inserted: 2 });
    expect(await householdOf('MV-0001')).toBe('533423101001');
    // A member's move alone leaves the household where it is.
    expect(await run([child('533423102201')])).toMatchObject({ status: 'done', updated: 1 });
    expect(await householdOf('MV-0001')).toBe('533423101001');
    expect(await run([head('533423102201')])).toMatchObject({ status: 'done', updated: 1 });
    expect(await householdOf('MV-0001')).toBe('533423102201');
    const count = await ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM households WHERE household_no = 'MV-0001'",
    );
    expect(count[0]!.n).toBe(1);
  });
});

describe('re-importing a person who had no phone', () => {
  it('stores a phone the file now gives, then counts the same row unchanged', async () => {
    const without = person(12, {}, '530102');
    const withPhone = person(12, { 联系电话: '13600136000' }, '530102');
    expect(await run([without])).toMatchObject({ status: 'done', inserted: 1 });
    expect(await run([without])).toMatchObject({ status: 'done', unchanged: 1 });
    expect(await run([withPhone])).toMatchObject({ status: 'done', updated: 1 });
    expect(await run([withPhone])).toMatchObject({ status: 'done', unchanged: 1 });
    expect(await run([without])).toMatchObject({ status: 'done', updated: 1 });
    const phone = await ctx.database.query<{ phone_cipher: Uint8Array | null }>(
      'SELECT phone_cipher FROM persons WHERE id_blind_index = $1',
      [ctx.pii.idBlindIndex(withPhone[1] as string)],
    );
    expect(phone[0]!.phone_cipher).toBeNull();
  });
});
