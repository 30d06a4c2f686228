import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestApp } from '../test/app.js';
import { residentSignIn, type ResidentSession } from '../test/resident.js';
import { count, declaredForm, multipartWith, submit, villageOf } from '../registration/test-helpers.js';
import { boundFamily, bundleForm, submit as submitBundle } from '../bundle/test-setup.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';

let t: TestApp;
let family: ResidentSession;
let registrationId: number;
beforeAll(async () => {
  t = await createTestApp(300);
  family = await residentSignIn(t, '13200000001');
  registrationId = (await submit(t, family, declaredForm(await villageOf(t, '533423101')))).json().id;
});
afterAll(async () => t?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const rows = () => count(t, 'SELECT count(*)::int AS n FROM attachments');

function upload(
  r: ResidentSession,
  content: Buffer,
  opts: { name?: string; ownerId?: number; ownerKind?: string; lang?: string } = {},
) {
  const body = multipartWith(
    { ownerKind: opts.ownerKind ?? 'childbirthRegistration', ownerId: String(opts.ownerId ?? registrationId) },
    opts.name ?? 'scan.pdf',
    content,
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/attachments',
    payload: body.payload,
    headers: { ...body.headers, cookie: r.cookie, 'x-csrf-token': r.csrf, 'accept-language': opts.lang ?? 'zh-CN' },
  });
}

