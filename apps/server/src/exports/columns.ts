import type { Lang } from '@cradle/domain';

/** One column of an export: its header in both languages, its width in characters, its cell. */
export interface ExportColumn<R> {
  header: { zh: string; en: string };
  width: number;
  cell: (row: R, lang: Lang) => string;
}

/** A column whose cell reads the same in both languages (names, codes, masked ID numbers, dates). */
export const column = <R>(zh: string, en: string, width: number, cell: (row: R) => string): ExportColumn<R> => ({
  header: { zh, en },
  width,
  cell: (row) => cell(row),
});

/** A column whose cell is a word in the user's language (sex, status). */
export const wordColumn = <R>(
  zh: string,
  en: string,
  width: number,
  word: (row: R) => { zh: string; en: string },
): ExportColumn<R> => ({
  header: { zh, en },
  width,
  cell: (row, lang) => (lang === 'en' ? word(row).en : word(row).zh),
});

/** A date-and-time cell in China's time (the console's), `YYYY-MM-DD HH:mm`; blank for none. */
export function chinaDateTime(value: Date | string | null): string {
  if (value === null) return '';
  const d = new Date(new Date(value).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
