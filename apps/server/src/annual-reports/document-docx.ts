import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PrintDocument, PrintTable } from './print-document.js';

// The same document as Word (DOCX), for a leader's office that edits before it prints. The font
// is named, not embedded: Word on a Chinese desktop has 宋体 (SimSun).

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
// The lint rule mistakes docx's run option `bold` for the deprecated String.prototype.bold.
const text = (t: string, o: { size?: number; strong?: boolean; color?: string } = {}) =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  new TextRun({ text: t, font: FONT, size: o.size ?? 21, bold: o.strong === true, color: o.color });

function table(t: PrintTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cell = (c: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round((t.widths[i]! / total) * 100), type: WidthType.PERCENTAGE },
      shading: header ? { fill: 'F3F6F9' } : undefined,
      children: [new Paragraph({ children: [text(c, { size: 18, strong: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export async function renderDocumentDocx(d: PrintDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.title, { size: 36, strong: true })] }),
  ];
  if (d.subtitle)
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [text(d.subtitle, { color: '59636E' })] }),
    );
  for (const m of d.meta) children.push(new Paragraph({ children: [text(`${m.label}：${m.value}`, { size: 19 })] }));
  for (const s of d.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(s.heading, { size: 26, strong: true })] }),
    );
    for (const p of s.paragraphs ?? []) children.push(new Paragraph({ children: [text(p)] }));
    if (s.table) children.push(table(s.table));
  }
  for (const n of d.notes ?? []) children.push(new Paragraph({ children: [text(n, { size: 17, color: '59636E' })] }));
  const doc = new Document({
    creator: 'Cradle',
    title: d.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
