import { calendarDate } from '../calendar-date.js';
import type { Message } from '../messages.js';

// 乡镇年度人口工作报告 (glossary annualReport). Two seeds set the deadline differently: 004 (二十六)
// and annex 2 #31 "各乡(镇)党委、政府每年 11 月底前要向县委、县政府报告本乡(镇)人口工作情况"; 000 三
// "每年12月底前". The deadline is a jurisdiction's setting (a month and a day each year).

/** 004 (二十六): "每年 11 月底前", read as due on 30 November (the last day of the month). */
export const DEFAULT_ANNUAL_REPORT_DUE = '11-30';

export const ANNUAL_REPORT_DUE_READING: Message = {
  zh: '维西方案 (二十六) 要求“每年 11 月底前”报告，临沧县方案 三 为“每年12月底前”；Cradle 默认 11 月 30 日（“月底前”读作当月最后一天），县可另行设置',
  en: 'Weixi (004 (二十六)) asks for the report "by the end of November each year", Lincang county (000 三) "by the end of December"; Cradle defaults to 30 November (the last day of the month) and the county may set another date',
};

export type AnnualReportStatus = 'open' | 'submitted' | 'accepted' | 'sentBack';
export const ANNUAL_REPORT_STATUSES: readonly AnnualReportStatus[] = ['open', 'submitted', 'accepted', 'sentBack'];

const STATUS_LABELS: Record<AnnualReportStatus, Message> = {
  open: { zh: '待填报', en: 'To write' },
  submitted: { zh: '已报送', en: 'Submitted' },
  accepted: { zh: '已通过', en: 'Accepted' },
  sentBack: { zh: '已退回', en: 'Sent back' },
};
export const annualReportStatusLabel = (s: AnnualReportStatus): Message => STATUS_LABELS[s];

/** A month-day setting "MM-DD" that exists in every year (29 February does not). */
export function isAnnualReportDue(monthDay: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  return m !== null && calendarDate(2025, Number(m[1]), Number(m[2])) !== null;
}

/** The year's due date: the setting read in that year ("2025", "11-30" → 2025-11-30). */
export function annualReportDueDate(year: number, monthDay: string): string {
  if (!isAnnualReportDue(monthDay)) throw new RangeError(`not a due date: ${monthDay}`);
  return `${year}-${monthDay}`;
}

/** Overdue: the due date has passed and the township has nothing in (not written, or sent back). */
export function isAnnualReportOverdue(r: { status: AnnualReportStatus; dueDate: string }, today: string): boolean {
  return (r.status === 'open' || r.status === 'sentBack') && today > r.dueDate;
}

/** Submitted after the due date (kept once the report is in: the county sees it came late). */
export const wasSubmittedLate = (dueDate: string, submittedOn: string | null): boolean =>
  submittedOn !== null && submittedOn > dueDate;

/** The text a township writes: required to submit, bounded as other free texts. */
export const ANNUAL_REPORT_BODY_MAX = 20_000;
