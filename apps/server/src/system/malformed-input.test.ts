import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, multipartFile, type Session, type TestApp } from '../test/app.js';

// Issue 11: the five causes of the 500s the probe found, each refused with a 400 in both
// languages that changes nothing. route-fuzz.test.ts walks every route with the same kinds.

let t: TestApp;
let county: Session;
let admin: Session;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(20);
  [county, admin, township] = [await login(t, 'county'), await login(t, 'admin'), await login(t, 'township')];
});
afterAll(async () => t.close());

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const json = { 'content-type': 'application/json' };
const BAD_TEXT = '文字中含有无法保存的字符（空字符或残缺的字符），请删除后重试';
const BAD_NUMBER = '数字无效，或超出允许的范围';
const BAD_DATE = '日期无效：请填写真实存在的日期（年-月-日，1000 至 9999 年）';

describe('a NUL character', () => {
  it('is refused in the sign-in form, before anyone is signed in, and counts no failed sign-in', async () => {
    const failures = await count('sign_in_failures');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: '{"username":"county\\u0000","password":"x"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'request.invalid',
      message: BAD_TEXT,
      details: [{ path: '/username', rule: 'pattern' }],
    });
    expect(await count('sign_in_failures')).toBe(failures);
  });

  it('is refused in a path parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/schemes/a%00b', ...as(county) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(BAD_TEXT);
  });
});

describe('1e309 and Infinity as integers', () => {
  it('are refused as an id in the path, where Ajv made them Infinity', async () => {
    for (const id of ['1e309', '-1e309', 'Infinity']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/childbirth-registrations/${id}/request-info`,
        payload: { message: '请补充材料' },
        ...as(township),
      });
      expect(res.statusCode, id).toBe(400);
      expect(res.json().message).toBe(BAD_NUMBER);
    }
  });

  it('are refused as a page number and in a list of ids', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/childbirth-registrations?page=1e309',
      ...as(township),
    });
    expect(page.statusCode).toBe(400);
    const ids = await t.app.inject({
      method: 'POST',
      url: '/api/childbirth-registrations/bulk-complete',
      payload: { ids: ['Infinity'] },
      ...as(township),
    });
    expect(ids.statusCode).toBe(400);
    expect(ids.json()).toMatchObject({ code: 'request.invalid', message: BAD_NUMBER });
  });
});

describe('dates that are not on the calendar', () => {
  it('refuses year 0000, which PostgreSQL has not, and 30 February', async () => {
    for (const date of ['0000-01-01', '2026-02-30', '2026-13-01']) {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/calendar/${date}`, ...as(admin) });
      expect(res.statusCode, date).toBe(400);
      expect(res.json().message).toBe(BAD_DATE);
    }
  });
});

describe('a lone UTF-16 surrogate', () => {
  const draft = (document: string) =>
    `{"effectiveFrom":"2027-01-01","values":{"yearlyAmount":100000},"legalBasis":{"document":${document},"clause":"第三条"}}`;

  it('is refused on its way to a JSON column, and nothing is stored', async () => {
    const before = await count('scheme_versions');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/schemes/yunnan.childcareAllowance/versions',
      ...as(county, json),
      payload: draft('"维政发\\ud800"'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(BAD_TEXT);
    expect(await count('scheme_versions')).toBe(before);
  });

  it('leaves a paired surrogate alone: a character beyond the BMP is text like any other', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/schemes/yunnan.childcareAllowance/versions',
      ...as(county, json),
      payload: draft('"维政发〔2026〕𠮷号"'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().legalBasis.document).toBe('维政发〔2026〕𠮷号');
  });
});

describe('uploads that are not a form', () => {
  it('refuses multipart without a boundary, cut off, or not in parts, and starts no import', async () => {
    const before = await count('import_jobs');
    const bodies = [
      { type: 'multipart/form-data', payload: 'a' },
      { type: 'multipart/form-data; boundary=zz', payload: 'no parts here' },
      {
        type: 'multipart/form-data; boundary=zz',
        payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      },
    ];
    for (const b of bodies) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports',
        ...as(county, { 'content-type': b.type }),
        payload: b.payload,
      });
      expect(res.statusCode, b.type).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'upload.malformed',
        message: '上传的表单不完整或格式有误，请重新选择文件上传',
      });
    }
    expect(await count('import_jobs')).toBe(before);
  });

  it('refuses a file whose name holds a NUL', async () => {
    const form = multipartFile('persons\u0000.csv', '姓名\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...as(county, form.headers),
      payload: form.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('upload.badFileName');
  });

  it('answers JSON sent to an upload in both languages', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...as(county, { ...json, 'accept-language': 'en' }),
      payload: '{}',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'upload.notForm',
      message: 'Send the file as a form upload (multipart/form-data)',
    });
  });
});

describe("Fastify's own refusals", () => {
  it('answers a URL the router cannot decode in the standard shape, in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/persons/%ED%A0%80', ...as(county) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'request.invalid', message: '网址中含有无效的字符' });
  });

  it('answers a body that is not JSON without English in the Chinese message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: '{"a": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', message: '请求内容格式有误，无法读取' });
  });
});
