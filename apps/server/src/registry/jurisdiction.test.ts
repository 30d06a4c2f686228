import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import { createPii } from '../crypto/pii.js';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { createUser } from '../auth/index.js';
import { DEMO_PASSWORD } from '../demo/index.js';

// Issue 2: "A test must walk every registered route and prove that a township user never
// sees another township's person." The probe lives in 叶枝镇 (533423102); the user works in
// 保和镇 (533423101). Every route is called with every way of naming the probe.

let t: TestApp;
let township: Session;
const probe = { name: '探针外乡人', idNumber: '', id: 0 };
const own = { name: '探针本乡人', idNumber: '', id: 0 };

function idNumber(seq: string): string {
  const first17 = `533423198801${seq}`;
  return first17 + computeIdCheckCharacter(first17);
}

async function insertPerson(p: typeof probe, village: string): Promise<number> {
  const pii = createPii(t.keys);
  const rows = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
     VALUES ($1, 'male', '1988-01-15', 'resident', $2, $3, $4, $5, $5, 'test', 'probe') RETURNING id`,
    [p.name, pii.encryptIdNumber(p.idNumber), pii.idBlindIndex(p.idNumber), maskIdNumber(p.idNumber), village],
  );
  return Number(rows[0]!.id);
}

beforeAll(async () => {
  t = await createTestApp(2000);
  probe.idNumber = idNumber('15901');
  own.idNumber = idNumber('15903');
  probe.id = await insertPerson(probe, '533423102001');
  own.id = await insertPerson(own, '533423101001');
  // An application for the probe under the probe's own id, so every ':id' route names something of theirs.
  await t.database.query(
    `INSERT INTO applications (id, scheme_code, beneficiary_id, region_code, channel, status, level) VALUES ($1, 'national.childcareSubsidy', $1, '533423102001', 'villageWorker', 'inReview', 'township')`,
    [probe.id],
  );
  // A childbirth registration and a newborn bundle of the probe's family, also under the probe's id (issue 4).
  const pii = createPii(t.keys);
  await t.database.query(
    `INSERT INTO childbirth_registrations (id, registration_no, region_code, channel, married, child_status, mother_name, mother_id_cipher,
       mother_id_blind_index, mother_id_masked, parity, commitment_text, status, deadline)
     VALUES ($1, 'SYPROBE', '533423102001', 'portal', false, 'pregnant', $2, $3, $4, $5, 1, '承诺', 'submitted', '2026-12-01')`,
    [
      probe.id,
      probe.name,
      pii.encryptIdNumber(probe.idNumber),
      pii.idBlindIndex(probe.idNumber),
      maskIdNumber(probe.idNumber),
    ],
  );
  await t.database.query(
    `INSERT INTO newborn_bundles (id, bundle_no, region_code, newborn_name, newborn_sex, birth_date, birth_time, birth_place, hospital_name,
       mother_name, mother_id_cipher, mother_id_masked, services, status)
     VALUES ($1, 'CSPROBE', '533423102001', $2, 'male', '2026-11-01', '08:00', '叶枝镇', '叶枝镇卫生院', $2, $3, $4, ARRAY['birthCertificate'], 'inProgress')`,
    [probe.id, probe.name, pii.encryptIdNumber(probe.idNumber), maskIdNumber(probe.idNumber)],
  );
  await t.database.query(
    `INSERT INTO bundle_tasks (id, bundle_id, service, department, region_code, status, deadline) VALUES ($1, $1, 'birthCertificate', 'hospital', '533423102001', 'pending', '2026-12-01')`,
    [probe.id],
  );
  // A special-family file of the probe's family (issue 16), also under the probe's id: the most
  // sensitive record, which another township must never reach.
  await t.database.query(
    `INSERT INTO special_family_files (id, region_code, kind, child_person_id, mother_person_id, event_date, status, proposed_by, proposed_by_name)
     VALUES ($1, '533423102001', 'bereaved', $1, $1, '2025-01-01', 'confirmed', 1, '叶枝镇 工作人员')`,
    [probe.id],
  );
  await t.database.query(
    `INSERT INTO special_family_visits (file_id, region_code, due_date) VALUES ($1, '533423102001', '2026-01-01')`,
    [probe.id],
  );
  // A filed childcare institution of 叶枝镇 named as the probe, under the probe's id, with an
  // inspection, a rectification, a rating and an incident (issue 14, supervision).
  await t.database.query(
    `INSERT INTO childcare_institutions (id, uscc, region_code, owner_user_id, name, status, filing_no, filed_version)
     VALUES ($1, '91533423MA6K99999X', '533423102001', 1, $2, 'filed', 'TYPROBE', 1)`,
    [probe.id, probe.name],
  );
  await t.database.query(
    `INSERT INTO childcare_filings (id, institution_id, version, kind, state, region_code, content, received_on, review_deadline,
       decided_on, decided_by, submitted_by, submitted_by_name)
     VALUES ($1, $1, 1, 'filing', 'filed', '533423102001', $2::jsonb, '2026-01-05', '2026-01-12', '2026-01-06', 1, 1, $3)`,
    [
      probe.id,
      JSON.stringify({ name: probe.name, type: 'kindergartenClass', slots: 20, affordableSlots: 10 }),
      probe.name,
    ],
  );
  await t.database.query(
    `INSERT INTO childcare_inspections (id, institution_id, region_code, area, inspected_on, department, inspector_id,
       inspector_name, findings, passed)
     VALUES ($1, $1, '533423102001', 'fire', '2026-01-10', 'healthCommission', 1, $2, '[]'::jsonb, false)`,
    [probe.id, probe.name],
  );
  await t.database.query(
    `INSERT INTO childcare_rectifications (id, inspection_id, institution_id, region_code, item, requirement, due_on, state)
     VALUES ($1, $1, $1, '533423102001', 'fire.exits', $2, '2026-01-20', 'open')`,
    [probe.id, probe.name],
  );
  await t.database.query(
    `INSERT INTO childcare_incidents (institution_id, region_code, occurred_on, severity, summary, injured, deaths, recorded_by, recorded_by_name)
     VALUES ($1, '533423102001', '2026-02-01', 'major', $2, 1, 0, 1, $2)`,
    [probe.id, probe.name],
  );
  // The same institution paid the slot award (issue 14): neither its payment nor its trace may
  // reach another township.
  await t.database.query(
    `INSERT INTO payment_batches (id, scheme_code, period_key, jurisdiction_code, status) VALUES ($1, 'weixi.childcareSlotAward', 'once', '533423', 'complete')`,
    [probe.id],
  );
  await t.database.query(
    `INSERT INTO payments (id, scheme_code, period_key, beneficiary_id, beneficiary_kind, amount_fen, batch_id, region_code)
     VALUES ($1, 'weixi.childcareSlotAward', 'once', $1, 'institution', 4000000, $1, '533423102')`,
    [probe.id],
  );
  await t.database.query(
    `INSERT INTO institution_payment_traces (payment_id, institution_id, region_code, slots, affordable_slots, judged_on, trace)
     VALUES ($1, $1, '533423102', 30, 20, '2026-12-01', $2)`,
    [probe.id, JSON.stringify([{ saw: { zh: probe.name, en: probe.name } }])],
  );
  // 叶枝镇's annual report (issue 15) under the probe's id, its text naming the probe: another
  // township must never read it.
  await t.database.query(
    `INSERT INTO annual_reports (id, year, region_code, due_date, status, figures, body, opened_by, opened_by_name)
     VALUES ($1, 2025, '533423102', '2025-11-30', 'open', '{"asOf":"2025-11-01","groups":[]}'::jsonb, $2, 1, '县卫生健康局')`,
    [probe.id, probe.name],
  );
  township = await login(t, 'township');
});
afterAll(() => t.close());

/** Every way a request can name the probe: path parameters, query and body. */
function variants(url: string, target: typeof probe) {
  const path = url
    .replace(':id', String(target.id))
    .replace(':contactId', String(target.id))
    .replace(':code', '533423102');
  const queries = [
    '',
    `?name=${encodeURIComponent(target.name)}`,
    `?idNumber=${target.idNumber}`,
    '?region=533423102',
    '?region=533423102001',
    `?personId=${target.id}&scheme=national.childcareSubsidy&period=2025`,
  ];
  return queries.map((q) => path + q);
}

describe('jurisdiction walk', () => {
  it('covers the registry routes (the walk is not vacuous)', () => {
    const urls = t.app.routeList.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/persons',
        'GET /api/persons/:id',
        'POST /api/persons/:id/reveal',
        'GET /api/dashboard',
      ]),
    );
  });

  it('shows the township user its own probe through the same routes', async () => {
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/persons?name=${encodeURIComponent(own.name)}`,
      ...as(township),
    });
    expect(seen.json().items.map((p: { name: string }) => p.name)).toEqual([own.name]);
    expect((await t.app.inject({ method: 'GET', url: `/api/persons/${own.id}`, ...as(township) })).statusCode).toBe(
      200,
    );
  });

  it('never returns another township’s person on any route', async () => {
    const masked = maskIdNumber(probe.idNumber);
    let calls = 0;
    for (const route of t.app.routeList) {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/auth/logout')
        continue;
      for (const url of variants(route.url, probe)) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          payload: route.method === 'GET' ? undefined : { reason: 'walk', region: '533423102' },
          ...as(township),
        });
        calls++;
        const body = res.body;
        expect(body, `${route.method} ${url}`).not.toContain(probe.name);
        expect(body, `${route.method} ${url}`).not.toContain(masked);
        expect(body, `${route.method} ${url}`).not.toContain(probe.idNumber);
        if (route.url.includes(':id') && route.url.startsWith('/api/persons'))
          expect(res.statusCode, `${route.method} ${url}`).toBe(404);
        // Family-service records under the probe's id: not found, or refused by role; a write's body may fail validation first.
        if (
          route.url.includes(':id') &&
          /^\/api\/(childbirth-registrations|bundle-tasks|special-families|childcare|annual-reports)\//.test(route.url)
        ) {
          expect(route.method === 'GET' ? [403, 404] : [400, 403, 404], `${route.method} ${url}`).toContain(
            res.statusCode,
          );
        }
      }
    }
    expect(calls).toBeGreaterThan(20);
    const refused = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND target_id = $1",
      [String(probe.id)],
    );
    expect(Number(refused[0]!.n)).toBeGreaterThan(0);
  });

  it('keeps the county administrator’s view of both townships', async () => {
    const county = await login(t, 'county');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/persons?name=${encodeURIComponent('探针')}`,
      ...as(county),
    });
    expect(
      res
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual([own.name, probe.name].sort());
  });
});

// Plan supervision (issue 15): the directory, key tasks and meetings are the county's. Another
// county's leader and department operator (a liaison there) see none of 维西's, and cannot report
// on, open or review its tasks; a township user passes no supervision route at all.
describe('jurisdiction walk: units and liaisons', () => {
  it('shows another county nothing of 维西’s units, tasks, reports or meetings', async () => {
    for (const [username, roles, department] of [
      ['deqin.leader', ['leader'], null],
      ['deqin.edu', ['departmentOperator'], 'education'],
    ] as const) {
      t.users.push({
        username,
        displayName: username,
        roles: [...roles],
        jurisdiction: '533422',
        department,
        totpSecret: null,
      });
      await createUser(t.database, t.keys, t.users.at(-1)!, DEMO_PASSWORD);
      const other = await login(t, username);
      const get = (url: string) => t.app.inject({ method: 'GET', url, ...as(other) });
      expect((await get('/api/supervision/units')).json().items).toEqual([]);
      expect((await get('/api/supervision/tasks')).json().items).toEqual([]);
      const [task] = await t.database.query<{ id: number }>(
        'SELECT id::int AS id FROM supervision_tasks WHERE number = 18',
      );
      expect((await get(`/api/supervision/tasks/${task!.id}`)).statusCode).toBe(404);
      if (roles[0] === 'leader') {
        expect((await get('/api/supervision/meetings')).json().items).toEqual([]);
        expect((await get('/api/supervision/board?by=unit')).json().rows).toEqual([]);
      } else {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/supervision/tasks/${task!.id}/reports`,
          payload: { unitId: 1, period: '2025', text: '越权报告', figures: [], completes: false, evidenceIds: [] },
          ...as(other),
        });
        expect([403, 404]).toContain(res.statusCode);
      }
    }
    expect(
      Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_reports'))[0]!.n),
    ).toBe(0);
  });

  it('refuses every supervision route to a township user', async () => {
    for (const route of t.app.routeList.filter((r) => r.url.startsWith('/api/supervision/'))) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', '1'),
        payload: route.method === 'GET' ? undefined : {},
        ...as(township),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});

