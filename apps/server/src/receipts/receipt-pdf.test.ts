import { randomBytes } from 'node:crypto';
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CJK_FONT_ENV, findCjkFontPath } from './cjk-font.js';
import { beijingTime, receiptQrPng, renderReceiptPdf, type ReceiptDocument } from './receipt-pdf.js';
import { receiptDigest, receiptVerifyUrl, signReceipt } from './receipt-token.js';

// jsqr is CommonJS with an `exports.default`: from ESM the function sits one level down.
const jsQR = jsQRModule.default;

// The PDF is read back with a real parser (pdf.js): text comes back as Unicode only when the
// embedded subset maps each glyph to the right character, and the QR code is decoded from
// the image actually embedded in the page.

const number = 'CB-533423-2025-000123';
const token = signReceipt(randomBytes(32), {
  kind: 'childbirthRegistration',
  number,
  digest: receiptDigest({ number }),
});
const verifyUrl = receiptVerifyUrl('https://cradle.example.gov.cn/', token);

const receipt: ReceiptDocument = {
  title: { zh: '出生登记回执', en: 'Childbirth registration receipt' },
  number,
  issuedAt: new Date('2025-03-04T23:30:00Z'),
  issuer: '兰坪白族普米族自治县卫生健康局',
  sections: [
    {
      heading: '新生儿',
      rows: [
        { label: '姓名', value: '和晓雯' },
        { label: '出生地点', value: '云南省怒江傈僳族自治州兰坪白族普米族自治县人民医院' },
        { label: '体重', value: '3.25 kg' },
      ],
    },
    { heading: '母亲', rows: [{ label: '公民身份号码', value: '533423********0028' }] },
  ],
  verifyUrl,
  note: '本回执由系统自动生成，无需盖章。',
};

interface PdfPage {
  lines: string[];
  /** The font size of each line, in points. */
  sizes: number[];
  qrImages: string[];
}

/** Each page's text as lines (text items on one baseline joined) and the decoded QR codes of its images. */
async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const byBaseline = new Map<number, { text: string; size: number }>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] as number);
      const line = byBaseline.get(y) ?? { text: '', size: 0 };
      byBaseline.set(y, {
        text: line.text + item.str,
        size: Math.max(line.size, Math.abs(item.transform[3] as number)),
      });
    }
    const sorted = [...byBaseline].sort((a, b) => b[0] - a[0]).map(([, line]) => line);
    const lines = sorted.map((l) => l.text.trim());
    const sizes = sorted.map((l) => l.size);
    const qrImages: string[] = [];
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      // Image data arrives from the worker after the operator list: wait for it.
      const image = await new Promise<RawImage>((resolve) => page.objs.get((ops.argsArray[i] as [string])[0], resolve));
      const decoded = jsQR(toRgba(image), image.width, image.height);
      if (decoded) qrImages.push(decoded.data);
    }
    pages.push({ lines, sizes, qrImages });
  }
  await doc.destroy();
  return pages;
}

interface RawImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array;
}

function toRgba(image: RawImage): Uint8ClampedArray {
  if (image.kind === ImageKind.RGBA_32BPP) return new Uint8ClampedArray(image.data);
  if (image.kind !== ImageKind.RGB_24BPP) throw new Error(`unexpected image kind ${image.kind}`);
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let p = 0; p < image.width * image.height; p++) {
    out.set(image.data.subarray(p * 3, p * 3 + 3), p * 4);
    out[p * 4 + 3] = 255;
  }
  return out;
}

const rendered = renderReceiptPdf(receipt);

describe('receipt PDF', () => {
  it('gives back the Chinese title, labels, values and the number as the same Unicode text', async () => {
    const [page] = await readPdf(await rendered);
    const lines = page!.lines;
    expect(lines[0]).toBe('出生登记回执');
    expect(lines[1]).toBe('Childbirth registration receipt');
    expect(lines).toContain(number);
    for (const line of ['新生儿', '母亲', '本回执由系统自动生成，无需盖章。']) expect(lines).toContain(line);
    // A label and its value stand on one baseline, so the row reads as one line (pdf.js puts a
    // space between the two runs).
    expect(lines).toContain('姓名 和晓雯');
    expect(lines).toContain('出生地点 云南省怒江傈僳族自治州兰坪白族普米族自治县人民医院');
    expect(lines).toContain('体重 3.25 kg');
    expect(lines).toContain('公民身份号码 533423********0028');
    expect(lines).toContain('出具机关 Issuer 兰坪白族普米族自治县卫生健康局');
  });

  it('shows the issue time in Beijing time, on the next day when UTC is still the day before', async () => {
    expect(beijingTime(new Date('2025-03-04T23:30:00Z'))).toBe('2025年3月5日 07:30');
    expect(beijingTime(new Date('2024-12-31T16:00:00Z'))).toBe('2025年1月1日 00:00');
    const [page] = await readPdf(await rendered);
    expect(page!.lines).toContain('出具时间 Issued 2025年3月5日 07:30（北京时间 UTC+8）');
  });

  it('embeds a QR code that decodes to the verify URL, and prints the URL under it', async () => {
    const [page] = await readPdf(await rendered);
    expect(page!.qrImages).toEqual([verifyUrl]);
    const png = PNG.sync.read(await receiptQrPng(verifyUrl));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(verifyUrl);
    // The URL wraps over a few lines; joined, they are the URL exactly.
    const start = page!.lines.findIndex((l) => l.startsWith('https://cradle.example.gov.cn/verify/'));
    expect(page!.lines.slice(start, start + 4).join('')).toContain(verifyUrl);
  });

  it('embeds a subset of the Simplified Chinese face, not the 20 MB collection', async () => {
    const pdf = await rendered;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('runs a long receipt onto further pages and keeps every row and the QR code', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({ label: `第${i + 1}项`, value: `值${i + 1}：傈僳族` }));
    const pages = await readPdf(await renderReceiptPdf({ ...receipt, sections: [{ heading: '明细', rows }] }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]!.lines[0]).toBe(`出生登记回执 ${number} · 第2页 Page 2`);
    const lines = pages.flatMap((p) => p.lines);
    const sizes = pages.flatMap((p) => p.sizes);
    const sizeOf = (row: { label: string; value: string }) => sizes[lines.indexOf(`${row.label} ${row.value}`)];
    for (const row of rows) {
      expect(lines).toContain(`${row.label} ${row.value}`);
      expect(sizeOf(row), row.label).toBe(10.5); // a page break leaves the rows' size alone
    }
    expect(pages.flatMap((p) => p.qrImages)).toEqual([verifyUrl]);
  });

  it('fails with a message naming the package when no CJK font is found', () => {
    expect(() => findCjkFontPath({}, ['/nonexistent/NotoSansCJK-Regular.ttc'])).toThrow(
      /install the Debian package fonts-noto-cjk/i,
    );
  });

  it('refuses a configured font path that does not exist rather than fall back', async () => {
    const env = { [CJK_FONT_ENV]: '/nonexistent/NotoSansCJK-Regular.ttc' };
    await expect(renderReceiptPdf(receipt, env)).rejects.toThrow(
      `${CJK_FONT_ENV}=/nonexistent/NotoSansCJK-Regular.ttc: no such font file`,
    );
  });

  it('names the font and face when the collection lacks the face', async () => {
    const env = { CRADLE_CJK_FONT_FACE: 'NoSuchFace-Regular' };
    await expect(renderReceiptPdf(receipt, env)).rejects.toThrow(
      /NotoSansCJK-Regular\.ttc \(face NoSuchFace-Regular\)/,
    );
  });
});
