// Issue 4's "Done when", walked end to end through the UI: a mother on her phone registers her
// second child by commitment, the township completes it in time, the family checks the receipt,
// then applies for the newborn bundle; five departments each complete their task in the
// console; the family sees it all done; the newborn is in the registry with a valid ID number,
// linked to both parents, and the mother sees her children's benefits with the rules behind
// them. Bad input on the way (an impossible date, a malformed ID number, a 20 MB upload, a
// script tag in a name) is explained and changes nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  childbirthRegistrationDeadline,
  chinaDateOf,
  computeIdCheckCharacter,
  fen,
  formatYuan,
  parseIdNumber,
  pick,
} from '@cradle/domain';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createPii, decryptField, encryptField } from '../../server/src/crypto/pii.js';
import { screenshot, signIn, TOWNSHIP, useBrowser, type E2EServer } from './harness.js';

const f = useBrowser();
const PHONE_SIZED = { width: 375, height: 812 };
const today = chinaDateOf(new Date());
const MiB = 1024 * 1024;

const NEWBORN = {
  name: '和小禾',
  sex: 'female' as const,
  birthTime: '08:30',
  place: '云南省迪庆藏族自治州维西傈僳族自治县',
  hospital: '维西傈僳族自治县人民医院',
};
const CERTIFICATE_NO = 'Q530026118';
const VACCINATION_NO = 'YM-533423-2026-0117';
const CARD_NO = 'SSC5334230117';

interface Mother {
  personId: number;
  name: string;
  idNumber: string;
  phone: string;
  residenceRegionCode: string;
  husbandId: number;
}

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A living mother of one child born before 2025 (so a child born now is her second and no earlier
 * registration is "the same birth"), living in the township worker's township, with a living
 * husband; given `phone` on record so the resident signing in with it can bind to her.
 */
async function pickMother(server: E2EServer, phone: string): Promise<Mother> {
  const [row] = await server.database.query<{
    id: number;
    name: string;
    id_cipher: Buffer;
    residence_region_code: string;
    husband_id: number;
  }>(
    `SELECT m.id, m.name, m.id_cipher, m.residence_region_code, min(s.from_person_id) AS husband_id
       FROM persons m
       JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother' JOIN persons c ON c.id = r.to_person_id
       JOIN relationships s ON s.kind = 'spouse' AND s.to_person_id = m.id JOIN persons h ON h.id = s.from_person_id AND h.death_date IS NULL
      WHERE m.death_date IS NULL AND m.sex = 'female' AND m.birth_date > '1986-01-01' AND m.residence_region_code LIKE $1 AND length(m.residence_region_code) = 12
      GROUP BY m.id HAVING count(DISTINCT c.id) = 1 AND count(DISTINCT h.id) = 1 AND max(c.birth_date) < '2025-01-01' ORDER BY m.id LIMIT 1`,
    [`${TOWNSHIP}%`],
  );
  if (!row) throw new Error(`no mother of one child with a husband in ${TOWNSHIP}`);
  await server.database.query('UPDATE persons SET phone_cipher = $2 WHERE id = $1', [
    row.id,
    encryptField(server.keys.piiEncryption, 'phone', phone),
  ]);
  return {
    personId: Number(row.id),
    name: row.name,
    idNumber: decryptField(server.keys.piiEncryption, 'idNumber', row.id_cipher),
    phone,
    residenceRegionCode: row.residence_region_code,
    husbandId: Number(row.husband_id),
  };
}

