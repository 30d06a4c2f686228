import PDFDocument from 'pdfkit';
import { loadCjkFont } from '../receipts/index.js';
import type { PrintDocument, PrintTable } from './print-document.js';

// A4 portrait, the CJK font the receipts embed (receipts/cjk-font.ts), a running header on every
// further page so a loose page can be matched to its document.

const MARGIN = 56;
const PAGE_BOTTOM = 841.89 - MARGIN;
const WIDTH = 595.28 - 2 * MARGIN;
const INK = '#1f2328';
const MUTED = '#59636e';
const ACCENT = '#0b5cad';
const RULE = '#d0d7de';
const FONT = 'cjk';

export async function renderDocumentPdf(d: PrintDocument, createdAt: Date): Promise<Buffer> {
  const font = loadCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: d.title, Creator: 'Cradle', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.face) doc.registerFont(FONT, font.data, font.face);
  else doc.registerFont(FONT, font.data);
  doc.font(FONT);
  let page = 1;
  doc.on('pageAdded', () => {
    page++;
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(`${d.title} · 第${page}页`, MARGIN, MARGIN - 24, { width: WIDTH, align: 'right' });
    doc.x = MARGIN;
    doc.y = MARGIN;
  });

  doc.fillColor(INK).fontSize(18).text(d.title, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  if (d.subtitle) doc.fillColor(MUTED).fontSize(11).text(d.subtitle, { width: WIDTH, align: 'center' });
  doc.moveDown(0.6);
  for (const m of d.meta) doc.fillColor(MUTED).fontSize(9.5).text(`${m.label}：${m.value}`, { width: WIDTH });
  for (const s of d.sections) {
    ensure(doc, 60);
    const y = doc.y + 12;
    doc.fillColor(ACCENT).fontSize(13).text(s.heading, MARGIN, y, { width: WIDTH });
    doc.moveDown(0.3);
    for (const p of s.paragraphs ?? []) {
      doc.fontSize(10.5);
      ensure(doc, doc.heightOfString(p, { width: WIDTH }));
      doc.fillColor(INK).fontSize(10.5).text(p, MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.3);
    }
    if (s.table) drawTable(doc, s.table);
  }
  if (d.notes?.length) {
    doc.moveDown(0.8);
    for (const n of d.notes) {
      doc.fontSize(8.5);
      ensure(doc, doc.heightOfString(n, { width: WIDTH }));
      doc.fillColor(MUTED).fontSize(8.5).text(n, MARGIN, doc.y, { width: WIDTH });
    }
  }
  doc.end();
  return done;
}

function ensure(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

function drawTable(doc: PDFKit.PDFDocument, t: PrintTable): void {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => (w / total) * WIDTH);
  const row = (cells: string[], header: boolean) => {
    doc.fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > PAGE_BOTTOM) {
      doc.addPage();
      if (!header) row(t.columns, true);
    }
    const y = doc.y;
    if (header) doc.save().rect(MARGIN, y, WIDTH, height).fill('#f3f6f9').restore();
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc
        .fillColor(header ? MUTED : INK)
        .fontSize(9)
        .text(c, x + 3, y + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc
      .save()
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + WIDTH, y + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
      .restore();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(t.columns, true);
  for (const r of t.rows) row(r, false);
  doc.moveDown(0.5);
}
