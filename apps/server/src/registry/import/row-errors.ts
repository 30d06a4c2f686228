import { fieldLabel, type CanonicalField, type Message, type PersonRowErrorCode } from '@cradle/domain';

/** Checks that need the whole file or the database, beyond what validatePersonRow sees in one row. */
export type ImportRowErrorCode =
  | PersonRowErrorCode
  | 'idNumber.duplicateInFile'
  | 'idNumber.registeredElsewhere'
  | 'householdNo.registeredElsewhere'
  | ImportWarningCode;

/**
 * About the file rather than a row (see warnings.ts): listed on the header row, never counted as
 * an invalid row. errors.omitted is the cap's marker on row 0 (error-cap.ts), never listed.
 */
export type ImportWarningCode = 'header.unknown' | 'header.duplicate' | 'file.extraSheets' | 'errors.omitted';

/** A column, or 'file' for a warning about the whole file. */
export type ImportErrorField = CanonicalField | 'file';

/**
 * One reason one row was left out: the spreadsheet row (header = 1), the column and why; or,
 * with field 'file', a warning about the file, on the header row.
 */
export interface ImportRowError {
  rowNo: number;
  field: ImportErrorField;
  code: ImportRowErrorCode;
  message: Message;
}

export function errorFieldLabel(field: ImportErrorField): Message {
  return field === 'file' ? { zh: '文件', en: 'File' } : fieldLabel(field);
}

export function duplicateInFileError(rowNo: number, firstRowNo: number): ImportRowError {
  return {
    rowNo,
    field: 'idNumber',
    code: 'idNumber.duplicateInFile',
    message: {
      zh: `公民身份号码与第 ${firstRowNo} 行重复；同一人在文件中只能出现一次，本行未导入`,
      en: `The ID number repeats row ${firstRowNo}; a person may appear only once in the file, so this row was not loaded`,
    },
  };
}

export function registeredElsewhereError(rowNo: number): ImportRowError {
  return {
    rowNo,
    field: 'idNumber',
    code: 'idNumber.registeredElsewhere',
    message: {
      zh: '该公民身份号码已在您辖区以外登记；如此人已迁入，请联系其现居住地所在辖区办理迁移',
      en: 'This ID number is already registered outside your jurisdiction; if the person has moved here, ask the jurisdiction they lived in to transfer the record',
    },
  };
}

export function householdElsewhereError(rowNo: number, householdNo: string): ImportRowError {
  return {
    rowNo,
    field: 'householdNo',
    code: 'householdNo.registeredElsewhere',
    message: {
      zh: `户号 ${householdNo} 已属于您辖区以外的户，请核对户号`,
      en: `Household number ${householdNo} belongs to a household outside your jurisdiction; check the number`,
    },
  };
}
