import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import { createPii } from '../crypto/pii.js';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';

// Issue 11, need to know: "Each role reaches the registry only as its duties require (PIPL
// art. 6: minimum necessary); decide the table of role × data and put it in docs, with the route
// walk proving it as it proves jurisdictions." ACCESS below is docs/architecture.md's table
// ("Need to know") route by route: the walk calls every staff route as every demo user and
// checks that exactly these users pass the gate. Then it checks that the users the registry is
// not theirs never see a person of the county on any route, except a department's own task.

const REGISTRY = ['admin', 'county', 'township', 'village'];
const BUNDLE_DEPARTMENTS = ['hospital', 'cdc', 'police', 'medins', 'hrss'];
// Childcare supervision's inspecting departments (issue 14): fire and rescue, market regulation, emergency management.
const INSPECTING_DEPARTMENTS = ['fire', 'market', 'emergency'];
const OTHER_DEPARTMENTS = ['education', 'civil', 'finance', 'housing', 'fund', ...INSPECTING_DEPARTMENTS];
// Who inspects childcare areas: education (幼儿园托班), and each area's owner (area-owners.ts).
const CHILDCARE_INSPECTORS = ['education', 'housing', 'cdc', ...INSPECTING_DEPARTMENTS];
const ALL = [...REGISTRY, ...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS, 'leader'];
// Every demo account: the staff and a childcare institution's own (issue 14), which passes only
// routes naming its role, and who-am-I.
const EVERYONE = [...ALL, 'institution'];
const ADMINS = ['admin', 'county'];
const REVIEWERS = ['county', 'township', 'village'];
const PAYMENTS = ['admin', 'county', 'finance', 'leader'];
// Monitoring figures: leaders, administrators, township workers (their own township).
const MONITORING = ['admin', 'county', 'township', 'leader'];
// Plan supervision: readers, and the department operators as their units' liaisons.
const SUPERVISION_READERS = ['admin', 'county', 'leader'];
const LIAISONS = [...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS];
const SUPERVISION_ALL = [...SUPERVISION_READERS, ...LIAISONS];

