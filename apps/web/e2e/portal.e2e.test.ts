// The resident portal (掌上办) on a phone-sized screen: sign-in with a one-time code, binding to
// the registry record, the family, a childbirth registration by commitment through to its
// receipt and the public check of it, and bad input refused with a clear message.
import { readFile } from 'node:fs/promises';
import { chinaDateOf, computeIdCheckCharacter } from '@cradle/domain';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField } from '../../server/src/crypto/pii.js';
import { DEMO_PASSWORD, screenshot, TOWNSHIP, useBrowser, type E2EServer } from './harness.js';

const f = useBrowser();
const PHONE_SIZED = { width: 375, height: 812 };

interface Mother {
  personId: number;
  name: string;
  idNumber: string;
  phone: string;
  residenceRegionCode: string;
}

/**
 * A living mother of one child in the township worker's township, with a husband, given `phone`
 * on record so that the resident signing in with it can bind to her.
 */
async function pickMother(server: E2EServer, phone: string, offset = 0): Promise<Mother> {
  const [row] = await server.database.query<{
    id: number;
    name: string;
    id_cipher: Buffer;
    residence_region_code: string;
  }>(
    `SELECT m.id, m.name, m.id_cipher, m.residence_region_code
       FROM persons m JOIN relationships r ON r.from_person_id = m.id AND r.kind = 'mother'
      WHERE m.death_date IS NULL AND m.birth_date > '1986-01-01' AND m.residence_region_code LIKE $1 AND length(m.residence_region_code) = 12
        AND EXISTS (SELECT 1 FROM relationships s WHERE s.kind = 'spouse' AND s.to_person_id = m.id)
      GROUP BY m.id HAVING count(*) = 1 ORDER BY m.id OFFSET $2 LIMIT 1`,
    [`${TOWNSHIP}%`, offset],
  );
  if (!row) throw new Error(`no mother of one child in ${TOWNSHIP}`);
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
  };
}

