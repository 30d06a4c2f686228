import { computeIdCheckCharacter } from '@cradle/domain';
import type { Readable } from 'node:stream';
import { CSV_BOM, csvLine, xlsxStream } from '../../spreadsheet/index.js';

const HEADERS = [
  '姓名',
  '公民身份号码',
  '性别',
  '出生日期',
  '民族',
  '户籍地代码',
  '居住地代码',
  '户号',
  '与户主关系',
  '联系电话',
];

// A synthetic person in 保和镇 南路社区 (533423101001): born 1990-05-12, sequence 002
// (even, so female). The ID number is well formed but made up; the phone is the usual sample number.
const EXAMPLE_FIRST17 = '53342319900512002';

function exampleRow(): string[] {
  const idNumber = EXAMPLE_FIRST17 + computeIdCheckCharacter(EXAMPLE_FIRST17);
  return [
    '和丽华',
    idNumber,
    '女',
    '1990-05-12',
    '傈僳族',
    '533423101001',
    '533423101001',
    '533423101001-0001',
    '户主',
    '13800138000',
  ];
}

/** The import template: the header users fill in and one example row, UTF-8 with BOM for Excel. */
export function importTemplateCsv(): string {
  return CSV_BOM + csvLine(HEADERS) + csvLine(exampleRow());
}

// Wide enough to read each column's header and an example value.
const WIDTHS = [10, 22, 6, 12, 10, 16, 16, 20, 12, 14];

/**
 * The template as a workbook, every column formatted as text (spreadsheet/'s writer): an ID
 * number typed or pasted into it keeps its 18 digits, where Excel opening the CSV shows 5.33E+17
 * and saves the digits it kept; a code or phone keeps its leading digits too.
 */
export function importTemplateXlsx(): Readable {
  async function* pages() {
    yield [HEADERS, exampleRow()];
  }
  return xlsxStream({ name: '人员', widths: WIDTHS }, pages());
}
