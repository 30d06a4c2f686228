import type { RawCell } from '@cradle/domain';
import { cellValue, CellError, type CellContext } from './xlsx-cells.js';
import { cellTooLongFailure } from './failures.js';
import { MAX_CELL_CHARS, MAX_RAW_CELL_CHARS } from './xlsx-limits.js';
import type { XmlAttributes, XmlHandler } from './xlsx-xml.js';

/** A worksheet row as read: a CellRow, declared again so that source-rows.ts, which imports the reader, is not imported back. */
export interface SheetRow {
  rowNo: number;
  cells: RawCell[];
  lastColumnCut?: number;
}

/**
 * Turns a worksheet's <sheetData> into rows as the tokenizer reads it; the reader takes the
 * finished rows after each chunk, so only a chunk's worth is ever held. A row keeps at most
 * `width` cells and notes the column of the last non-blank cell beyond them; the empty columns
 * in between get no cell objects (a row may reach column 16,384).
 */
export class SheetHandler implements XmlHandler {
  private rows: SheetRow[] = [];
  private inSheetData = false;
  private rowNo = 0;
  private cells: RawCell[] | null = null;
  private lastColumnCut: number | undefined;
  private column = 0;
  private inCell = false;
  private type: string | undefined;
  private style = 0;
  /** The cell's <v> or <is> text; null until it has one. */
  private value: string | null = null;
  private capturing = false;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly ctx: CellContext,
    private readonly width: number,
  ) {}

  /** The rows finished since the last call. */
  takeRows(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(name: string, a: XmlAttributes): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'c':
        if (this.cells !== null) this.openCell(a);
        break;
      case 'v':
        if (this.inCell) {
          this.capturing = true;
          this.value = '';
        }
        break;
      case 'is':
        this.inInline = this.inCell;
        break;
      case 't':
        // Inline rich text is <is><r><t>…</t></r>…</is>: its runs are joined, phonetic guides (<rPh>) left out.
        if (this.inInline && this.phonetic === 0) {
          this.capturing = true;
          this.value ??= '';
        }
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 'row':
        this.openRow(a.get('r'));
        break;
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'c':
        if (this.inCell) this.closeCell();
        break;
      case 'v':
      case 't':
        this.capturing = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'row':
        this.closeRow();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  text(text: string): void {
    if (!this.capturing) return;
    this.value = this.value === null ? text : this.value + text;
    // Checked as the text grows, so a huge cell fails before it is held whole.
    if (this.value.length > MAX_RAW_CELL_CHARS) throw cellTooLongFailure(this.rowNo, MAX_CELL_CHARS);
  }

  // A row's r may be left out: it is then the row after the previous one.
  private openRow(r: string | undefined): void {
    const rowNo = r === undefined ? this.rowNo + 1 : Number(r);
    if (!Number.isSafeInteger(rowNo) || rowNo < 1) throw new CellError(`a row has the number r="${r}"`);
    this.rowNo = rowNo;
    this.cells = [];
    this.lastColumnCut = undefined;
    this.column = 0;
  }

  private closeRow(): void {
    const cells = this.cells;
    if (cells === null) return;
    this.rows.push(
      this.lastColumnCut === undefined
        ? { rowNo: this.rowNo, cells }
        : { rowNo: this.rowNo, cells, lastColumnCut: this.lastColumnCut },
    );
    this.cells = null;
  }

  // A cell's r may be left out: it is then the cell right of the previous one.
  private openCell(a: XmlAttributes): void {
    const r = a.get('r');
    const s = a.get('s');
    this.column = r === undefined ? this.column + 1 : columnOf(r);
    this.type = a.get('t');
    this.style = s === undefined ? 0 : Number(s);
    this.value = null;
    this.inCell = true;
  }

  private closeCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.capturing = false;
    const value = cellValue(this.type, this.value, this.style, this.ctx);
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS)
      throw cellTooLongFailure(this.rowNo, MAX_CELL_CHARS);
    const cells = this.cells!;
    const col = this.column;
    if (col <= this.width) {
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    } else {
      while (cells.length < this.width) cells.push(null);
      if (value !== null && !(typeof value === 'string' && value.trim() === '')) this.lastColumnCut = col;
    }
  }
}

/** The column of a reference: B3 → 2. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || i > 3) throw new CellError(`a cell has the reference r="${ref}"`);
  return col;
}
