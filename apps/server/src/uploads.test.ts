import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineErrors, registerErrorHandler } from './errors.js';
import { multipartFile } from './test/app.js';
import { readUploadedFile, type UploadedFile } from './uploads.js';

// The shared reader of the console's small uploads (childcare documents, supervision and
// self-evaluation evidence): the file as sent, or a refusal in both languages.

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1');
const MB = 1024 * 1024;
const TOO_BIG = Buffer.concat([PNG, Buffer.alloc(MB)]);
const own = defineErrors({ 'own.tooLarge': { status: 400, message: { zh: '太大了', en: 'Too big' } } });

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  registerErrorHandler(app);
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  const answer = ({ bytes, ...rest }: UploadedFile) => ({ hex: bytes.toString('hex'), ...rest });
  app.post('/shared', async (req) =>
    answer(await readUploadedFile(req, { maxBytes: MB, types: ['application/pdf', 'image/png'] })),
  );
  app.post('/own', async (req) =>
    answer(
      await readUploadedFile(req, {
        maxBytes: MB,
        types: ['image/png'],
        refusals: { tooLarge: () => own('own.tooLarge') },
      }),
    ),
  );
  await app.ready();
});
afterAll(async () => app.close());

const send = (url: string, file: ReturnType<typeof multipartFile> | null, lang = 'zh-CN') =>
  app.inject({
    method: 'POST',
    url,
    headers: {
      'accept-language': lang,
      ...(file ? file.headers : { 'content-type': 'multipart/form-data; boundary=----none' }),
    },
    payload: file ? file.payload : '------none--\r\n',
  });

describe('readUploadedFile', () => {
  it('gives back the bytes, the name as sent and the type its first bytes say', async () => {
    const res = await send('/shared', multipartFile('执业许可证.pdf', PDF));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ hex: PDF.toString('hex'), fileName: '执业许可证.pdf', mediaType: 'application/pdf' });
  });

  it('refuses a file over the limit, saying the limit, in Chinese and English', async () => {
    const zh = await send('/shared', multipartFile('大.png', TOO_BIG));
    expect(zh.statusCode).toBe(413);
    expect(zh.json()).toMatchObject({ code: 'upload.tooLarge', message: '文件不能超过 1 MB；未保存任何内容' });
    const en = await send('/shared', multipartFile('big.png', TOO_BIG), 'en');
    expect(en.json()).toMatchObject({
      code: 'upload.tooLarge',
      message: 'A file may be at most 1 MB; nothing was saved',
    });
  });

  it('refuses a file whose first bytes are not of the types taken, whatever its name', async () => {
    const text = await send('/shared', multipartFile('证明.pdf', 'not a pdf at all'));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'upload.wrongType', message: '只能上传 PDF 或 PNG 文件' });
    const pdf = await send('/own', multipartFile('证明.png', PDF), 'en');
    expect(pdf.json()).toMatchObject({ code: 'upload.wrongType', message: 'Only PNG files can be uploaded' });
    const empty = await send('/shared', multipartFile('空.pdf', Buffer.alloc(0)));
    expect(empty.json()).toMatchObject({ code: 'upload.wrongType' });
  });

  it('refuses a form with no file', async () => {
    const res = await send('/shared', null);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'upload.noFile', message: '请选择要上传的文件' });
  });

  it('says a refusal in the route’s own words where it names them', async () => {
    const res = await send('/own', multipartFile('大.png', TOO_BIG), 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'own.tooLarge', message: 'Too big' });
  });
});
