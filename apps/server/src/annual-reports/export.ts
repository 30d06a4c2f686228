import type { AnnualReportSummary } from '@cradle/contract';
import { annualReportStatusLabel } from '@cradle/domain';
import { chinaDateTime, column, wordColumn } from '../exports/index.js';

// The year's reports as XLSX, as the list shows them.

const yesNo = (b: boolean) => (b ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });
const when = (iso: string | null) => (iso ? chinaDateTime(new Date(iso)) : '');

export const EXPORT_COLUMNS = [
  column<AnnualReportSummary>('年度', 'Year', 8, (r) => String(r.year)),
  column<AnnualReportSummary>('乡镇', 'Township', 16, (r) => r.regionName),
  column<AnnualReportSummary>('截止日期', 'Due', 12, (r) => r.dueDate),
  wordColumn<AnnualReportSummary>('状态', 'Status', 10, (r) => annualReportStatusLabel(r.status)),
  wordColumn<AnnualReportSummary>('逾期', 'Overdue', 8, (r) => yesNo(r.overdue)),
  wordColumn<AnnualReportSummary>('逾期报送', 'Submitted late', 10, (r) => yesNo(r.submittedLate)),
  column<AnnualReportSummary>('报送人', 'Submitted by', 12, (r) => r.submittedByName ?? ''),
  column<AnnualReportSummary>('报送时间', 'Submitted at', 18, (r) => when(r.submittedAt)),
  column<AnnualReportSummary>('审核人', 'Reviewed by', 12, (r) => r.decidedByName ?? ''),
  column<AnnualReportSummary>('审核时间', 'Reviewed at', 18, (r) => when(r.decidedAt)),
  column<AnnualReportSummary>('退回理由', 'Reason sent back', 30, (r) => r.decisionNote ?? ''),
];
