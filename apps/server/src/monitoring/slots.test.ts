import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';

// Issue 14, "Slots against targets": the slot indicators count the filed institutions, from the
// version in force at each year's end, and a closed one counts none; hand-computed cases.

let t: TestApp;
let county: Session;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(400);
  county = await login(t, 'county');
  township = await login(t, 'township');
  const owner = t.users.find((u) => u.username === 'institution')!;
  const ownerId = Number(
    (await t.database.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [owner.username]))[0]!.id,
  );
  // 保和镇 (533423101): A 30/20 filed 2023-03-10, changed to 40/25 on 2025-02-01;
  // C 10/10 filed 2023-05-01, closed 2024-09-01. 533423102: B 50/30 filed 2024-06-01.
  // D pending (received, never filed): counts nowhere.
  await institution(ownerId, 'A', '533423101001', 'filed', null, [
    ['filing', '2023-03-10', 30, 20],
    ['change', '2025-02-01', 40, 25],
  ]);
  await institution(ownerId, 'C', '533423101', 'closed', '2024-09-01', [['filing', '2023-05-01', 10, 10]]);
  await institution(ownerId, 'B', '533423102', 'filed', null, [['filing', '2024-06-01', 50, 30]]);
  await institution(ownerId, 'D', '533423101', 'pending', null, [['filing', null, 90, 90]]);
}, 120_000);
afterAll(() => t.close());

let seq = 0;
async function institution(
  owner: number,
  name: string,
  region: string,
  status: string,
  closedOn: string | null,
  versions: [kind: string, decidedOn: string | null, slots: number, affordable: number][],
) {
  seq++;
  const first17 = `91533423MA6K1000${seq}`;
  const filed = versions.filter((v) => v[1] !== null).length;
  const [{ id }] = (await t.database.query<{ id: number }>(
    `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status, filing_no, filed_version, closed_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      first17 + computeUsccCheckCharacter(first17),
      region,
      owner,
      name,
      status,
      status === 'pending' ? null : `TY533423T0000${seq}`,
      filed || null,
      closedOn,
    ],
  )) as [{ id: number }];
  for (const [i, [kind, decidedOn, slots, affordableSlots]] of versions.entries())
    await t.database.query(
      `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on,
         review_deadline, decided_on, decided_by, submitted_by, submitted_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, 'test')`,
      [
        id,
        i + 1,
        kind,
        decidedOn ? 'filed' : 'received',
        region,
        JSON.stringify({ name, slots, affordableSlots }),
        decidedOn ?? '2025-12-01',
        decidedOn,
        decidedOn ? owner : null,
        owner,
      ],
    );
}

interface Cell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
}
const get = async (url: string, s: Session) => {
  const res = await t.app.inject({ method: 'GET', url, ...as(s) });
  expect(res.statusCode).toBe(200);
  return res;
};
async function card(year: number, region = '533423') {
  const res = await get(`/api/monitoring/scorecard?plan=weixi.2023&year=${year}&region=${region}`, county);
  const rows = res.json<{ rows: { target: { indicator: string; value: string }; current: Cell }[] }>().rows;
  return (code: string) => rows.find((r) => r.target.indicator === code);
}

describe('slots against targets (issue 14)', () => {
  it('counts 维西’s filed slots at each year’s end against annex 3’s 442/266, 586/352, 656/396', async () => {
    // 2023: A 30/20 + C 10/10 = 40/30; 2024: A 30/20 + B 50/30 (C closed) = 80/50; 2025: A 40/25 + B = 90/55.
    for (const [year, slots, affordable, target, affordableTarget] of [
      [2023, 40, 30, '442', '266'],
      [2024, 80, 50, '586', '352'],
      [2025, 90, 55, '656', '396'],
    ] as const) {
      const row = await card(year);
      expect(row('childcareSlots')).toMatchObject({ target: { value: target }, current: { value: slots } });
      expect(row('affordableChildcareSlots')).toMatchObject({
        target: { value: affordableTarget },
        current: { value: affordable, status: 'notMet' },
      });
    }
  });

  it('gives slots per 1,000 residents against 4.5 and 2.7, by township in the league', async () => {
    const row = (await card(2025))('slotsPer1000')!;
    expect(row.target.value).toBe('4.5');
    expect(row.current.numerator).toBe(90);
    expect(row.current.value).toBeCloseTo((90 * 1000) / row.current.denominator!, 9);
    const res = await get('/api/monitoring/league?plan=weixi.2023&year=2025&region=533423', county);
    const league = res.json<{
      targets: { target: { indicator: string; value: string } }[];
      rows: { region: { code: string }; cells: Cell[] }[];
    }>();
    const col = league.targets.findIndex((x) => x.target.indicator === 'affordableSlotsPer1000');
    expect(league.targets[col]!.target.value).toBe('2.7');
    const cell = (code: string) => league.rows.find((r) => r.region.code === code)!.cells[col]!;
    // 保和镇: A's 25 (C closed, D never filed); 533423102: B's 30.
    expect(cell('533423101').numerator).toBe(25);
    expect(cell('533423102').numerator).toBe(30);
    expect(cell('533423101').value).toBeCloseTo((25 * 1000) / cell('533423101').denominator!, 9);
  });

  it('shows a township only its own institutions’ slots, unjudged against the county’s total', async () => {
    const res = await get('/api/monitoring/scorecard?plan=weixi.2023&year=2025', township);
    const rows = res.json<{ rows: { target: { indicator: string }; current: Cell & { reason: string } }[] }>().rows;
    // 保和镇's 40 is A's alone; annex 3's 656 is the county's, with no township share (REQUIREMENTS B2).
    expect(rows.find((r) => r.target.indicator === 'childcareSlots')!.current).toMatchObject({
      value: 40,
      status: null,
      reason: 'notBrokenDown',
    });
    // The per-1,000 rate does judge the township: the test county's few residents put 40 slots far
    // above 4.5 per 1,000.
    const rate = rows.find((r) => r.target.indicator === 'slotsPer1000')!.current;
    expect(rate.numerator).toBe(40);
    expect(rate.value).toBeCloseTo((40 * 1000) / rate.denominator!, 9);
    expect(rate.value).toBeGreaterThan(4.5);
    expect(rate.status).toBe('met');
  });

  it('leaves the townships’ slot counts unjudged in the league, and the county’s judged', async () => {
    const res = await get('/api/monitoring/league?plan=weixi.2023&year=2024&region=533423', county);
    const league = res.json<{
      targets: { target: { indicator: string } }[];
      rows: { region: { code: string }; cells: (Cell & { reason: string })[] }[];
    }>();
    const col = (code: string) => league.targets.findIndex((x) => x.target.indicator === code);
    const cell = (region: string, code: string) => league.rows.find((r) => r.region.code === region)!.cells[col(code)]!;
    // 2024: 保和镇 A's 30/20 (C closed on 2024-09-01); 533423102 B's 50/30.
    expect(cell('533423101', 'childcareSlots')).toMatchObject({ value: 30, status: null, reason: 'notBrokenDown' });
    expect(cell('533423102', 'affordableChildcareSlots')).toMatchObject({ value: 30, status: null });
    const countyRow = (await card(2024))('childcareSlots')!;
    expect(countyRow.current).toMatchObject({ value: 80, status: 'notMet' });
  });
});
