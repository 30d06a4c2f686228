import { fieldLabel, headerToField, type CanonicalField } from '@cradle/domain';
import type { ImportRowError } from './row-errors.js';

// Warnings about the file, stored with the row errors (import_jobs has no place for them) on the
// header row with field 'file', so they lead the list and the report. They never make a row invalid.

/** One warning per non-blank header cell that mapHeaders left unmapped, in column order. */
export function headerWarnings(
  rowNo: number,
  headers: readonly string[],
  mapping: readonly (CanonicalField | null)[],
): ImportRowError[] {
  const out: ImportRowError[] = [];
  headers.forEach((header, i) => {
    if (mapping[i] || header.trim() === '') return;
    // A header that names a field yet was left unmapped repeats an earlier column.
    const field = headerToField(header);
    out.push(field ? duplicateHeaderWarning(rowNo, header, field) : unknownHeaderWarning(rowNo, header));
  });
  return out;
}

export function unknownHeaderWarning(rowNo: number, header: string): ImportRowError {
  const h = shown(header);
  return {
    rowNo,
    field: 'file',
    code: 'header.unknown',
    message: {
      zh: `第${rowNo}行（表头）“${h}”不是可识别的列名，该列未导入`,
      en: `Row ${rowNo} (header): "${h}" is not a known column; the column was not imported`,
    },
  };
}

export function duplicateHeaderWarning(rowNo: number, header: string, field: CanonicalField): ImportRowError {
  const h = shown(header);
  const label = fieldLabel(field);
  return {
    rowNo,
    field: 'file',
    code: 'header.duplicate',
    message: {
      zh: `第${rowNo}行（表头）“${h}”与前面的“${label.zh}”列重复，该列未导入，只导入了前面那一列`,
      en: `Row ${rowNo} (header): "${h}" repeats the earlier "${label.en}" column; the column was not imported, only the earlier one was`,
    },
  };
}

export function extraSheetsWarning(rowNo: number, worksheets: number): ImportRowError {
  const ignored = worksheets - 1;
  return {
    rowNo,
    field: 'file',
    code: 'file.extraSheets',
    message: {
      zh: `工作簿有 ${worksheets} 张工作表，只导入了第一张，其余 ${ignored} 张未导入；如需导入，请把它们另存为单独的文件`,
      en: `The workbook has ${worksheets} worksheets; only the first was imported and the ${ignored} other worksheet${ignored === 1 ? ' was' : 's were'} ignored; save ${ignored === 1 ? 'it' : 'them'} as separate files to import ${ignored === 1 ? 'it' : 'them'}`,
    },
  };
}

// A header cell can hold anything: keep line breaks and control characters out of the message, and its length short.
function shown(header: string): string {
  const text = header.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
