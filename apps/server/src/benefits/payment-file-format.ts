/**
 * The batch payment file for the one-card platform (惠民惠农财政补贴资金“一卡通”), as we read its
 * format, since no specification was given: one header row in Chinese, one row per payment, and
 * a control row at the end. The platform pays into the one-card account it holds for each
 * 公民身份号码, so the file carries the ID number and no bank account. The control row has 合计
 * in the first column, the number of payments (笔数) in the second and the total in the amount
 * column, for the bank to check the batch before paying it. Amounts are yuan with exactly two
 * decimals, written from integer fen as text (never through floating point), in both formats.
 * 支付参考号 is our payment id; the bank's return file quotes it on every row.
 */
export const PAYMENT_FILE_HEADERS = [
  '序号',
  '支付参考号',
  '项目',
  '期间',
  '姓名',
  '公民身份号码',
  '户籍地区划代码',
  '金额（元）',
] as const;
export const CONTROL_ROW_LABEL = '合计';
/** The XLSX's one worksheet; widths in characters, one for each of PAYMENT_FILE_HEADERS. */
export const PAYMENT_FILE_SHEET = { name: '发放明细', widths: [8, 12, 28, 10, 12, 22, 16, 14] } as const;

export interface PaymentFileRow {
  paymentId: number;
  schemeName: string;
  periodKey: string;
  name: string;
  idNumber: string;
  regionCode: string;
  amountFen: number;
}

export function paymentCells(seq: number, r: PaymentFileRow): string[] {
  return [
    String(seq),
    String(r.paymentId),
    r.schemeName,
    periodLabel(r.periodKey),
    r.name,
    r.idNumber,
    r.regionCode,
    fenToYuan(r.amountFen),
  ];
}

export function controlCells(count: number, totalFen: number): string[] {
  return [CONTROL_ROW_LABEL, String(count), '', '', '', '', '', fenToYuan(totalFen)];
}

const periodLabel = (key: string) => (key === 'once' ? '一次性' : key);

/** 123456 fen → "1234.56": exact, by integer arithmetic on a safe integer. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A bank's amount in yuan to fen, exactly, or null: "2000", "2000.5", "2,000.00" as text; a
 * spreadsheet number is accepted only when it is a whole number of fen.
 */
export function yuanToFen(value: string | number): number | null {
  if (typeof value === 'number') {
    const f = Math.round(value * 100);
    return Number.isSafeInteger(f) && f >= 0 && Math.abs(f - value * 100) < 1e-6 ? f : null;
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  const f = Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(f) ? f : null;
}

export const paymentFileName = (b: { id: number; schemeCode: string; periodKey: string }, format: 'csv' | 'xlsx') =>
  `cradle-${b.schemeCode}-${b.periodKey}-batch${b.id}.${format}`;