describe('a family attaches documents to its registration', () => {
  it('stores a PDF encrypted with its SHA-256, shows it to the family and the township, and audits both', async () => {
    const res = await upload(family, PDF, { name: '../孕检记录<1>.pdf' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: '孕检记录1.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const [stored] = await t.database.query<{ content_cipher: Buffer }>(
      'SELECT content_cipher FROM attachments WHERE id = $1',
      [res.json().id],
    );
    expect(stored!.content_cipher.includes(PDF.subarray(0, 8))).toBe(false);

    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/portal/attachments/${res.json().id}`,
      headers: { cookie: family.cookie },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    const township = await login(t, 'township');
    const staff = await t.app.inject({ method: 'GET', url: `/api/attachments/${res.json().id}`, ...as(township) });
    expect(staff.rawPayload.equals(PDF)).toBe(true);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/attachments/${res.json().id}`,
          ...as(await login(t, 'township2')),
        })
      ).statusCode,
    ).toBe(404);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/childbirth-registrations/${registrationId}`, ...as(township) })
    ).json();
    expect(detail.attachments.map((a: { id: number }) => a.id)).toContain(res.json().id);
    expect(detail.history.map((h: { action: string }) => h.action)).toContain('attachment.upload');
    const views = await t.database.query<{ username: string; outcome: string }>(
      "SELECT username, outcome FROM audit_log WHERE action = 'attachment.view' AND target_id = $1 ORDER BY seq",
      [String(res.json().id)],
    );
    expect(views.map((v) => [v.username, v.outcome])).toEqual([
      [`resident:${family.residentId}`, 'success'],
      ['township', 'success'],
      ['township2', 'denied'],
    ]);
  });

  it('takes the type from the bytes, not the name', async () => {
    const png = await upload(family, PNG, { name: 'photo.pdf' });
    expect(png.json().mediaType).toBe('image/png');
    const before = await rows();
    const html = await upload(family, Buffer.from('<html><script>alert(1)</script></html>'), { name: 'scan.pdf' });
    expect(html.statusCode).toBe(415);
    expect(html.json().message).toContain('PDF、JPEG 或 PNG');
    expect(await rows()).toBe(before);
  });

  it('stores and sends a name without bidirectional or other hidden characters', async () => {
    // U+202E would show "记录\u202Efdp.exe" as "记录exe.pdf": a program dressed as a scan.
    const res = await upload(family, PDF, { name: '记录\u202Efdp\u2066.exe\u200F\u061C' });
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('记录fdp.exe');
    const id = res.json().id as number;
    const [stored] = await t.database.query<{ file_name: string }>('SELECT file_name FROM attachments WHERE id = $1', [
      id,
    ]);
    expect(stored!.file_name).toBe('记录fdp.exe');
    // A name stored before names were cleaned is cleaned on the way out.
    await t.database.query('UPDATE attachments SET file_name = $1 WHERE id = $2', ['旧\u202Egpj.exe', id]);
    const township = await login(t, 'township');
    for (const download of [
      await t.app.inject({ method: 'GET', url: `/api/portal/attachments/${id}`, headers: { cookie: family.cookie } }),
      await t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, ...as(township) }),
    ]) {
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="attachment-${id}"; filename*=UTF-8''${encodeURIComponent('旧gpj.exe')}`,
      );
    }
  });

  it('refuses a 20 MB upload with a clear 413 in both languages and writes nothing', async () => {
    const before = await rows();
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 - PDF.length, 0x20)]);
    const zh = await upload(family, big);
    expect(zh.statusCode).toBe(413);
    expect(zh.json()).toMatchObject({ code: 'attachment.tooLarge', message: expect.stringContaining('5 MB') });
    const en = await upload(family, big.subarray(0, 6 * 1024 * 1024), { lang: 'en' });
    expect(en.json().message).toMatch(/at most 5 MB.*Nothing was saved/);
    expect(await rows()).toBe(before);
    // Exactly the limit is accepted.
    const limit = await upload(family, Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]));
    expect(limit.statusCode).toBe(201);
  });

  it('keeps families apart: no upload to or download from another family’s registration', async () => {
    const other = await residentSignIn(t, '13200000002');
    const before = await rows();
    expect((await upload(other, PDF)).statusCode).toBe(404);
    expect(await rows()).toBe(before);
    const [mine] = await t.database.query<{ id: number }>('SELECT id FROM attachments WHERE owner_id = $1 LIMIT 1', [
      registrationId,
    ]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/portal/attachments/${mine!.id}`,
          headers: { cookie: other.cookie },
        })
      ).statusCode,
    ).toBe(404);
    const noOwner = multipartWith({}, 'a.pdf', PDF);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/attachments',
      payload: noOwner.payload,
      headers: { ...noOwner.headers, cookie: other.cookie, 'x-csrf-token': other.csrf },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('staff read a file only where they may read its application', () => {
  const download = async (username: string, id: number) =>
    (await t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, ...as(await login(t, username)) })).statusCode;
  const outcomes = async (id: number) =>
    (
      await t.database.query<{ username: string; outcome: string }>(
        "SELECT username, outcome FROM audit_log WHERE action = 'attachment.view' AND target_id = $1 ORDER BY seq",
        [String(id)],
      )
    ).map((v) => `${v.username}:${v.outcome}`);

  it("refuses a registration's file to department operators (404, audited as denied) and leaders; its readers get it", async () => {
    const id = (await upload(family, PDF, { name: '孕检记录.pdf' })).json().id;
    // Departments without a task queue, and leaders, have no files at all (need to know, issue 11).
    for (const username of ['finance', 'education', 'leader']) expect(await download(username, id), username).toBe(403);
    expect(await download('hospital', id)).toBe(404);
    for (const username of ['township', 'county']) expect(await download(username, id), username).toBe(200);
    expect(await outcomes(id)).toEqual(['hospital:denied', 'township:success', 'county:success']);
  });

  it("gives a newborn bundle's file to the departments with a task in it and the county; not to other departments, the township or the leader", async () => {
    const f = await boundFamily(t, '13200000003');
    const bundle = await submitBundle(
      t,
      f.r,
      bundleForm(f, { services: ['birthCertificate', 'vaccinationRecord', 'hukouRegistration'] }),
    );
    expect(bundle.statusCode).toBe(201);
    const res = await upload(f.r, PNG, {
      ownerKind: 'newbornBundle',
      ownerId: bundle.json().id,
      name: '出生医学证明.png',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    for (const username of ['hospital', 'cdc', 'police', 'county'])
      expect(await download(username, id), username).toBe(200);
    for (const username of ['medins', 'township']) expect(await download(username, id), username).toBe(404);
    for (const username of ['finance', 'leader']) expect(await download(username, id), username).toBe(403);
    expect(await outcomes(id)).toEqual([
      'hospital:success',
      'cdc:success',
      'police:success',
      'county:success',
      'medins:denied',
      'township:denied',
    ]);
  });
});
