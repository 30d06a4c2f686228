import { describe, expect, it } from 'vitest';
import { errorReportHeader, errorReportOmitted, errorReportRows } from './error-report.js';

describe('the error report’s lines', () => {
  it('neutralises a cell Excel would run as a formula, and quotes commas and quotes', () => {
    const rows = errorReportRows(
      [
        { rowNo: 2, field: 'name', code: 'name.required', message: { zh: '=HYPERLINK("x")', en: '@SUM(A1)' } },
        { rowNo: 3, field: 'file', code: 'header.unknown', message: { zh: '-1', en: 'a, "b"' } },
      ],
      'en',
    );
    expect(rows).toBe(`2,Name,name.required,'@SUM(A1)\r\n3,File,header.unknown,"a, ""b"""\r\n`);
    expect(
      errorReportRows(
        [{ rowNo: 2, field: 'name', code: 'name.required', message: { zh: '=HYPERLINK("x")', en: '' } }],
        'zh-CN',
      ),
    ).toBe(`2,姓名,name.required,"'=HYPERLINK(""x"")"\r\n`);
  });

  it('starts with a BOM and ends with the rows not listed', () => {
    expect(errorReportHeader('zh-CN')).toBe('\uFEFF行号,字段,错误代码,说明\r\n');
    expect(errorReportOmitted(5, 10_000, 'en')).toBe(
      ',,errors.omitted,5 more rows with errors not listed: an import keeps the errors of its first 10000 bad rows; correct the rows above and import again\r\n',
    );
  });
});
