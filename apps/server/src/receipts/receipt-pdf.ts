import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadCjkFont, type CjkFont } from './cjk-font.js';

export interface ReceiptRow {
  label: string;
  value: string;
}

export interface ReceiptSection {
  heading: string;
  rows: ReceiptRow[];
}

export interface ReceiptDocument {
  title: { zh: string; en: string };
  number: string;
  issuedAt: Date;
  issuer: string;
  sections: ReceiptSection[];
  verifyUrl: string;
  note?: string;
}

const MARGIN = 56;
const PAGE_BOTTOM = 841.89 - MARGIN; // A4 is 595.28 × 841.89 pt
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL_WIDTH = 140;
const VALUE_X = MARGIN + LABEL_WIDTH + 12;
const VALUE_WIDTH = WIDTH - LABEL_WIDTH - 12;
const QR_SIZE = 120;
const INK = '#1f2328';
const MUTED = '#59636e';
const ACCENT = '#0b5cad';
const RULE = '#d0d7de';
const FONT = 'cjk';

/** The QR code of a verify link as PNG; medium error correction survives a crease or a smudge. */
export function receiptQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

/** An A4 receipt, Chinese first, with the content as label/value rows and the verify QR code. */
export async function renderReceiptPdf(
  receipt: ReceiptDocument,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  if (Number.isNaN(receipt.issuedAt.getTime())) throw new RangeError('renderReceiptPdf: issuedAt is not a valid date');
  const font = loadCjkFont(env);
  const qr = await receiptQrPng(receipt.verifyUrl);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    // The issue time, not the render time, so the same receipt renders to the same bytes.
    info: {
      Title: `${receipt.title.zh} ${receipt.number}`,
      Subject: receipt.title.en,
      Author: receipt.issuer,
      Creator: 'Cradle',
      CreationDate: receipt.issuedAt,
    },
  });
  const done = collect(doc);
  useCjkFont(doc, font);
  // Every further page names the receipt, so a loose page can be matched to its first.
  let pageNumber = 1;
  doc.on('pageAdded', () => {
    pageNumber++;
    const line = `${receipt.title.zh} ${receipt.number} · 第${pageNumber}页 Page ${pageNumber}`;
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(line, MARGIN, MARGIN - 24, { width: WIDTH, align: 'right' });
    doc.x = MARGIN;
    doc.y = MARGIN;
  });

  doc.fillColor(INK).fontSize(20).text(receipt.title.zh, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc.fillColor(MUTED).fontSize(11).text(receipt.title.en, { width: WIDTH, align: 'center' });
  drawNumber(doc, receipt.number, doc.y + 14);
  drawRows(doc, [
    { label: '出具机关 Issuer', value: receipt.issuer },
    { label: '出具时间 Issued', value: `${beijingTime(receipt.issuedAt)}（北京时间 UTC+8）` },
  ]);
  for (const section of receipt.sections) {
    ensureSpace(doc, 48); // a heading is never left alone at the foot of a page
    drawHeading(doc, section.heading);
    drawRows(doc, section.rows);
  }
  drawVerification(doc, qr, receipt.verifyUrl);
  if (receipt.note)
    doc
      .fillColor(MUTED)
      .fontSize(9)
      .text(receipt.note, MARGIN, doc.y + 10, { width: WIDTH });

  doc.end();
  return done;
}

/** `2025年3月5日 07:30`. China keeps UTC+8 all year (no DST since 1991), so a fixed offset is exact. */
export function beijingTime(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${two(b.getUTCHours())}:${two(b.getUTCMinutes())}`;
}

function useCjkFont(doc: PDFKit.PDFDocument, font: CjkFont): void {
  try {
    if (font.face) doc.registerFont(FONT, font.data, font.face);
    else doc.registerFont(FONT, font.data);
    doc.font(FONT);
  } catch (cause) {
    // fontkit returns nothing for a face the collection lacks, and pdfkit then fails obscurely.
    throw new Error(`Cannot use ${font.path}${font.face ? ` (face ${font.face})` : ''} as the receipt font`, { cause });
  }
}

function drawNumber(doc: PDFKit.PDFDocument, number: string, y: number): void {
  doc.save().roundedRect(MARGIN, y, WIDTH, 56, 4).fill('#f3f6f9').restore();
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text('登记编号 Registration No.', MARGIN + 14, y + 8, { width: WIDTH - 28 });
  doc
    .fillColor(INK)
    .fontSize(20)
    .text(number, MARGIN + 14, y + 22, { width: WIDTH - 28, characterSpacing: 1 });
  doc.x = MARGIN;
  doc.y = y + 56 + 12;
}

function drawHeading(doc: PDFKit.PDFDocument, heading: string): void {
  const y = doc.y + 10;
  doc.fillColor(ACCENT).fontSize(12).text(heading, MARGIN, y, { width: WIDTH });
  const ruleY = doc.y + 2;
  doc
    .save()
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + WIDTH, ruleY)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke()
    .restore();
  doc.y = ruleY + 6;
}

function drawRows(doc: PDFKit.PDFDocument, rows: ReceiptRow[]): void {
  for (const row of rows) {
    // Label and value share a size, so they share a baseline and read as one line. The size is
    // set again after ensureSpace: a new page's running header leaves its own.
    doc.fontSize(10.5);
    const height = Math.max(
      doc.heightOfString(row.label, { width: LABEL_WIDTH }),
      doc.heightOfString(row.value, { width: VALUE_WIDTH }),
    );
    ensureSpace(doc, height);
    doc.fontSize(10.5);
    const y = doc.y;
    doc.fillColor(MUTED).text(row.label, MARGIN, y, { width: LABEL_WIDTH });
    doc.fillColor(INK).text(row.value, VALUE_X, y, { width: VALUE_WIDTH });
    doc.x = MARGIN;
    doc.y = y + height + 5;
  }
}

function drawVerification(doc: PDFKit.PDFDocument, qr: Buffer, url: string): void {
  doc.fontSize(7.5);
  ensureSpace(doc, 24 + QR_SIZE + 8 + doc.heightOfString(url, { width: WIDTH }));
  const y = doc.y + 24;
  doc.image(qr, MARGIN, y, { width: QR_SIZE, height: QR_SIZE });
  const textX = MARGIN + QR_SIZE + 16;
  const textWidth = WIDTH - QR_SIZE - 16;
  doc
    .fillColor(INK)
    .fontSize(11)
    .text('扫描二维码或访问下方网址，核验本回执的真实性。', textX, y + 30, { width: textWidth });
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text('Scan the QR code or open the link below to verify that this receipt is authentic.', { width: textWidth });
  // The URL in full, so a reader without a camera can still type it.
  doc
    .fillColor(MUTED)
    .fontSize(7.5)
    .text(url, MARGIN, y + QR_SIZE + 8, { width: WIDTH });
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