/** A valid resident ID number for a birth in a county (check character computed), held by nobody in the registry. */
async function newbornIdNumber(
  server: E2EServer,
  county: string,
  birthDate: string,
  sex: 'male' | 'female',
): Promise<string> {
  const pii = createPii(server.keys);
  try {
    // The 17th digit is odd for a man, even for a woman.
    for (let seq = sex === 'male' ? 999 : 998; seq > 0; seq -= 2) {
      const first17 = `${county}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const id = first17 + computeIdCheckCharacter(first17);
      if (
        (await server.database.query('SELECT 1 FROM persons WHERE id_blind_index = $1', [pii.idBlindIndex(id)]))
          .length === 0
      )
        return id;
    }
  } finally {
    await pii.close();
  }
  throw new Error('no free ID number');
}

/** What bad input must not change: the family-service rows, the registry, the uploads, every task's status. */
async function stateOf(server: E2EServer) {
  const [row] = await server.database.query<Record<string, number | string | null>>(
    `SELECT (SELECT count(*)::int FROM childbirth_registrations) AS registrations,
            (SELECT string_agg(status, ',' ORDER BY id) FROM childbirth_registrations) AS registration_statuses,
            (SELECT count(*)::int FROM newborn_bundles) AS bundles,
            (SELECT string_agg(status, ',' ORDER BY id) FROM bundle_tasks) AS task_statuses,
            (SELECT count(*)::int FROM attachments) AS attachments,
            (SELECT count(*)::int FROM persons) AS persons,
            (SELECT count(*)::int FROM relationships) AS relationships`,
  );
  return row;
}

/** The text of the Ant Design form item holding the test id: its label, input and messages. */
function formItem(page: Page, testId: string) {
  return page.locator('.ant-form-item', { has: page.getByTestId(testId) });
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Counts the POSTs a page sends to an API path, to prove a refused form sent nothing. */
function countPosts(page: Page, apiPath: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === apiPath) n++;
  });
  return () => n;
}

/** The verify token printed under the receipt's QR code (the way portal.e2e reads it; receipts/README.md). */
async function verifyTokenIn(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) text += item.str;
  }
  await doc.destroy();
  const token = /\/verify\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error('no verify URL in the receipt');
  return token;
}

/** The portal's sign-in with the code the (recording) SMS sender kept; ends where the portal sends a new account. */
async function portalSignIn(page: Page, server: E2EServer, phone: string): Promise<void> {
  await page.goto(`${server.baseUrl}/m`);
  await expect.poll(() => pathOf(page)).toBe('/m/sign-in');
  await page.getByTestId('portal-phone').fill(phone);
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/portal/code');
  await page.getByTestId('portal-send-code').click();
  expect((await sent).status()).toBe(204);
  await page.getByTestId('portal-code').fill(server.sms.lastCode(phone));
  await page.getByTestId('portal-sign-in-submit').click();
  await expect.poll(() => pathOf(page)).toBe('/m/binding');
}

/** A staff member in a browser context of their own, at desktop size, on their own queue page. */
async function staffPage(username: string): Promise<Page> {
  const page = await f.newPage();
  await signIn(page, f.server, username);
  return page;
}

/** Opens a bundle task from the department's queue, by its row, and waits for the work card. */
async function openQueuedTask(page: Page, taskId: number): Promise<void> {
  await page.getByTestId('nav-bundle-tasks').click();
  const row = page.getByTestId('task-row').and(page.locator(`[data-id="${taskId}"]`));
  await row.waitFor();
  expect(await row.getByTestId('task-status').getAttribute('data-status')).toBe('pending');
  expect(await row.getByTestId('deadline').getAttribute('data-state')).not.toBe('overdue');
  await row.getByRole('link').click();
  await page.getByTestId('task-work').waitFor();
}

type PortalBundle = {
  id: number;
  status: string;
  tasks: { id: number; service: string; status: string }[];
  entitlements: { schemeCode: string; schemeName: { zh: string; en: string } }[];
};
type Benefits = {
  children: {
    child: { personId: number; name: string };
    schemes: {
      schemeCode: string;
      name: { zh: string };
      eligible: boolean;
      proactive: boolean;
      amountFen: number;
      trace: { rule: { zh: string; en: string }; pass: boolean; basis: { document: string; clause: string } }[];
    }[];
  }[];
};

describe('issue 4 end to end: the family, the township and the five departments', () => {
  it('a mother registers her second child, the township completes it in time, the receipt verifies; her newborn bundle passes all five departments, the newborn is in the registry linked to both parents, and she sees her children’s benefits with the rules', async () => {
    const { server } = f;
    const mom = f.page;
    await mom.setViewportSize(PHONE_SIZED);
    const mother = await pickMother(server, '13987650101');
    const birthDate = daysFrom(today, -3);

    // 1. Sign-in with the phone and the texted code, binding to her registry record.
    await portalSignIn(mom, server, mother.phone);
    await mom.getByTestId('portal-binding-name').fill(mother.name);
    await mom.getByTestId('portal-binding-id').fill(mother.idNumber);
    await mom.getByTestId('portal-binding-submit').click();
    const family = mom.getByTestId('portal-family');
    await expect
      .poll(() => family.getByTestId('family-self').getByTestId('family-name').textContent())
      .toBe(mother.name);
    expect(await family.getByTestId('family-child').count()).toBe(1);
    await screenshot(mom, 'family-path-01-home');

    // 生育登记 of a born child: parents from the registry, 孩次 2 computed, not typed.
    await mom.getByTestId('portal-start-registration').click();
    await expect.poll(() => mom.getByTestId('portal-parity-value').textContent()).toBe('第2孩');
    expect(await mom.getByTestId('portal-mother-registry').textContent()).toContain(mother.name);
    expect(await mom.getByTestId('portal-father-registry').count()).toBe(1);
    expect(await mom.getByTestId('portal-residence').getAttribute('data-code')).toBe(mother.residenceRegionCode);
    await mom.locator('label:has([data-testid=portal-status-born])').click();
    await mom.getByTestId('portal-child-sex').locator('label:has(input[value=female])').click();
    await mom.getByTestId('portal-commitment').check();

    // Bad input first: markup in the child's name and a birth tomorrow, each told on its field; nothing sent.
    const registrationPosts = countPosts(mom, '/api/portal/childbirth-registrations');
    const before = await stateOf(server);
    await mom.getByTestId('portal-child-name').fill('<script>alert(1)</script>');
    await mom.getByTestId('portal-child-birth-date').fill(daysFrom(today, 1));
    await mom.getByTestId('portal-registration-submit').click();
    await expect.poll(() => formItem(mom, 'portal-child-name').textContent()).toContain('姓名含有不允许的字符');
    await expect.poll(() => formItem(mom, 'portal-child-birth-date').textContent()).toContain(`晚于今天（${today}）`);
    await screenshot(mom, 'family-path-02-registration-bad-input');
    expect(registrationPosts()).toBe(0);
    expect(await stateOf(server)).toEqual(before);

    await mom.getByTestId('portal-child-name').fill(NEWBORN.name);
    await mom.getByTestId('portal-child-birth-date').fill(birthDate);
    await expect.poll(() => mom.locator('.ant-form-item-explain-error').count()).toBe(0);
    await screenshot(mom, 'family-path-03-registration-form');
    const submitted = mom.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/portal/childbirth-registrations' && r.request().method() === 'POST',
    );
    await mom.getByTestId('portal-registration-submit').click();
    expect((await submitted).status()).toBe(201);

    // Submitted, with its deadline: 3 working days on the calendar.
    await expect
      .poll(() => mom.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('submitted');
    const registrationId = Number(pathOf(mom).split('/').pop());
    const registrationNo = (await mom.getByTestId('portal-registration-no').textContent()) ?? '';
    const deadline = childbirthRegistrationDeadline(today);
    expect(await mom.getByTestId('portal-registration-parity').textContent()).toBe('第2孩');
    expect(await mom.getByTestId('portal-deadline').getAttribute('data-state')).toBe('onTime');
    expect(await mom.getByTestId('portal-deadline').textContent()).toContain(deadline);
    await screenshot(mom, 'family-path-04-registration-submitted');

    // 2. The township of her residence finds it in its queue, in time, and asks for the birth record.
    const township = await staffPage('township');
    await township.getByTestId('nav-childbirth-registrations').click();
    const queued = township.getByTestId('registration-row').and(township.locator(`[data-id="${registrationId}"]`));
    await queued.waitFor();
    expect(await queued.getByTestId('deadline').getAttribute('data-state')).toBe('onTime');
    expect(await queued.getAttribute('class')).not.toContain('family-row-overdue');
    expect(await queued.textContent()).toContain(deadline);
    await screenshot(township, 'family-path-05-township-queue');
    await queued.getByRole('link').click();
    await township.getByTestId('registration-request-info').click();
    await township.getByTestId('request-info-text').fill('请上传出生医学证明或住院记录首页照片');
    await township.getByTestId('request-info-confirm').click();
    await expect
      .poll(() => township.getByTestId('registration-status').first().getAttribute('data-status'))
      .toBe('infoRequested');

    // The family answers. A 20 MB scan is refused before it is sent, with the 5 MB limit named;
    // the server refuses one that gets past the page, and says nothing was saved.
    await mom.reload();
    await expect.poll(() => mom.getByTestId('portal-info-request').textContent()).toContain('出生医学证明');
    const dir = await mkdtemp(path.join(tmpdir(), 'cradle-family-path-'));
    try {
      const big = path.join(dir, '住院记录扫描.pdf');
      await writeFile(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * MiB)]));
      const attachmentPosts = countPosts(mom, '/api/portal/attachments');
      const beforeUpload = await stateOf(server);
      await mom.locator('[data-testid=portal-reply] input[type=file]').setInputFiles(big);
      await expect
        .poll(() => mom.getByTestId('portal-reply-error').textContent())
        .toContain('“住院记录扫描.pdf”超过 5 MB');
      await screenshot(mom, 'family-path-06-upload-too-large');
      expect(attachmentPosts()).toBe(0);
      const { csrfToken } = (await (await mom.request.get(`${server.baseUrl}/api/portal/me`)).json()) as {
        csrfToken: string;
      };
      const direct = await mom.request.post(`${server.baseUrl}/api/portal/attachments`, {
        headers: { 'x-csrf-token': csrfToken },
        multipart: {
          ownerKind: 'childbirthRegistration',
          ownerId: String(registrationId),
          file: { name: '住院记录扫描.pdf', mimeType: 'application/pdf', buffer: await readFile(big) },
        },
      });
      expect(direct.status()).toBe(413);
      expect(((await direct.json()) as { message: string }).message).toContain('附件不能超过 5 MB');
      expect(await stateOf(server)).toEqual(beforeUpload);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await mom.locator('[data-testid=portal-reply] input[type=file]').setInputFiles({
      name: '住院记录首页.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await mom.getByTestId('portal-reply-message').fill('已上传住院记录首页。');
    await mom.getByTestId('portal-reply-send').click();
    await expect
      .poll(() => mom.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('submitted');
    expect(await mom.getByTestId('portal-registration-detail').textContent()).toContain('住院记录首页.pdf');

    // The township completes it, before its deadline.
    await township.reload();
    await township.getByTestId('registration-complete').click();
    await township.getByTestId('complete-text').fill('已核对住院记录');
    await township.getByTestId('complete-confirm').click();
    await expect
      .poll(() => township.getByTestId('registration-status').first().getAttribute('data-status'))
      .toBe('completed');
    await screenshot(township, 'family-path-07-township-completed');
    const [done] = await server.database.query<{ in_time: boolean }>(
      "SELECT (completed_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline AS in_time FROM childbirth_registrations WHERE id = $1 AND status = 'completed'",
      [registrationId],
    );
    expect(done?.in_time).toBe(true);
    await township.close();

    // 3. The family downloads the receipt; its printed link shows it valid to anyone, unsigned-in.
    await mom.reload();
    await expect
      .poll(() => mom.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('completed');
    const download = mom.waitForEvent('download');
    await mom.getByTestId('portal-receipt-download').click();
    const pdf = await readFile(await (await download).path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const token = await verifyTokenIn(pdf);
    const stranger = await f.newPage();
    await stranger.setViewportSize(PHONE_SIZED);
    await stranger.goto(`${server.baseUrl}/verify/${token}`);
    const verdict = stranger.getByTestId('portal-verify-verdict');
    await expect.poll(() => verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.getAttribute('data-matches')).toBe('true');
    expect(await stranger.getByTestId('portal-verify-number').textContent()).toBe(registrationNo);
    expect(await stranger.getByTestId('portal-verify-details').textContent()).toContain('第2孩');
    await screenshot(stranger, 'family-path-08-receipt-verified');
    await stranger.close();

    // 4. The newborn bundle: all five services, the parents from the registry.
    await mom.getByTestId('portal-back').click();
    await mom.getByTestId('portal-start-bundle').click();
    await expect.poll(() => mom.getByTestId('portal-services').locator('input[type=checkbox]:checked').count()).toBe(5);
    expect(await mom.getByTestId('portal-mother-registry').textContent()).toContain(mother.name);
    expect(await mom.getByTestId('portal-father-registry').count()).toBe(1);
    expect(await mom.getByTestId('portal-hukou-region').getAttribute('data-code')).toBe(mother.residenceRegionCode);
    await mom.getByTestId('portal-newborn-name').fill(NEWBORN.name);
    await mom.getByTestId('portal-newborn-sex').locator('label:has(input[value=female])').click();
    await mom.getByTestId('portal-newborn-birth-time').fill(NEWBORN.birthTime);
    await mom.getByTestId('portal-newborn-birth-place').fill(NEWBORN.place);
    await mom.getByTestId('portal-newborn-hospital').fill(NEWBORN.hospital);

    // An impossible date (born tomorrow) and markup in the hospital's name: told, nothing sent.
    const bundlePosts = countPosts(mom, '/api/portal/newborn-bundles');
    const beforeBundle = await stateOf(server);
    await mom.getByTestId('portal-newborn-birth-date').fill(daysFrom(today, 1));
    await mom.getByTestId('portal-newborn-hospital').fill('<script>alert(1)</script>');
    await mom.getByTestId('portal-bundle-submit').click();
    await expect.poll(() => formItem(mom, 'portal-newborn-birth-date').textContent()).toContain(`晚于今天（${today}）`);
    await expect.poll(() => formItem(mom, 'portal-newborn-hospital').textContent()).toContain('含有不允许的字符');
    await screenshot(mom, 'family-path-09-bundle-bad-input');
    expect(bundlePosts()).toBe(0);
    expect(await stateOf(server)).toEqual(beforeBundle);

    await mom.getByTestId('portal-newborn-birth-date').fill(birthDate);
    await mom.getByTestId('portal-newborn-hospital').fill(NEWBORN.hospital);
    await expect.poll(() => mom.locator('.ant-form-item-explain-error').count()).toBe(0);
    await screenshot(mom, 'family-path-10-bundle-form');
    const created = mom.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/portal/newborn-bundles' && r.request().method() === 'POST',
    );
    await mom.getByTestId('portal-bundle-submit').click();
    expect((await created).status()).toBe(201);
    await expect.poll(() => mom.getByTestId('portal-bundle-status').getAttribute('data-status')).toBe('inProgress');
    const taskStatus = (service: string) => mom.getByTestId(`portal-task-${service}`).getAttribute('data-status');
    expect(await taskStatus('birthCertificate')).toBe('pending');
    expect(await taskStatus('vaccinationRecord')).toBe('pending');
    expect(await taskStatus('hukouRegistration')).toBe('waiting');
    expect(await taskStatus('medicalInsuranceEnrollment')).toBe('waiting');
    expect(await taskStatus('socialSecurityCard')).toBe('waiting');
    expect(await mom.getByTestId('portal-insurance-deadline').textContent()).toContain(daysFrom(birthDate, 90));
    await screenshot(mom, 'family-path-11-bundle-submitted');
    const bundleId = Number(pathOf(mom).split('/').pop());
    const bundleUrl = `${server.baseUrl}/api/portal/newborn-bundles/${bundleId}`;
    const submittedBundle = (await (await mom.request.get(bundleUrl)).json()) as PortalBundle;
    const task = (service: string) => submittedBundle.tasks.find((x) => x.service === service)!.id;

    // 5. Each department in its own queue: the certificate first, vaccination beside it.
    const hospital = await staffPage('hospital');
    await openQueuedTask(hospital, task('birthCertificate'));
    await hospital.getByTestId('completion-certificateNo').fill(CERTIFICATE_NO);
    await hospital.getByTestId('task-complete').click();
    await expect.poll(() => hospital.getByTestId('result-certificateNo').textContent()).toBe(CERTIFICATE_NO);
    await screenshot(hospital, 'family-path-12-hospital-certificate');
    await hospital.close();

    const cdc = await staffPage('cdc');
    await openQueuedTask(cdc, task('vaccinationRecord'));
    await cdc.getByTestId('completion-recordNo').fill(VACCINATION_NO);
    await cdc.getByTestId('task-complete').click();
    await cdc.getByTestId('task-result').waitFor();
    expect(await cdc.getByTestId('task-result').textContent()).toContain(VACCINATION_NO);
    await cdc.close();

    // Public security: hukou waited for the certificate. Malformed ID numbers are refused on the
    // field and change nothing; then the newborn's own number, built for her birth date, sex and county.
    const county = mother.residenceRegionCode.slice(0, 6);
    const police = await staffPage('police');
    await openQueuedTask(police, task('hukouRegistration'));
    expect(await police.getByTestId('bundle-certificate').textContent()).toBe(CERTIFICATE_NO);
    const idInput = police.getByTestId('completion-idNumber');
    const idMessage = police.locator('.ant-form-item-explain-error').first();
    const beforeHukou = await stateOf(server);
    const impossible17 = `${county}20260230002`;
    const wrongCheck17 = `${county}${birthDate.replaceAll('-', '')}002`;
    const refusals: [string, string][] = [
      [`${county}${birthDate.replaceAll('-', '')}`, '应为18位，当前为14位'],
      [impossible17 + computeIdCheckCharacter(impossible17), '20260230 不是有效的出生日期'],
      [wrongCheck17 + (computeIdCheckCharacter(wrongCheck17) === '1' ? '2' : '1'), '校验位错误'],
    ];
    for (const [bad, message] of refusals) {
      await idInput.fill(bad);
      await expect.poll(() => idMessage.textContent()).toContain(message);
    }
    await police.getByTestId('task-complete').click();
    await screenshot(police, 'family-path-13-police-malformed-id');
    expect(await police.getByTestId('task-status').first().getAttribute('data-status')).toBe('pending');
    expect(await stateOf(server)).toEqual(beforeHukou);

    const newbornId = await newbornIdNumber(server, county, birthDate, NEWBORN.sex);
    await idInput.fill(newbornId);
    await expect.poll(() => police.locator('.ant-form-item-explain-error').count()).toBe(0);
    await police.getByTestId('task-complete').click();
    await expect.poll(() => police.getByTestId('result-newbornId').textContent()).toContain(newbornId.slice(-4));
    await screenshot(police, 'family-path-14-police-hukou');
    await police.close();

    // Medical insurance, within the 90 days: enrolled today, not late.
    const medins = await staffPage('medins');
    await medins.getByTestId('nav-bundle-tasks').click();
    const insuranceRow = medins
      .getByTestId('task-row')
      .and(medins.locator(`[data-id="${task('medicalInsuranceEnrollment')}"]`));
    await insuranceRow.waitFor();
    expect(await insuranceRow.getByTestId('enrolment-deadline').getAttribute('data-late')).toBe('false');
    await openQueuedTask(medins, task('medicalInsuranceEnrollment'));
    await medins.getByTestId('completion-enrolledOn').click();
    await medins.locator('.ant-picker-dropdown .ant-picker-cell-today').click();
    await expect.poll(() => medins.getByTestId('completion-enrolledOn').inputValue()).toBe(today);
    expect(await medins.getByTestId('late-warning').count()).toBe(0);
    await medins.getByTestId('task-complete').click();
    await medins.getByTestId('task-result').waitFor();
    expect(await medins.getByTestId('task-result').textContent()).toContain(today);
    expect(await medins.getByTestId('late-flag').count()).toBe(0);
    await screenshot(medins, 'family-path-15-medins-enrolled');
    await medins.close();

    const hrss = await staffPage('hrss');
    await openQueuedTask(hrss, task('socialSecurityCard'));
    await hrss.getByTestId('completion-cardNo').fill(CARD_NO);
    await hrss.getByTestId('task-complete').click();
    await hrss.getByTestId('task-result').waitFor();
    expect(await hrss.getByTestId('task-result').textContent()).toContain(CARD_NO);
    await hrss.close();

    // 6. The family sees every task done, and whatever 免申即享 granted once the newborn was registered.
    const [newborn] = await server.database.query<{
      id: number;
      name: string;
      sex: string;
      birth_date: string;
      hukou_region_code: string;
      id_cipher: Buffer;
    }>(
      'SELECT id, name, sex, birth_date::text AS birth_date, hukou_region_code, id_cipher FROM persons WHERE id_blind_index = $1',
      [createPii(server.keys).idBlindIndex(newbornId)],
    );
    expect(newborn).toBeDefined();
    const newbornPersonId = Number(newborn!.id);
    // The benefits module handles the registry event after the hukou commit: wait for it, not for a time.
    await expect
      .poll(
        async () =>
          (
            await server.database.query(
              "SELECT 1 FROM registry_events WHERE kind = 'newbornRegistered' AND person_id = $1 AND handled_at IS NOT NULL",
              [newbornPersonId],
            )
          ).length,
      )
      .toBe(1);
    await mom.reload();
    await expect.poll(() => mom.getByTestId('portal-bundle-status').getAttribute('data-status')).toBe('completed');
    for (const service of [
      'birthCertificate',
      'vaccinationRecord',
      'hukouRegistration',
      'medicalInsuranceEnrollment',
      'socialSecurityCard',
    ]) {
      expect(await taskStatus(service), service).toBe('done');
    }
    const results = (await mom.getByTestId('portal-task-result').allTextContents()).join('\n');
    for (const shown of [CERTIFICATE_NO, VACCINATION_NO, newbornId.slice(-4), today]) expect(results).toContain(shown);
    expect(results).not.toContain(newbornId);
    expect(await mom.getByTestId('portal-insurance-deadline').getAttribute('data-late')).toBe('false');
    const finished = (await (await mom.request.get(bundleUrl)).json()) as PortalBundle;
    const page = (await mom.getByTestId('portal-bundle-detail').textContent()) ?? '';
    for (const e of finished.entitlements) expect(page).toContain(e.schemeName.zh);
    await screenshot(mom, 'family-path-16-bundle-done');

    // 7. The registry: the newborn with that ID number, hukou in the county, linked to both parents.
    expect(decryptField(server.keys.piiEncryption, 'idNumber', newborn!.id_cipher)).toBe(newbornId);
    expect(newborn).toMatchObject({
      name: NEWBORN.name,
      sex: 'female',
      birth_date: birthDate,
      hukou_region_code: mother.residenceRegionCode,
    });
    expect(newborn!.hukou_region_code.startsWith(county)).toBe(true);
    const parsed = parseIdNumber(newbornId);
    expect(parsed.ok && parsed.value).toMatchObject({ birthDate, sex: 'female', regionCode: county, kind: 'resident' });
    const parents = await server.database.query<{ kind: string; from_person_id: number }>(
      "SELECT kind, from_person_id FROM relationships WHERE to_person_id = $1 AND kind IN ('mother', 'father') ORDER BY kind",
      [newbornPersonId],
    );
    expect(parents.map((p) => [p.kind, Number(p.from_person_id)])).toEqual([
      ['father', mother.husbandId],
      ['mother', mother.personId],
    ]);
    const [linked] = await server.database.query<{ newborn_person_id: number }>(
      'SELECT newborn_person_id FROM newborn_bundles WHERE id = $1',
      [bundleId],
    );
    expect(Number(linked!.newborn_person_id)).toBe(newbornPersonId);

    // 我的补贴: both children now, every scheme of their hukou region with its verdict, amount and rules.
    await mom.getByTestId('portal-back').click();
    await mom.getByTestId('portal-open-benefits').click();
    await expect.poll(() => mom.getByTestId('portal-benefits-child').count()).toBe(2);
    const benefits = (await (await mom.request.get(`${server.baseUrl}/api/portal/benefits`)).json()) as Benefits;
    expect(benefits.children.map((c) => c.child.personId)).toContain(newbornPersonId);
    for (const { child, schemes } of benefits.children) {
      const card = mom.getByTestId('portal-benefits-child').and(mom.locator(`[data-person-id="${child.personId}"]`));
      expect(await card.getByTestId('portal-benefits-child-name').textContent()).toBe(child.name);
      expect(await card.getByTestId('portal-benefit').count()).toBe(schemes.length);
      expect(await card.getByTestId('portal-benefits-eligible-count').getAttribute('data-count')).toBe(
        String(schemes.filter((s) => s.eligible).length),
      );
      for (const s of schemes) {
        const row = card.getByTestId('portal-benefit').and(mom.locator(`[data-scheme="${s.schemeCode}"]`));
        expect(await row.getAttribute('data-eligible')).toBe(String(s.eligible));
        expect(await row.getByTestId('portal-benefit-name').textContent()).toBe(s.name.zh);
        expect(await row.getByTestId('portal-benefit-kind').textContent()).toBe(s.proactive ? '免申即享' : '需申请');
        expect(await row.getByTestId('portal-benefit-amount').allTextContents()).toEqual(
          s.eligible ? [`¥${formatYuan(fen(s.amountFen))}`] : [],
        );
      }
    }
    // The newborn is under 3: the national childcare subsidy applies, by application; its rules on demand.
    // The family sees this year's verdict, and the subsidy's first month is the one after birth: a
    // child born in December has no month of this year, so is told why not (the month rule fails).
    const national = benefits.children
      .find((c) => c.child.personId === newbornPersonId)!
      .schemes.find((s) => s.schemeCode === 'national.childcareSubsidy')!;
    const bornInDecember = birthDate.slice(5, 7) === '12';
    expect(national).toMatchObject({ eligible: !bornInDecember, proactive: false });
    if (bornInDecember) expect(national.trace.some((s) => !s.pass)).toBe(true);
    else expect(national.amountFen).toBeGreaterThan(0);
    const nationalRow = mom
      .getByTestId('portal-benefits-child')
      .and(mom.locator(`[data-person-id="${newbornPersonId}"]`))
      .getByTestId('portal-benefit')
      .and(mom.locator('[data-scheme="national.childcareSubsidy"]'));
    await nationalRow.getByTestId('portal-benefit-toggle').click();
    const steps = nationalRow.getByTestId('portal-benefit-step');
    await expect.poll(() => steps.count()).toBe(national.trace.length);
    expect(await nationalRow.getByTestId('portal-benefit-rule').allTextContents()).toEqual(
      national.trace.map((s) => pick(s.rule, 'zh-CN')),
    );
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-pass')))).toEqual(
      national.trace.map((s) => String(s.pass)),
    );
    const bases = await nationalRow.getByTestId('portal-benefit-basis').allTextContents();
    national.trace.forEach((s, i) => expect(bases[i]).toContain(`${s.basis.document} ${s.basis.clause}`));
    await mom.evaluate(() => window.scrollTo(0, 0));
    await screenshot(mom, 'family-path-17-benefits');
  }, 240_000);

  it('bad input from a family the registry does not know: markup in a name, an impossible date, a malformed parent ID number; refused on the fields and by the server, nothing stored', async () => {
    const { server, page } = f;
    await page.setViewportSize(PHONE_SIZED);
    await portalSignIn(page, server, '19912340117');
    await page.getByTestId('portal-binding-skip').click();

    // Not linked: the benefits page says why it has nothing to show.
    await page.getByTestId('portal-open-benefits').click();
    await page.getByTestId('portal-benefits-unbound').waitFor();
    await page.getByTestId('portal-back').click();

    await page.getByTestId('portal-start-bundle').click();
    await page.getByTestId('portal-mother-declared').waitFor();
    const posts = countPosts(page, '/api/portal/newborn-bundles');
    const before = await stateOf(server);
    const badDate17 = '53342319900230002';
    await page.getByTestId('portal-mother-name').fill('<script>alert(1)</script>');
    await page.getByTestId('portal-mother-id').fill(badDate17 + computeIdCheckCharacter(badDate17));
    await page.getByTestId('portal-with-father').click();
    await page.getByTestId('portal-newborn-name').fill('余小芳');
    await page.getByTestId('portal-newborn-sex').locator('label:has(input[value=female])').click();
    await page.getByTestId('portal-newborn-birth-date').fill(daysFrom(today, 2));
    await page.getByTestId('portal-newborn-birth-time').fill('10:00');
    await page.getByTestId('portal-newborn-birth-place').fill(NEWBORN.place);
    await page.getByTestId('portal-newborn-hospital').fill(NEWBORN.hospital);
    await page.getByTestId('portal-bundle-submit').click();
    await expect.poll(() => formItem(page, 'portal-mother-name').textContent()).toContain('姓名含有不允许的字符');
    await expect.poll(() => formItem(page, 'portal-mother-id').textContent()).toContain('19900230 不是有效的出生日期');
    await expect.poll(() => formItem(page, 'portal-newborn-birth-date').textContent()).toContain('晚于今天');
    await screenshot(page, 'family-path-18-declared-parent-bad-input');
    expect(posts()).toBe(0);

    // A request that skips the page's checks, with 30 February: the server names the field and stores nothing.
    const { csrfToken } = (await (await page.request.get(`${server.baseUrl}/api/portal/me`)).json()) as {
      csrfToken: string;
    };
    const motherId17 = '53342319900301002';
    const res = await page.request.post(`${server.baseUrl}/api/portal/newborn-bundles`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        newborn: {
          name: '余小芳',
          sex: 'female',
          birthDate: '2026-02-30',
          birthTime: '10:00',
          birthPlace: NEWBORN.place,
          hospitalName: NEWBORN.hospital,
        },
        mother: { name: '余春梅', idNumber: motherId17 + computeIdCheckCharacter(motherId17) },
        father: null,
        hukouRegionCode: `${TOWNSHIP}001`,
        services: ['birthCertificate', 'vaccinationRecord'],
      },
    });
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { message: string; details: { field: string; message: { zh: string } }[] };
    expect(body.message).toContain('请按提示修改');
    expect(body.details.find((d) => d.field === 'newborn.birthDate')?.message.zh).toContain('“2026-02-30”不是有效日期');
    expect(await stateOf(server)).toEqual(before);
  });
});
