import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '@cradle/domain';
import { bundleForm, boundFamily, freshIdNumber, taskId, type Family } from '../../server/src/bundle/test-setup.js';
import { decryptField } from '../../server/src/crypto/pii.js';
import { asResident, residentSignIn } from '../../server/src/test/resident.js';
import { modalOpened, screenshot, signIn, TOWNSHIP, useBrowser, VILLAGE } from './harness.js';

// Issue 4 from the operators' side: the township's childbirth registrations and the five
// departments' newborn-bundle tasks. Families submit through the portal's API (signed in with
// the code the recording SMS sender kept); only the deadlines of two registrations are moved
// into the past in the database, since a registration cannot be submitted last week.
const f = useBrowser();

const today = chinaDateOf(new Date());
const NOTE = '已电话联系家庭核实，母亲户籍在外省，尚未录入人口库';
const CERTIFICATE = 'Q530012345';
const RETURN_REASON = '母亲手机号码无法接通，请核对';

/** A registration by commitment, submitted through the portal as a family would; returns its id and number. */
async function register(
  phone: string,
  mother: { name: string; idNumber: string },
): Promise<{ id: number; no: string }> {
  const r = await residentSignIn(f.server, phone);
  const res = await f.server.app.inject({
    method: 'POST',
    url: '/api/portal/childbirth-registrations',
    ...asResident(r),
    payload: {
      mother,
      father: null,
      married: false,
      residenceRegionCode: VILLAGE,
      childStatus: 'pregnant',
      expectedBirthDate: '2027-05-20',
      commitment: { accepted: true, statement: '本人承诺以上生育情况属实。' },
    },
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return { id: res.json().id, no: res.json().registrationNo };
}

/** A woman of the township with two or more children, none born in 2026 (so no "already registered" for a 2027 due date). */
async function registryMother(): Promise<{ name: string; idNumber: string; children: number }> {
  const [m] = await f.server.database.query<{ name: string; id_cipher: Buffer; n: number }>(
    `SELECT m.name, m.id_cipher, count(*)::int AS n FROM persons m
       JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother' JOIN persons c ON c.id = r.to_person_id
      WHERE m.death_date IS NULL AND m.sex = 'female' AND m.birth_date > '1987-01-01' AND m.residence_region_code LIKE $1
      GROUP BY m.id HAVING count(*) >= 2 AND max(c.birth_date) < '2026-01-01' ORDER BY m.id LIMIT 1`,
    [`${TOWNSHIP}%`],
  );
  if (!m) throw new Error('no mother of two in the township');
  return { name: m.name, idNumber: decryptField(f.server.keys.piiEncryption, 'idNumber', m.id_cipher), children: m.n };
}

const setDeadline = (id: number, deadline: string) =>
  f.server.database.query('UPDATE childbirth_registrations SET deadline = $2 WHERE id = $1', [id, deadline]);

const fixtures = {
  overdue: { id: 0, no: '' },
  conflicted: { id: 0, no: '' },
  motherChildren: 0,
  family: null as Family | null,
  bundleId: 0,
};

beforeAll(async () => {
  const mother = await registryMother();
  fixtures.motherChildren = mother.children;
  fixtures.overdue = await register('13900000101', { name: mother.name, idNumber: mother.idNumber });
  // A mother the registry does not know: the two-way check flags her ID number.
  fixtures.conflicted = await register('13900000102', {
    name: '和春梅',
    idNumber: await freshIdNumber(f.server, '1994-05-12', 'female'),
  });
  await setDeadline(fixtures.overdue.id, '2026-11-02');
  await setDeadline(fixtures.conflicted.id, today);

  const family = await boundFamily(f.server, '13900000103');
  const res = await f.server.app.inject({
    method: 'POST',
    url: '/api/portal/newborn-bundles',
    ...asResident(family.r),
    payload: bundleForm(family),
  });
  if (res.statusCode !== 201) throw new Error(`bundle failed: ${res.statusCode} ${res.body}`);
  fixtures.family = family;
  fixtures.bundleId = res.json().id;
});

const row = (page: Page, testId: string, id: number) => page.getByTestId(testId).and(page.locator(`[data-id="${id}"]`));
const taskStatus = async (id: number) =>
  (await f.server.database.query<{ status: string }>('SELECT status FROM bundle_tasks WHERE id = $1', [id]))[0]!.status;

async function openTask(page: Page, service: string) {
  await page.getByTestId('nav-bundle-tasks').click();
  const r = page
    .getByTestId('task-row')
    .and(page.locator(`[data-service="${service}"]`))
    .first();
  await r.waitFor();
  await r.click();
  await page.getByTestId('task-work').waitFor();
}

describe('family services in the console', () => {
  it('a township worker sees the overdue registration counted and highlighted, completes it in bulk (the conflicted one is skipped, with the reason), completes the other with a note and downloads its receipt', async () => {
    const { page, server } = f;
    await signIn(page, server, 'township');

    // The dashboard counts the township's open registrations: one overdue, one due today.
    const work = page.getByTestId('family-work-childbirthRegistration');
    await work.waitFor();
    expect(await work.getByTestId('open').textContent()).toBe('2');
    expect(await work.getByTestId('due-today').textContent()).toBe('1');
    expect(await work.getByTestId('overdue').textContent()).toBe('1');
    expect(await work.getByTestId('overdue').getAttribute('class')).toContain('danger');

    // The bell has the two new registrations of the township's queue.
    await page.getByTestId('notification-bell').click();
    await expect.poll(() => page.getByTestId('notification').count()).toBe(2);
    expect(await page.getByTestId('notifications').textContent()).toContain(fixtures.overdue.no);
    await page.getByTestId('notification-bell').click();

    await page.getByTestId('nav-childbirth-registrations').click();
    const overdue = row(page, 'registration-row', fixtures.overdue.id);
    const conflicted = row(page, 'registration-row', fixtures.conflicted.id);
    await overdue.waitFor();
    expect(await overdue.getAttribute('class')).toContain('family-row-overdue');
    expect(await overdue.getByTestId('deadline').getAttribute('data-state')).toBe('overdue');
    expect(await conflicted.getAttribute('class')).toContain('family-row-due-today');
    expect(await conflicted.getByTestId('conflict-count').count()).toBe(1);
    expect(await page.getByTestId('count-overdue').getAttribute('data-value')).toBe('1');
    await screenshot(page, 'family-registrations-queue');

    // Bulk completion: the server completes the clean one and skips the conflicted one, saying why.
    await overdue.locator('.ant-checkbox-input').check();
    await conflicted.locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-complete').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已办结 1 件，跳过 1 件');
    const skipped = result.getByTestId('bulk-skipped');
    expect(await skipped.getAttribute('data-reason')).toBe('hasConflicts');
    expect(await skipped.textContent()).toContain(fixtures.conflicted.no);
    await expect.poll(() => overdue.getByTestId('registration-status').getAttribute('data-status')).toBe('completed');

    // The completed one: parity from the registry, counted from the mother's children.
    await overdue.getByRole('link').click();
    const parity = page.getByTestId('parity');
    await parity.waitFor();
    expect(await parity.getAttribute('data-value')).toBe(String(fixtures.motherChildren + 1));
    expect(await page.getByTestId('parity-basis').getAttribute('data-basis')).toBe('mother');
    expect(await page.getByTestId('conflicts-card').getAttribute('data-count')).toBe('0');

    // The conflicted one: what the registry holds against what was declared, and a note is required.
    await page.goto(`${server.baseUrl}/childbirth-registrations/${fixtures.conflicted.id}`);
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-code')).toBe('parentUnknownIdNumber');
    expect(await page.getByTestId('match-mother').getAttribute('data-known')).toBe('false');
    expect(await page.getByTestId('parity-basis').getAttribute('data-basis')).toBe('none');
    await page.getByTestId('registration-complete').click();
    await modalOpened(page);
    await page.getByTestId('complete-confirm').click();
    await page.getByText('有不一致时须填写办理说明').waitFor();
    await page.getByTestId('complete-text').fill(NOTE);
    await page.getByTestId('complete-confirm').click();
    await expect
      .poll(() => page.getByTestId('registration-status').first().getAttribute('data-status'))
      .toBe('completed');
    expect(await page.getByTestId('worker-note').textContent()).toBe(NOTE);
    await expect
      .poll(() => page.getByTestId('history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))
      .toEqual(['childbirthRegistration.submit', 'childbirthRegistration.complete']);

    const download = page.waitForEvent('download');
    await page.getByTestId('registration-receipt').click();
    const pdf = await readFile(await (await download).path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'family-registration-completed');
  });

  it('the hospital completes the birth certificate; the police then see the hukou task, refuse a malformed ID number and complete it with a valid one; medical insurance shows its 90-day date as late and returns the task for correction; disease control completes the vaccination record in bulk', async () => {
    const { page, server } = f;
    const family = fixtures.family!;
    const bundle = (
      await server.app.inject({
        method: 'GET',
        url: `/api/portal/newborn-bundles/${fixtures.bundleId}`,
        ...asResident(family.r),
      })
    ).json();
    const ids = {
      certificate: taskId(bundle, 'birthCertificate'),
      vaccination: taskId(bundle, 'vaccinationRecord'),
      hukou: taskId(bundle, 'hukouRegistration'),
      insurance: taskId(bundle, 'medicalInsuranceEnrollment'),
    };

    await signIn(page, server, 'hospital');
    await page.getByTestId('nav-bundle-tasks').click();
    await row(page, 'task-row', ids.certificate).waitFor();
    // A certificate number is typed for each birth: the hospital's queue offers no bulk completion.
    expect(await page.getByTestId('bulk-complete').count()).toBe(0);
    await openTask(page, 'birthCertificate');
    await page.getByTestId('completion-certificateNo').fill(CERTIFICATE);
    await page.getByTestId('task-complete').click();
    await page.getByTestId('result-certificateNo').waitFor();
    expect(await page.getByTestId('result-certificateNo').textContent()).toBe(CERTIFICATE);
    expect(await taskStatus(ids.certificate)).toBe('done');

    // Public security: the hukou task waited for the certificate and is theirs now.
    const police = await f.newPage();
    await signIn(police, server, 'police');
    await openTask(police, 'hukouRegistration');
    expect(await police.getByTestId('bundle-certificate').textContent()).toBe(CERTIFICATE);
    // Both parents were chosen from the registry by the bound family: nothing to confirm.
    expect(await police.getByTestId('declared-parents').count()).toBe(0);
    expect(await police.getByTestId('confirm-declared-parents').count()).toBe(0);
    const idInput = police.getByTestId('completion-idNumber');
    const explain = police.locator('.ant-form-item-explain-error');
    await idInput.fill('53342320251220');
    await explain.first().waitFor();
    expect(await explain.first().textContent()).toMatch(/身份号码|18/);
    await police.getByTestId('task-complete').click();
    // Nothing changed: the form refused it before any request.
    expect(await police.getByTestId('task-status').first().getAttribute('data-status')).toBe('pending');
    expect(await taskStatus(ids.hukou)).toBe('pending');
    // A well-formed number of a boy: the domain's own check names the sex.
    await idInput.fill(await freshIdNumber(server, '2025-12-20', 'male'));
    await expect.poll(() => explain.first().textContent()).toContain('性别');
    await screenshot(police, 'family-hukou-refused');

    const newbornId = await freshIdNumber(server, '2025-12-20', 'female');
    await idInput.fill(newbornId);
    await expect.poll(() => explain.count()).toBe(0);
    await police.getByTestId('task-complete').click();
    await police.getByTestId('result-newbornId').waitFor();
    expect(await police.getByTestId('result-newbornId').textContent()).toContain(newbornId.slice(-4));
    expect(await taskStatus(ids.hukou)).toBe('done');
    // The newborn is in the registry, linked to both parents.
    const parents = await server.database.query<{ kind: string; from_person_id: number }>(
      `SELECT r.kind, r.from_person_id FROM relationships r JOIN newborn_bundles b ON b.newborn_person_id = r.to_person_id
        WHERE b.id = $1 AND r.kind IN ('mother', 'father') ORDER BY r.kind`,
      [fixtures.bundleId],
    );
    expect(parents.map((p) => [p.kind, Number(p.from_person_id)])).toEqual([
      ['father', family.spouseId],
      ['mother', family.mother.personId],
    ]);

    // Medical insurance: born 2025-12-20, so the 90 days ended on 2026-03-20 and enrolment now is late.
    const medins = await f.newPage();
    await signIn(medins, server, 'medins');
    await medins.getByTestId('nav-bundle-tasks').click();
    const insuranceRow = medins.getByTestId('task-row').and(medins.locator(`[data-id="${ids.insurance}"]`));
    await insuranceRow.waitFor();
    expect(await insuranceRow.getByTestId('enrolment-deadline').getAttribute('data-late')).toBe('true');
    expect(await insuranceRow.textContent()).toContain('2026-03-20');
    await insuranceRow.getByRole('link').click();
    await medins.getByTestId('task-return').click();
    await modalOpened(medins);
    await medins.getByTestId('return-reason').fill(RETURN_REASON);
    // Hukou is registered: the newborn's and parents' identity follow the hukou record and cannot be returned.
    await medins.getByTestId('return-identity-locked').waitFor();
    expect(await medins.getByTestId('return-fields').getByRole('checkbox', { name: '新生儿姓名' }).isDisabled()).toBe(
      true,
    );
    await medins.getByTestId('return-fields').getByText('母亲手机号码').click();
    await medins.getByTestId('return-confirm').click();
    await medins.getByTestId('task-returned').waitFor();
    expect(await medins.getByTestId('return-reason-text').textContent()).toContain(RETURN_REASON);
    const [returned] = await server.database.query<{ status: string; return_fields: string[] }>(
      'SELECT status, return_fields FROM bundle_tasks WHERE id = $1',
      [ids.insurance],
    );
    expect(returned).toEqual({ status: 'returned', return_fields: ['mother.phone'] });
    await screenshot(medins, 'family-insurance-returned');

    // Disease control: a vaccination record needs no number, so it is completed in bulk.
    const cdc = await f.newPage();
    await signIn(cdc, server, 'cdc');
    await cdc.getByTestId('nav-bundle-tasks').click();
    const vaccination = row(cdc, 'task-row', ids.vaccination);
    await vaccination.waitFor();
    await vaccination.locator('.ant-checkbox-input').check();
    await cdc.getByTestId('bulk-complete').click();
    await cdc.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    const result = cdc.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已办结 1 件，跳过 0 件');
    expect(await taskStatus(ids.vaccination)).toBe('done');
  });

  it('the police see the registry record a declared mother matches (age, residence, children) and link the newborn to her only when they confirm it', async () => {
    const { page, server } = f;
    const mother = await registryMother();
    // A family applying unbound, typing the mother's papers; the certificate was issued before, so hukou starts at once.
    const family = await residentSignIn(server, '13900000104');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/portal/newborn-bundles',
      ...asResident(family),
      payload: {
        newborn: {
          name: '和小溪',
          sex: 'female',
          birthDate: '2025-12-20',
          birthTime: '09:40',
          birthPlace: '维西县人民医院',
          hospitalName: '维西傈僳族自治县人民医院',
        },
        mother: { name: mother.name, idNumber: mother.idNumber, phone: '13900000104' },
        father: null,
        hukouRegionCode: VILLAGE,
        services: ['hukouRegistration'],
        existingBirthCertificateNo: 'Q530012346',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mother.personId).toBeNull();
    const hukou = taskId(res.json(), 'hukouRegistration');

    await signIn(page, server, 'police');
    await page.getByTestId('nav-bundle-tasks').click();
    const task = row(page, 'task-row', hukou);
    await task.waitFor();
    await task.getByRole('link').click();
    const declared = page.getByTestId('declared-mother');
    await declared.waitFor();
    expect(await declared.getAttribute('data-known')).toBe('true');
    expect(await page.getByTestId('declared-mother-children').textContent()).toBe(String(mother.children));
    expect(await declared.textContent()).toContain(mother.name);
    await screenshot(page, 'family-hukou-declared-mother');

    await page.getByTestId('completion-idNumber').fill(await freshIdNumber(server, '2025-12-20', 'female'));
    await page.getByTestId('confirm-declared-parents').check();
    await page.getByTestId('task-complete').click();
    await page.getByTestId('result-newbornId').waitFor();
    expect(await page.getByTestId('parents-not-linked').count()).toBe(0);
    const links = await server.database.query<{ kind: string; name: string }>(
      `SELECT r.kind, m.name FROM relationships r JOIN persons m ON m.id = r.from_person_id JOIN newborn_bundles b ON b.newborn_person_id = r.to_person_id WHERE b.id = $1`,
      [res.json().id],
    );
    expect(links).toEqual([{ kind: 'mother', name: mother.name }]);
  });

  it('the system administrator adds a public holiday to the working-day calendar and removes it again', async () => {
    const { page, server } = f;
    await signIn(page, server, 'admin');
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-table').waitFor();
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-item-option', { hasText: '2027' }).click();
    await page.getByText('该年度没有节假日安排').waitFor();

    await page.getByTestId('calendar-add').click();
    await modalOpened(page);
    await page.getByTestId('calendar-date').click();
    await page.keyboard.type('2027-01-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-festival-zh').fill('元旦');
    await page.getByTestId('calendar-festival-en').fill("New Year's Day");
    await page.getByTestId('calendar-source').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await page.getByTestId('calendar-save').click();
    const day = page.getByTestId('calendar-day-2027-01-01');
    await day.waitFor();
    expect(await day.getAttribute('data-kind')).toBe('holiday');
    expect(await day.textContent()).toContain('元旦');
    const stored = await server.database.query<{ kind: string; festival_en: string }>(
      "SELECT kind, festival_en FROM calendar_days WHERE day = '2027-01-01'",
    );
    expect(stored).toEqual([{ kind: 'holiday', festival_en: "New Year's Day" }]);
    await screenshot(page, 'family-calendar');

    await day.getByTestId('calendar-remove').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.getByText('该年度没有节假日安排').waitFor();
    expect(await server.database.query("SELECT 1 FROM calendar_days WHERE day = '2027-01-01'")).toEqual([]);
  });
});
