// A document a leader prints (the county's summary, the self-evaluation): headings, paragraphs
// and tables of text, rendered to PDF (document-pdf.ts) and DOCX (document-docx.ts) from the
// same model, so the two say the same thing.

export interface PrintTable {
  columns: string[];
  /** Relative widths, one per column. */
  widths: number[];
  rows: string[][];
}

export interface PrintSection {
  heading: string;
  paragraphs?: string[];
  table?: PrintTable;
}

export interface PrintDocument {
  title: string;
  subtitle?: string;
  /** Who made it and when, printed under the title. */
  meta: { label: string; value: string }[];
  sections: PrintSection[];
  /** Printed last, small: readings and sources. */
  notes?: string[];
}
