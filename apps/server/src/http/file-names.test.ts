import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName } from './index.js';

describe('cleanFileName', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066scan\u2069\u200E\u200F\u061C.pdf', 'scan.pdf'],
    ['\u202A\u202B\u202C\u202D出生证明\u2067\u2068.png', '出生证明.png'],
    ['zero\u200Bwidth\uFEFF.pdf', 'zerowidth.pdf'],
    ['line\u2028break\u2029.pdf', 'linebreak.pdf'],
    ['tab\there\r\n.csv', 'tabhere.csv'],
    ['nul\u0000\u0085.csv', 'nul.csv'],
    ['lone\uD800surrogate.pdf', 'lonesurrogate.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\王芳\\孕检记录<1>.pdf', '孕检记录1.pdf'],
    ['"quoted" \'name\'`.xlsx', 'quoted name.xlsx'],
    ['  spaced  ', 'spaced'],
    ['\u202E', ''],
  ])('%j becomes %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('keeps the end of a long name, where its extension is', () => {
    expect(cleanFileName(`${'长'.repeat(150)}.pdf`)).toBe(`${'长'.repeat(96)}.pdf`);
  });
});

describe('attachmentDisposition', () => {
  it('names a plain ASCII file in both parameters', () => {
    expect(attachmentDisposition('scan-1.pdf', 'attachment-7')).toBe(
      'attachment; filename="scan-1.pdf"; filename*=UTF-8\'\'scan-1.pdf',
    );
  });

  it('gives a Chinese name in UTF-8 only, with an ASCII fallback', () => {
    expect(attachmentDisposition('孕检记录.pdf', 'attachment-7')).toBe(
      'attachment; filename="attachment-7"; filename*=UTF-8\'\'%E5%AD%95%E6%A3%80%E8%AE%B0%E5%BD%95.pdf',
    );
  });

  it('never carries a control, bidi or quoting character into the header', () => {
    const header = attachmentDisposition('a\u202E"b;c\'(d)*\r\nX-Evil: 1.pdf', 'attachment-7');
    expect(header).toBe('attachment; filename="attachment-7"; filename*=UTF-8\'\'ab%3Bc%28d%29%2AX-Evil%3A%201.pdf');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('falls back when nothing of the name is left', () => {
    expect(attachmentDisposition('\u202E\u2066', 'attachment-7')).toBe(
      'attachment; filename="attachment-7"; filename*=UTF-8\'\'attachment-7',
    );
  });
});