/** Who passes each staff route's gate (a refusal is 403; anything else passed it). */
const ACCESS: Record<string, readonly string[]> = {
  'GET /api/auth/me': EVERYONE,
  'POST /api/users/:id/unlock': ADMINS,
  'GET /api/users': ADMINS,
  'POST /api/users/:id/reset-password': ADMINS,
  'POST /api/users/:id/reset-two-factor': ADMINS,
  'GET /api/audit': ADMINS,
  'GET /api/audit.xlsx': ADMINS,
  'POST /api/audit/verify': ADMINS,
  'GET /api/dashboard': ALL,
  'GET /api/dashboard/regions.xlsx': ALL,
  'GET /api/monitoring/plans': MONITORING,
  'GET /api/monitoring/scorecard': MONITORING,
  'GET /api/monitoring/scorecard.xlsx': MONITORING,
  'GET /api/monitoring/league': MONITORING,
  'GET /api/monitoring/league.xlsx': MONITORING,
  'GET /api/monitoring/indicators/:code': MONITORING,
  'GET /api/notifications': EVERYONE,
  'GET /api/calendar': ALL,
  'PUT /api/calendar/:date': ['admin'],
  'DELETE /api/calendar/:date': ['admin'],
  // The registry: search, a person, the full ID number, imports.
  'GET /api/persons': REGISTRY,
  'GET /api/persons/export.xlsx': REGISTRY,
  'GET /api/persons/:id': REGISTRY,
  'POST /api/persons/:id/reveal': REGISTRY,
  'GET /api/imports': REGISTRY,
  'POST /api/imports': REGISTRY,
  'GET /api/imports/export.xlsx': REGISTRY,
  'GET /api/imports/:id': REGISTRY,
  'GET /api/imports/:id/errors.csv': REGISTRY,
  'GET /api/imports/template.csv': ALL,
  'GET /api/imports/template.xlsx': ALL,
  // Benefits: policy for everyone, a person's eligibility with the registry, payments with finance.
  'GET /api/schemes': ALL,
  'GET /api/schemes/:code': ALL,
  'GET /api/schemes/:code/budget': PAYMENTS,
  // The take-up rate is the county's planning assumption (issue 12), set by its administrator.
  'PUT /api/schemes/:code/take-up-rate': ['county'],
  'POST /api/schemes/:code/versions': ADMINS,
  'POST /api/schemes/:code/versions/:id/submit': ADMINS,
  'POST /api/schemes/:code/versions/:id/publish': ADMINS,
  'GET /api/eligibility': REGISTRY,
  'GET /api/applications': REVIEWERS,
  'POST /api/applications': REVIEWERS,
  'GET /api/applications/export.xlsx': REVIEWERS,
  'GET /api/applications/:id': REVIEWERS,
  'POST /api/applications/:id/approve': REVIEWERS,
  'POST /api/applications/:id/reject': REVIEWERS,
  'POST /api/applications/:id/appeal': REVIEWERS,
  'POST /api/applications/:id/close-notice': ['county'],
  'POST /api/payment-cycles': ['county', 'finance'],
  'GET /api/payment-batches': PAYMENTS,
  'GET /api/payment-batches/:id': PAYMENTS,
  'POST /api/payment-batches/:id/export': ['finance'],
  'POST /api/payment-batches/:id/bank-return': ['finance'],
  'GET /api/payment-exports/:id/sha256': ['admin', 'county', 'finance'],
  // Four eyes (issue 12): a roster names payees, for those who check and pay them; the public
  // notice's roster is posted for all, so leaders read it; the county approves and hears objections.
  'GET /api/payment-batches/:id/roster': ['admin', 'county', 'finance'],
  'GET /api/payment-batches/:id/roster/:personId/eligibility': ['admin', 'county', 'finance'],
  'GET /api/payment-batches/:id/roster.xlsx': ['admin', 'county', 'finance'],
  'GET /api/payment-batches/:id/notice-roster': PAYMENTS,
  'GET /api/payment-batches/:id/notice-roster.xlsx': PAYMENTS,
  'POST /api/payment-batches/:id/notice': ['county', 'finance'],
  'POST /api/payment-batches/:id/objections': ['county'],
  'POST /api/payment-batches/:id/approve': ['county'],
  'POST /api/payment-batches/:id/cancel': ['county', 'finance'],
  // Family services: the township's registrations, each department's own tasks, the county reads both.
  'GET /api/childbirth-registrations': ['township', 'county'],
  'GET /api/childbirth-registrations/export.xlsx': ['township', 'county'],
  'GET /api/childbirth-registrations/:id': ['township', 'county'],
  'GET /api/childbirth-registrations/:id/receipt.pdf': ['township', 'county'],
  'POST /api/childbirth-registrations/bulk-complete': ['township'],
  'POST /api/childbirth-registrations/:id/complete': ['township'],
  'POST /api/childbirth-registrations/:id/request-info': ['township'],
  'GET /api/bundle-tasks': ['county', ...BUNDLE_DEPARTMENTS],
  'GET /api/bundle-tasks/export.xlsx': ['county', ...BUNDLE_DEPARTMENTS],
  'GET /api/bundle-tasks/:id': ['county', ...BUNDLE_DEPARTMENTS],
  'POST /api/bundle-tasks/bulk-complete': BUNDLE_DEPARTMENTS,
  'POST /api/bundle-tasks/:id/complete': BUNDLE_DEPARTMENTS,
  'POST /api/bundle-tasks/:id/return': BUNDLE_DEPARTMENTS,
  'GET /api/attachments/:id': ['township', 'county', ...BUNDLE_DEPARTMENTS],
  // The projection (issue 13): aggregates for whoever plans, the township for its own; its budget
  // forecast is money, for the county and its leaders.
  'GET /api/projection': ['admin', 'county', 'township', 'leader'],
  'GET /api/projection/export.xlsx': ['admin', 'county', 'township', 'leader'],
  'GET /api/projection/budget': ['admin', 'county', 'leader'],
  // Life events (issue 13): hospital and public security record and see their own; the registry's
  // staff read the jurisdiction's; leaders none; administrators keep the service accounts.
  'GET /api/life-events': [...REGISTRY, 'hospital', 'police'],
  'GET /api/life-events/export.xlsx': [...REGISTRY, 'hospital', 'police'],
  'POST /api/life-events': ['hospital', 'police'],
  'GET /api/life-event-imports': ['hospital', 'police'],
  'POST /api/life-event-imports': ['hospital', 'police'],
  'GET /api/life-event-imports/template.xlsx': ['hospital', 'police'],
  'GET /api/life-event-imports/:id': ['hospital', 'police'],
  'GET /api/life-event-imports/:id/errors.csv': ['hospital', 'police'],
  'GET /api/service-accounts': ADMINS,
  'POST /api/service-accounts': ADMINS,
  'POST /api/service-accounts/:id/rotate': ADMINS,
  'POST /api/service-accounts/:id/revoke': ADMINS,
  // Monitoring (issue 13): a county's plans under four eyes by its administrators; figures and
  // warnings are aggregates for all; the reporting departments and the county enter figures.
  'GET /api/monitoring/plan-drafts': ADMINS,
  'POST /api/monitoring/plan-drafts': ADMINS,
  'PUT /api/monitoring/plan-drafts/:id': ADMINS,
  'POST /api/monitoring/plan-drafts/:id/submit': ADMINS,
  'POST /api/monitoring/plan-drafts/:id/publish': ADMINS,
  'POST /api/monitoring/plan-drafts/:id/withdraw': ADMINS,
  'GET /api/monitoring/reported-values': ALL,
  'GET /api/monitoring/reported-values.xlsx': ALL,
  'GET /api/monitoring/reported-values/history': ALL,
  'POST /api/monitoring/reported-values': ['county', 'education', 'civil'],
  'POST /api/monitoring/reported-values/corrections': ['county', 'education', 'civil'],
  'GET /api/monitoring/warnings': ALL,
  'GET /api/monitoring/warnings.xlsx': ALL,
  'POST /api/monitoring/warnings/:id/acknowledge': ADMINS,
  // Special families (issue 16), the most sensitive data: the family's township, the county office
  // and its contacts (a village worker who is one); no department, leader or system administrator.
  // Departments get only the family-size check: a count and birth years.
  'GET /api/special-families': ['county', 'township', 'village'],
  'GET /api/special-families/export.xlsx': ['county', 'township', 'village'],
  'GET /api/special-families/:id': ['county', 'township', 'village'],
  'POST /api/special-families': ['township'],
  'POST /api/special-families/:id/confirm': ['county'],
  'POST /api/special-families/:id/reject': ['county'],
  'POST /api/special-families/:id/end': ['county'],
  'POST /api/special-families/:id/visits': ['township', 'village'],
  'POST /api/special-families/:id/services': ['township', 'village'],
  // Contacts and needs change after the proposal: the family's township or the county, not a contact.
  'PUT /api/special-families/:id/needs': ['county', 'township'],
  'POST /api/special-families/:id/contacts': ['county', 'township'],
  'POST /api/special-families/:id/contacts/:contactId/end': ['county', 'township'],
  'GET /api/special-family-settings': ['county', 'township', 'village'],
  'PUT /api/special-family-settings': ['county'],
  'POST /api/family-size-checks': ['education', 'civil', 'housing', 'fund'],
  // Childcare (issue 14): the institution's own account files, changes and closes; the county's
  // health commission reviews; whoever oversees childcare reads (staff names masked but for the
  // reviewer). The public disclosure (/api/portal/childcare-institutions) needs no session.
  'GET /api/childcare/my-institutions': ['institution'],
  'POST /api/childcare/filings': ['institution'],
  'POST /api/childcare/institutions/:id/closure': ['institution'],
  'POST /api/childcare/documents': ['institution'],
  'GET /api/childcare/filings': ['county'],
  'GET /api/childcare/filings/export.xlsx': ['county'],
  'POST /api/childcare/filings/:id/complete': ['county'],
  'POST /api/childcare/filings/:id/send-back': ['county'],
  'GET /api/childcare/institutions': MONITORING,
  'GET /api/childcare/institutions/export.xlsx': MONITORING,
  'GET /api/childcare/institutions/:id': [...MONITORING, 'institution'],
  // Supervision (issue 14): the county office inspects, rates, logs incidents and closes;
  // education inspects and reads 幼儿园托班 (the service narrows it); the institution reads its
  // own and reports its rectifications done.
  'GET /api/childcare/supervision': [...MONITORING, ...CHILDCARE_INSPECTORS],
  'GET /api/childcare/supervision/export.xlsx': [...MONITORING, ...CHILDCARE_INSPECTORS],
  'GET /api/childcare/institutions/:id/supervision': [...MONITORING, ...CHILDCARE_INSPECTORS, 'institution'],
  'GET /api/childcare/institutions/:id/inspections/export.xlsx': [
    ...MONITORING,
    ...CHILDCARE_INSPECTORS,
    'institution',
  ],
  'GET /api/childcare/institutions/:id/rectifications/export.xlsx': [
    ...MONITORING,
    ...CHILDCARE_INSPECTORS,
    'institution',
  ],
  'GET /api/childcare/institutions/:id/ratings/export.xlsx': [...MONITORING, 'education', 'institution'],
  'GET /api/childcare/institutions/:id/incidents/export.xlsx': [...MONITORING, 'education'],
  'POST /api/childcare/inspections': ['county', ...CHILDCARE_INSPECTORS],
  'GET /api/childcare/rectifications': [...MONITORING, ...CHILDCARE_INSPECTORS, 'institution'],
  'GET /api/childcare/rectifications/export.xlsx': [...MONITORING, ...CHILDCARE_INSPECTORS, 'institution'],
  'POST /api/childcare/rectifications/:id/report': ['institution'],
  'POST /api/childcare/ratings': ['county'],
  'POST /api/childcare/incidents': ['county'],
  'GET /api/childcare/incidents': MONITORING,
  'GET /api/childcare/incidents/export.xlsx': MONITORING,
  'GET /api/childcare/safety-record': MONITORING,
  'POST /api/childcare/institutions/:id/emergency-closure': ['county'],
  'GET /api/childcare/documents/:id': ['county', 'institution'],
  // Awards paid to institutions (issue 14): who checks and pays them, as a batch's roster.
  'GET /api/institution-awards': ['admin', 'county', 'finance'],
  'GET /api/payment-batches/:id/institution-payments': ['admin', 'county', 'finance'],
  'GET /api/payment-batches/:id/institution-payments.xlsx': ['admin', 'county', 'finance'],
  // Plan supervision (issue 15): the joint meeting's office (county) keeps the directory, reviews,
  // sends notices and records meetings; leaders and the administrator read; department operators
  // are their units' liaisons: their tasks only (the walk below), and they alone report.
  'GET /api/supervision/units': SUPERVISION_ALL,
  'GET /api/supervision/units/export.xlsx': SUPERVISION_READERS,
  'POST /api/supervision/units/:id/seats': ['county'],
  'GET /api/supervision/liaison-candidates': ['county'],
  'POST /api/supervision/units/:id/liaisons': ['county'],
  'DELETE /api/supervision/units/:id/liaisons/:userId': ['county'],
  'GET /api/supervision/tasks': SUPERVISION_ALL,
  'GET /api/supervision/tasks/export.xlsx': SUPERVISION_ALL,
  'GET /api/supervision/tasks/:id': SUPERVISION_ALL,
  'POST /api/supervision/tasks/:id/milestones': ['county'],
  'POST /api/supervision/tasks/:id/indicator': ['county'],
  'POST /api/supervision/tasks/:id/notices': ['county'],
  'POST /api/supervision/tasks/:id/reports': LIAISONS,
  'POST /api/supervision/evidence': LIAISONS,
  'GET /api/supervision/evidence/:id': SUPERVISION_ALL,
  'POST /api/supervision/reports/:id/accept': ['county'],
  'POST /api/supervision/reports/:id/send-back': ['county'],
  'GET /api/supervision/board': SUPERVISION_READERS,
  'GET /api/supervision/board/export.xlsx': SUPERVISION_READERS,
  'GET /api/supervision/meetings': SUPERVISION_READERS,
  'GET /api/supervision/meetings/export.xlsx': SUPERVISION_READERS,
  'POST /api/supervision/meetings': ['county'],
  // Township annual reports (issue 15): the county opens, reviews and sets the deadline; a
  // township writes its own; leaders read and print the county's summary.
  'GET /api/annual-reports': ['county', 'township', 'leader'],
  'GET /api/annual-reports/export.xlsx': ['county', 'township', 'leader'],
  'POST /api/annual-reports/open': ['county'],
  'GET /api/annual-reports/:id': ['county', 'township', 'leader'],
  'PUT /api/annual-reports/:id': ['township'],
  'POST /api/annual-reports/:id/submit': ['township'],
  'POST /api/annual-reports/:id/decision': ['county'],
  'GET /api/annual-report-settings': ['county', 'township', 'leader'],
  'PUT /api/annual-report-settings': ['county'],
  'GET /api/annual-summary/:format': ['county', 'leader'],
  // The 003 self-evaluation (issue 15): aggregates only; the office runs it, departments attach
  // evidence, leaders read.
  'GET /api/self-evaluations': ['county', 'leader', ...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS],
  'POST /api/self-evaluations': ['county'],
  'PUT /api/self-evaluations/:id/items/:code': ['county'],
  'POST /api/self-evaluations/:id/items/:code/evidence': ['county', ...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS],
  'POST /api/self-evaluations/:id/rectification': ['county'],
  'GET /api/self-evaluations/:id/report.pdf': ['county', 'leader', ...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS],
  'GET /api/self-evaluations/:id/evidence/:evidenceId': [
    'county',
    'leader',
    ...BUNDLE_DEPARTMENTS,
    ...OTHER_DEPARTMENTS,
  ],
  'PUT /api/self-evaluation-scoring': ['county'],
};

