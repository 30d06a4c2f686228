import type { Message } from '@cradle/domain';

/** At most this many problems are reported: the first ones say what to fix. */
const MAX_PROBLEMS = 20;

export class ProblemList {
  private readonly items: Message[] = [];
  private more = 0;
  add(m: Message) {
    if (this.items.length < MAX_PROBLEMS) this.items.push(m);
    else this.more++;
  }
  any() {
    return this.items.length > 0;
  }
  list(): Message[] {
    return this.more === 0
      ? [...this.items]
      : [...this.items, { zh: `……另有 ${this.more} 个问题`, en: `… and ${this.more} more problems` }];
  }
}

export interface TableRow {
  /** The line in the file (the header is line 1). */
  line: number;
  year?: number;
  sex?: string;
  age?: number;
  values: Record<string, number>;
}

export interface Table {
  file: string;
  rows: TableRow[];
}

/** Columns that may be negative: net migration is emigration when it is. */
const SIGNED = new Set(['net_migrants']);
const SEX_VALUES = new Set(['female', 'male', 'both']);

/**
 * A CSV of numbers with a header (the reference files' shape: cells optionally in double quotes,
 * no commas inside them). `year` and `age` must be whole numbers, `sex` female, male or both,
 * every other column a number, not negative unless it is net migration.
 */
export function parseTable(
  file: string,
  text: string,
  columns: readonly string[],
  problems: ProblemList,
): Table | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0] ?? '');
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.add({
      zh: `${file}：缺少列 ${missing.join(', ')}`,
      en: `${file}: missing column(s) ${missing.join(', ')}`,
    });
    return null;
  }
  const at = Object.fromEntries(columns.map((c) => [c, header.indexOf(c)]));
  const rows: TableRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const cells = splitLine(lines[i]!);
    const row: TableRow = { line: i + 1, values: {} };
    const checked = { ok: true };
    for (const column of columns) {
      const cell = cells[at[column]!] ?? '';
      const bad = (zh: string, en: string) => {
        problems.add({ zh: `${file} 第 ${i + 1} 行：${column} ${zh}`, en: `${file} line ${i + 1}: ${column} ${en}` });
        checked.ok = false;
      };
      if (column === 'sex') {
        if (SEX_VALUES.has(cell)) row.sex = cell;
        else bad(`应为 female 或 male，而非「${cell}」`, `must be female or male, not "${cell}"`);
        continue;
      }
      const value = cell.trim() === '' ? NaN : Number(cell);
      if (!Number.isFinite(value)) bad(`不是数字：「${cell}」`, `is not a number: "${cell}"`);
      else if (value < 0 && !SIGNED.has(column)) bad(`不能为负数：${cell}`, `cannot be negative: ${cell}`);
      else if ((column === 'year' || column === 'age') && !Number.isInteger(value))
        bad('须为整数', 'must be a whole number');
      else if (column === 'year') row.year = value;
      else if (column === 'age') row.age = value;
      else row.values[column] = value;
    }
    if (checked.ok) rows.push(row);
  }
  return { file, rows };
}

function splitLine(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}