// Childcare's inspecting departments (issue 14): a fire operator of another county sees none of
// 维西's institutions, inspections or items and cannot inspect one; 维西's own fire operator sees
// the probe institution's fire item (the walk is not vacuous).
describe('jurisdiction walk: childcare inspecting departments', () => {
  it('shows another county’s fire operator nothing of 维西’s childcare supervision', async () => {
    t.users.push({
      username: 'deqin.fire',
      displayName: 'deqin.fire',
      roles: ['departmentOperator'],
      jurisdiction: '533422',
      department: 'fireRescue',
      totpSecret: null,
    });
    await createUser(t.database, t.keys, t.users.at(-1)!, DEMO_PASSWORD);
    const other = await login(t, 'deqin.fire');
    const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
    for (const url of ['/api/childcare/supervision', '/api/childcare/rectifications']) {
      const res = await get(other, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json().items, url).toEqual([]);
      expect(res.body, url).not.toContain(probe.name);
    }
    expect((await get(other, `/api/childcare/institutions/${probe.id}/supervision`)).statusCode).toBe(404);
    const before = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM childcare_inspections');
    const inspect = await t.app.inject({
      method: 'POST',
      url: '/api/childcare/inspections',
      payload: {
        institutionId: probe.id,
        area: 'fire',
        inspectedOn: '2026-01-15',
        findings: ['fire.exits', 'fire.extinguishers', 'fire.alarm', 'fire.drills'].map((item) => ({
          item,
          result: 'pass',
        })),
      },
      ...as(other),
    });
    expect(inspect.statusCode).toBe(404);
    const after = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM childcare_inspections');
    expect(after[0]!.n).toBe(before[0]!.n);
    // 维西's own fire operator sees the probe institution's fire item; a township user reaches no inspection.
    const fire = await login(t, 'fire');
    expect((await get(fire, '/api/childcare/rectifications')).body).toContain(probe.name);
    expect((await get(township, '/api/childcare/rectifications')).body).not.toContain(probe.name);
  });
});