let t: TestApp;
const sessions: Record<string, Session> = {};
// A person of 保和镇 (in every county user's jurisdiction) with an application, a registration and
// a newborn bundle whose one task is public security's: the only department with work about her.
const probe = { name: '探针须知人', idNumber: '', id: 0 };

beforeAll(async () => {
  t = await createTestApp(1000);
  const first17 = '533423199002' + '15902';
  probe.idNumber = first17 + computeIdCheckCharacter(first17);
  const pii = createPii(t.keys);
  const encrypted = pii.encryptIdNumber(probe.idNumber);
  const masked = maskIdNumber(probe.idNumber);
  const [row] = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
     VALUES ($1, 'female', '1990-02-15', 'resident', $2, $3, $4, '533423101001', '533423101001', 'test', 'probe') RETURNING id`,
    [probe.name, encrypted, pii.idBlindIndex(probe.idNumber), masked],
  );
  probe.id = Number(row!.id);
  // Every ':id' route names one of her records: they all share her id.
  await t.database.query(
    `INSERT INTO applications (id, scheme_code, beneficiary_id, region_code, channel, status, level) VALUES ($1, 'national.childcareSubsidy', $1, '533423101001', 'villageWorker', 'inReview', 'village')`,
    [probe.id],
  );
  await t.database.query(
    `INSERT INTO childbirth_registrations (id, registration_no, region_code, channel, married, child_status, mother_name, mother_id_cipher,
       mother_id_blind_index, mother_id_masked, parity, commitment_text, status, deadline)
     VALUES ($1, 'SYNEEDTOKNOW', '533423101001', 'portal', false, 'pregnant', $2, $3, $4, $5, 1, '承诺', 'submitted', '2026-12-01')`,
    [probe.id, probe.name, encrypted, pii.idBlindIndex(probe.idNumber), masked],
  );
  await t.database.query(
    `INSERT INTO newborn_bundles (id, bundle_no, region_code, newborn_name, newborn_sex, birth_date, birth_time, birth_place, hospital_name,
       mother_name, mother_id_cipher, mother_id_masked, services, status)
     VALUES ($1, 'CSNEEDTOKNOW', '533423101001', '探针新生儿', 'male', '2026-11-01', '08:00', '保和镇', '保和镇卫生院', $2, $3, $4, ARRAY['hukouRegistration'], 'inProgress')`,
    [probe.id, probe.name, encrypted, masked],
  );
  await t.database.query(
    `INSERT INTO bundle_tasks (id, bundle_id, service, department, region_code, status, deadline) VALUES ($1, $1, 'hukouRegistration', 'publicSecurity', '533423101001', 'pending', '2026-12-01')`,
    [probe.id],
  );
  for (const u of EVERYONE) sessions[u] = await login(t, u);
});
afterAll(() => t.close());

const concrete = (url: string) =>
  url
    .replace(':id', String(probe.id))
    .replace(':id', String(probe.id))
    .replace(':code', 'national.childcareSubsidy')
    .replace(':date', '2026-12-25');

const call = (method: string, url: string, s: Session) =>
  t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {}, ...as(s) });

/** The staff routes: under /api/, not the portal's or the docs, and closed to a caller without a session. */
async function staffRoutes() {
  const found: { method: string; url: string }[] = [];
  for (const r of t.app.routeList) {
    // /api/service/ is a department system's, by bearer token (events/service-routes.ts): no staff route.
    if (!r.url.startsWith('/api/') || /^\/api\/(portal|docs|service)(\/|$)/.test(r.url) || r.url === '/api/auth/logout')
      continue;
    const anonymous = await t.app.inject({
      method: r.method as 'GET',
      url: concrete(r.url),
      payload: r.method === 'GET' ? undefined : {},
    });
    if (anonymous.statusCode === 401) found.push(r);
  }
  return found;
}

describe('need to know: role × data', () => {
  it('classifies every staff route, and only those', async () => {
    const keys = (await staffRoutes()).map((r) => `${r.method} ${r.url}`).sort();
    expect(keys).toEqual(Object.keys(ACCESS).sort());
  });

  // Every route as every account (180 s): it grows with the routes, past a minute on a busy machine.
  it('lets exactly the table’s users past each route’s gate, and tells the others why', async () => {
    const mismatches: string[] = [];
    for (const r of await staffRoutes()) {
      const key = `${r.method} ${r.url}`;
      for (const u of EVERYONE) {
        const res = await call(r.method, concrete(r.url), sessions[u]!);
        const passed = res.statusCode !== 403;
        if (passed !== ACCESS[key]!.includes(u))
          mismatches.push(`${key} as ${u}: ${res.statusCode} ${res.body.slice(0, 80)}`);
        if (!passed) {
          expect(['auth.forbidden', 'auth.otherDepartment'], `${key} as ${u}`).toContain(res.json().code);
          // A refusal speaks the user's language, not a code.
          expect(res.json().message, `${key} as ${u}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);

  // Every GET route as thirteen accounts with four queries each: longer than the default minute on a busy machine.
  it(
    'never shows a person to a department or a leader, except a department’s own task',
    { timeout: 180_000 },
    async () => {
      const secrets = [probe.name, maskIdNumber(probe.idNumber), probe.idNumber];
      const queries = [
        '',
        `?name=${encodeURIComponent(probe.name)}`,
        `?idNumber=${probe.idNumber}`,
        `?q=${probe.idNumber}`,
      ];
      const seenBy: string[] = [];
      for (const r of (await staffRoutes()).filter((x) => x.method === 'GET')) {
        for (const u of [...BUNDLE_DEPARTMENTS, ...OTHER_DEPARTMENTS, 'leader', 'institution']) {
          for (const q of queries) {
            const res = await call('GET', concrete(r.url) + q, sessions[u]!);
            if (secrets.some((s) => res.body.includes(s))) seenBy.push(`${u} ${r.url}`);
          }
        }
      }
      // Public security works on her household registration: its queue and its task show her, nothing else does.
      expect([...new Set(seenBy)].sort()).toEqual(['police /api/bundle-tasks', 'police /api/bundle-tasks/:id']);
    },
  );

  it('still shows her to the registry’s users (the walk is not vacuous)', async () => {
    for (const u of REGISTRY) {
      const res = await call('GET', `/api/persons?name=${encodeURIComponent(probe.name)}`, sessions[u]!);
      expect(
        res.json().items.map((p: { name: string }) => p.name),
        u,
      ).toEqual([probe.name]);
    }
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${probe.id}/reveal`,
      payload: { reason: '核对户籍' },
      ...as(sessions.township!),
    });
    expect(revealed.json().idNumber).toBe(probe.idNumber);
  });
});

describe('need to know: a liaison sees its unit’s tasks only (issue 15)', () => {
  it('shows each department operator the tasks of the unit its department maps to, and no other', async () => {
    const all = (await call('GET', '/api/supervision/tasks', sessions.county!)).json().items as {
      id: number;
      leads: { name: string }[];
      supports: { name: string }[];
      implementing: { name: string }[];
    }[];
    for (const [user, unit] of [
      ['education', '县教育体育局'],
      ['police', '县公安局'],
      ['medins', '县医疗保障局'],
      ['hospital', '县人民医院'],
      // Issue 14's inspecting departments are their units' liaisons as the others are.
      ['fire', '县消防救援大队'],
      ['market', '县市场监督管理局'],
      ['emergency', '县应急管理局'],
    ] as const) {
      const mine = (await call('GET', '/api/supervision/tasks', sessions[user]!)).json().items as { id: number }[];
      const expected = all.filter((x) => [...x.leads, ...x.supports, ...x.implementing].some((u) => u.name === unit));
      expect(mine.map((x) => x.id).sort(), user).toEqual(expected.map((x) => x.id).sort());
      const other = all.find((x) => !expected.includes(x))!;
      expect((await call('GET', `/api/supervision/tasks/${other.id}`, sessions[user]!)).statusCode, user).toBe(404);
    }
  });
});
