import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../registry/import/test-files.js';
import { writeZip } from './xlsx-test-files.js';
import { readZipDirectory, ZipError, zipEntryText } from './xlsx-zip.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => ({ dir, remove: removeDir } = await tempDir()));
afterAll(() => removeDir());

const textOf = async (file: string, name: string) => {
  let text = '';
  const entry = (await readZipDirectory(file)).get(name);
  for await (const t of zipEntryText(file, entry!)) text += t;
  return text;
};

/** Rewrites an entry's uncompressed size in its local header and its directory record. */
async function declareSize(file: string, name: string, size: number): Promise<void> {
  const bytes = await readFile(file);
  for (let p = 0; p + 46 < bytes.length; p++) {
    const sig = bytes.readUInt32LE(p);
    if (sig === 0x04034b50 && bytes.toString('utf8', p + 30, p + 30 + bytes.readUInt16LE(p + 26)) === name)
      bytes.writeUInt32LE(size, p + 22);
    if (sig === 0x02014b50 && bytes.toString('utf8', p + 46, p + 46 + bytes.readUInt16LE(p + 28)) === name)
      bytes.writeUInt32LE(size, p + 24);
  }
  await writeFile(file, bytes);
}

describe('the zip layer under the workbook reader', () => {
  it('lists entries by lower-cased name and reads them back as text, stored or deflated', async () => {
    for (const stored of [false, true]) {
      const file = await writeZip(dir, `plain-${stored}.zip`, { 'XL/Workbook.xml': '<工作簿/>', 'a/': '' }, { stored });
      expect([...(await readZipDirectory(file)).keys()]).toEqual(['xl/workbook.xml']);
      expect(await textOf(file, 'xl/workbook.xml')).toBe('<工作簿/>');
    }
  });

  it('refuses more entries than allowed', async () => {
    const file = await writeZip(dir, 'many.zip', { a: '1', b: '2', c: '3', d: '4' });
    await expect(readZipDirectory(file, 3)).rejects.toBeInstanceOf(ZipError);
    expect((await readZipDirectory(file, 4)).size).toBe(4);
  });

  it('refuses two entries whose names differ only in case, absolute names and names with ..', async () => {
    await expect(readZipDirectory(await writeZip(dir, 'twice.zip', { 'a.xml': '1', 'A.xml': '2' }))).rejects.toThrow(
      /two entries/,
    );
    for (const name of ['/etc/passwd', '../outside.xml', 'xl/../../outside.xml', 'C:/x.xml', 'xl\\x.xml'])
      await expect(readZipDirectory(await writeZip(dir, 'bad-name.zip', { [name]: 'x' }))).rejects.toThrow();
  });

  it('refuses an entry that declares more than deflate can expand to, before inflating it', async () => {
    const file = await writeZip(dir, 'ratio.zip', { 'sheet.xml': 'x'.repeat(10) });
    await declareSize(file, 'sheet.xml', 50_000_000);
    await expect(readZipDirectory(file)).rejects.toThrow(/declares/);
  });

  it('fails an entry that inflates to more or less than its declared size', async () => {
    const data = '<row>'.repeat(1000);
    for (const [name, size] of [
      ['short.zip', 100],
      ['long.zip', data.length + 100],
    ] as const) {
      const file = await writeZip(dir, name, { 'sheet.xml': data });
      await declareSize(file, 'sheet.xml', size);
      await expect(textOf(file, 'sheet.xml')).rejects.toThrow(/bytes in the stream/);
    }
  });

  it('fails text that is not UTF-8', async () => {
    const file = await writeZip(dir, 'latin1.zip', { 'sheet.xml': Buffer.from([0x3c, 0xe9, 0x3e]) });
    await expect(textOf(file, 'sheet.xml')).rejects.toBeInstanceOf(TypeError);
  });
});