/** A staff member's side, through the API (the console's own pages have their own tests). */
async function asStaff(server: E2EServer, username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '10.9.0.1',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'cradle_session')!;
  const res = await server.app.inject({
    method,
    url,
    payload,
    headers: { cookie: `cradle_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** Asks for a code on the sign-in page and waits until the server has sent it. */
async function requestCode(page: Page, phone: string): Promise<void> {
  await page.getByTestId('portal-phone').fill(phone);
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/portal/code');
  await page.getByTestId('portal-send-code').click();
  expect((await sent).status()).toBe(204);
}

/** Signs a mother in and links her account to her registry record, ending on the home page. */
async function signInAndBind(page: Page, server: E2EServer, mother: Mother): Promise<void> {
  await page.goto(`${server.baseUrl}/m`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/m/sign-in');
  await requestCode(page, mother.phone);
  await page.getByTestId('portal-code').fill(server.sms.lastCode(mother.phone));
  await page.getByTestId('portal-sign-in-submit').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/m/binding');
  await page.getByTestId('portal-binding-name').fill(mother.name);
  await page.getByTestId('portal-binding-id').fill(mother.idNumber);
  await page.getByTestId('portal-binding-submit').click();
  await page.getByTestId('portal-family').waitFor();
}

/** Text of Ant Design form item that holds the test id (its label, input and messages). */
function formItem(page: Page, testId: string) {
  return page.locator('.ant-form-item', { has: page.getByTestId(testId) });
}

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The verify token printed under the receipt's QR code. */
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

describe('the resident portal on a phone', () => {
  it('a mother signs in with a code, binds, sees her family, registers her second child by commitment, answers a request for more information and checks her receipt', async () => {
    const { page, server } = f;
    await page.setViewportSize(PHONE_SIZED);
    const mother = await pickMother(server, '13987650001');

    // Sign-in: the demo says where the code is; the code arrives by (recorded) SMS.
    await page.goto(`${server.baseUrl}/m`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/m/sign-in');
    expect(await page.getByTestId('portal-demo-code-hint').textContent()).toContain('服务器日志');
    await requestCode(page, mother.phone);
    await expect.poll(() => page.getByTestId('portal-send-code').textContent()).toMatch(/\d+ 秒后重新获取/);
    await screenshot(page, 'portal-01-sign-in');
    await page.getByTestId('portal-code').fill(server.sms.lastCode(mother.phone));
    await page.getByTestId('portal-sign-in-submit').click();

    // Not linked yet: binding, with name and ID number.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/m/binding');
    await page.getByTestId('portal-binding-name').fill(mother.name);
    await page.getByTestId('portal-binding-id').fill(mother.idNumber);
    await screenshot(page, 'portal-02-binding');
    await page.getByTestId('portal-binding-submit').click();

    // Home: the family as the registry holds it, IDs masked.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/m');
    const family = page.getByTestId('portal-family');
    await expect
      .poll(() => family.getByTestId('family-self').getByTestId('family-name').textContent())
      .toBe(mother.name);
    expect(await family.getByTestId('family-spouse').count()).toBe(1);
    expect(await family.getByTestId('family-child').count()).toBe(1);
    const ids = await family.getByTestId('family-id').allTextContents();
    expect(ids.every((id) => id.includes('*') && !id.includes(mother.idNumber))).toBe(true);
    expect(await page.getByTestId('portal-greeting').textContent()).toContain(mother.name);
    await expect.poll(() => page.getByTestId('portal-my-applications').textContent()).toContain('暂无办件');
    await screenshot(page, 'portal-03-home');

    // 生育登记 by commitment: parents from the registry, parity 2 computed, not typed.
    await page.getByTestId('portal-start-registration').click();
    await expect.poll(() => page.getByTestId('portal-parity-value').textContent()).toBe('第2孩');
    expect(await page.getByTestId('portal-parity').textContent()).toContain('1 名子女');
    expect(await page.getByTestId('portal-mother-registry').textContent()).toContain(mother.name);
    expect(await page.getByTestId('portal-father-registry').count()).toBe(1);
    expect(await page.getByTestId('portal-residence').getAttribute('data-code')).toBe(mother.residenceRegionCode);
    const today = chinaDateOf(new Date());
    await page.getByTestId('portal-expected-birth-date').fill(daysFrom(today, 90));
    await page.getByTestId('portal-commitment').check();
    await screenshot(page, 'portal-04-registration-form');
    const submitted = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/portal/childbirth-registrations' && r.request().method() === 'POST',
    );
    await page.getByTestId('portal-registration-submit').click();
    expect((await submitted).status()).toBe(201);

    await expect
      .poll(() => page.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('submitted');
    expect(await page.getByTestId('portal-registration-parity').textContent()).toBe('第2孩');
    const number = (await page.getByTestId('portal-registration-no').textContent()) ?? '';
    expect(number).not.toBe('');
    await screenshot(page, 'portal-05-registration-submitted');

    // It is in the family's list, with its status.
    await page.getByTestId('portal-back').click();
    const mine = page.getByTestId('portal-my-registration');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toContain(number);
    expect(await mine.getByTestId('portal-registration-status').getAttribute('data-status')).toBe('submitted');

    // The township asks for more: the family sees the question and answers with a file.
    const id = Number(new URL(`${server.baseUrl}${await mine.getAttribute('href')}`).pathname.split('/').pop());
    await asStaff(server, 'township', 'POST', `/api/childbirth-registrations/${id}/request-info`, {
      message: '请上传孕检记录首页照片',
    });
    // The family is told in the portal: an unread message that leads to the registration.
    await page.reload();
    await expect
      .poll(async () => Number(await page.getByTestId('portal-unread').getAttribute('data-count')))
      .toBeGreaterThan(0);
    await page.getByTestId('portal-bell').click();
    const note = page.getByTestId('portal-notification').and(page.locator('[data-read=false]')).first();
    expect(await note.textContent()).toContain(number);
    await screenshot(page, 'portal-06-notifications');
    await note.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/m/registrations/${id}`);
    await expect.poll(() => page.getByTestId('portal-info-request').textContent()).toContain('孕检记录');
    await page
      .locator('[data-testid=portal-reply] input[type=file]')
      .setInputFiles({ name: '孕检记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByTestId('portal-reply-message').fill('已上传孕检记录。');
    await screenshot(page, 'portal-07-reply');
    await page.getByTestId('portal-reply-send').click();
    await expect
      .poll(() => page.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('submitted');
    expect(await page.getByTestId('portal-registration-detail').textContent()).toContain('孕检记录.pdf');

    // Completed: the receipt downloads, and its QR link shows it valid to anyone.
    await asStaff(server, 'township', 'POST', `/api/childbirth-registrations/${id}/complete`, {
      note: '已核实孕检记录',
    });
    await page.reload();
    await expect
      .poll(() => page.getByTestId('portal-registration-status').getAttribute('data-status'))
      .toBe('completed');
    const download = page.waitForEvent('download');
    await page.getByTestId('portal-receipt-download').click();
    const pdf = await readFile(await (await download).path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const token = await verifyTokenIn(pdf);

    const stranger = await f.newPage();
    await stranger.setViewportSize(PHONE_SIZED);
    await stranger.goto(`${server.baseUrl}/verify/${token}`);
    const verdict = stranger.getByTestId('portal-verify-verdict');
    await expect.poll(() => verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.getAttribute('data-matches')).toBe('true');
    expect(await stranger.getByTestId('portal-verify-number').textContent()).toBe(number);
    const details = (await stranger.getByTestId('portal-verify-details').textContent()) ?? '';
    expect(details).toContain('第2孩');
    expect(details).not.toContain(mother.name); // the given name is masked
    await screenshot(stranger, 'portal-08-verify-valid');

    // One changed character: not valid, and still no sign-in asked for.
    await stranger.goto(`${server.baseUrl}/verify/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    await expect.poll(() => verdict.getAttribute('data-valid')).toBe('false');
    expect(new URL(stranger.url()).pathname).toMatch(/^\/verify\//);
  });

  it('bad input is explained and changes nothing: a malformed phone, a wrong code, a record that is not hers, a <script> name, a birth date in the future', async () => {
    const { page, server } = f;
    await page.setViewportSize(PHONE_SIZED);
    const phone = '19912340002';
    await page.goto(`${server.baseUrl}/m/sign-in`);

    // A malformed number: told on the field, and no code is sent.
    const sentBefore = server.sms.messages.length;
    await page.getByTestId('portal-phone').fill('1380013800');
    await page.getByTestId('portal-send-code').click();
    await expect.poll(() => formItem(page, 'portal-phone').textContent()).toContain('请输入 11 位中国大陆手机号码');
    expect(server.sms.messages.length).toBe(sentBefore);

    // A wrong code, in English this time: refused, still signed out.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await requestCode(page, phone);
    const right = server.sms.lastCode(phone);
    await page.getByTestId('portal-code').fill(right === '000000' ? '111111' : '000000');
    await page.getByTestId('portal-sign-in-submit').click();
    await expect
      .poll(() => page.getByTestId('portal-sign-in-error').textContent())
      .toContain('The code is wrong or has expired');
    expect(new URL(page.url()).pathname).toBe('/m/sign-in');
    expect((await page.request.get(`${server.baseUrl}/api/portal/me`)).status()).toBe(401);
    await screenshot(page, 'portal-09-wrong-code');

    // The right code; this number is not in the registry, so the family goes on without binding.
    await page.getByTestId('portal-code').fill(right);
    await page.getByTestId('portal-sign-in-submit').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/m/binding');

    // Binding to a record that does not hold this phone: explained, with the way on without it.
    const first17 = '53342319900101002';
    await page.getByTestId('portal-binding-name').fill('Wang Fang');
    await page.getByTestId('portal-binding-id').fill(first17 + computeIdCheckCharacter(first17));
    await page.getByTestId('portal-binding-submit').click();
    await expect.poll(() => page.getByTestId('portal-binding-mismatch').textContent()).toContain('apply by commitment');
    expect((await (await page.request.get(`${server.baseUrl}/api/portal/me`)).json()).resident.bound).toBe(false);
    await page.getByTestId('portal-binding-skip').click();
    await page.getByTestId('portal-start-registration').click();

    // Declared by hand: a name with markup and a birth in the future, each told on its field.
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/portal/childbirth-registrations') posted++;
    });
    await page.getByTestId('portal-mother-name').fill('<script>alert(1)</script>');
    await page.locator('label:has([data-testid=portal-status-born])').click();
    await page.getByTestId('portal-child-name').fill('Li Er');
    await page.getByTestId('portal-child-birth-date').fill(daysFrom(chinaDateOf(new Date()), 2));
    await page.getByTestId('portal-commitment').check();
    await page.getByTestId('portal-registration-submit').click();
    await expect
      .poll(() => formItem(page, 'portal-mother-name').textContent())
      .toContain('Name contains characters that are not allowed');
    await expect.poll(() => formItem(page, 'portal-child-birth-date').textContent()).toContain('is after today');
    await screenshot(page, 'portal-10-bad-input');
    expect(posted).toBe(0);
    const listed = await page.request.get(`${server.baseUrl}/api/portal/childbirth-registrations`);
    expect(await listed.json()).toEqual([]);
  });
  it('a family applies for the newborn bundle, follows each department, and fixes only the field the hospital returned', async () => {
    const { page, server } = f;
    await page.setViewportSize(PHONE_SIZED);
    const mother = await pickMother(server, '13987650003', 1);
    await signInAndBind(page, server, mother);
    await page.getByTestId('portal-start-bundle').click();

    // Five services, each with its department; leaving out the certificate asks for its number.
    const services = page.getByTestId('portal-services');
    await expect.poll(() => services.locator('input[type=checkbox]:checked').count()).toBe(5);
    expect(await services.textContent()).toContain('公安');
    await page.getByTestId('portal-service-birthCertificate').uncheck();
    await page.getByTestId('portal-existing-certificate').waitFor();
    await page.getByTestId('portal-service-birthCertificate').check();
    expect(await page.getByTestId('portal-existing-certificate').count()).toBe(0);

    const today = chinaDateOf(new Date());
    const birthDate = daysFrom(today, -3);
    await page.getByTestId('portal-newborn-name').fill('杨小禾');
    await page.locator('label:has(input[value=female])').first().click();
    await page.getByTestId('portal-newborn-birth-date').fill(birthDate);
    await page.getByTestId('portal-newborn-birth-time').fill('08:30');
    await page.getByTestId('portal-newborn-birth-place').fill('云南省迪庆藏族自治州维西县');
    await page.getByTestId('portal-newborn-hospital').fill('维西县人民医院');
    await screenshot(page, 'portal-11-bundle-form');
    await page.getByTestId('portal-bundle-submit').click();

    // Each department's task: the certificate and vaccination start now, the rest wait for them.
    await expect.poll(() => page.getByTestId('portal-bundle-status').getAttribute('data-status')).toBe('inProgress');
    const status = (service: string) => page.getByTestId(`portal-task-${service}`).getAttribute('data-status');
    expect(await status('birthCertificate')).toBe('pending');
    expect(await status('hukouRegistration')).toBe('waiting');
    expect(await page.getByTestId('portal-insurance-deadline').textContent()).toContain(daysFrom(birthDate, 90));
    await screenshot(page, 'portal-12-bundle-progress');

    // The hospital returns the hospital name; the family corrects that field and nothing else.
    const bundleId = Number(new URL(page.url()).pathname.split('/').pop());
    const queue = await asStaff(server, 'hospital', 'GET', '/api/bundle-tasks?service=birthCertificate&pageSize=100');
    const task = queue
      .json<{ items: { id: number; bundleId: number }[] }>()
      .items.find((x) => x.bundleId === bundleId)!;
    await asStaff(server, 'hospital', 'POST', `/api/bundle-tasks/${task.id}/return`, {
      reason: '助产机构名称与出生医学证明存根不符',
      fields: ['newborn.hospitalName'],
    });
    await page.reload();
    await expect.poll(() => status('birthCertificate')).toBe('returned');
    expect(await page.getByTestId('portal-task-return').textContent()).toContain('助产机构名称');
    const correction = page.getByTestId('portal-correction-birthCertificate');
    expect(await correction.locator('.ant-form-item').count()).toBe(1);
    await correction.getByTestId('portal-fix-newborn.hospitalName').fill('');
    await correction.getByTestId('portal-correction-submit').click();
    await expect.poll(() => correction.textContent()).toContain('请填写助产机构名称');
    await correction.getByTestId('portal-fix-newborn.hospitalName').fill('维西傈僳族自治县人民医院');
    await screenshot(page, 'portal-13-bundle-correction');
    await correction.getByTestId('portal-correction-submit').click();
    await expect.poll(() => status('birthCertificate')).toBe('pending');
    expect(await status('vaccinationRecord')).toBe('pending');
    const stored = (await (
      await page.request.get(`${server.baseUrl}/api/portal/newborn-bundles/${bundleId}`)
    ).json()) as { newborn: { name: string; hospitalName: string; birthPlace: string } };
    expect(stored.newborn).toMatchObject({
      name: '杨小禾',
      hospitalName: '维西傈僳族自治县人民医院',
      birthPlace: '云南省迪庆藏族自治州维西县',
    });
  });
});
