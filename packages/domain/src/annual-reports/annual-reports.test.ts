import { describe, expect, it } from 'vitest';
import {
  annualReportDueDate,
  DEFAULT_ANNUAL_REPORT_DUE,
  isAnnualReportDue,
  isAnnualReportOverdue,
  wasSubmittedLate,
} from './index.js';

describe('annual report deadlines', () => {
  it('reads 004 (二十六) "每年11月底前" as 30 November, and 000 三 as a setting of 12-31', () => {
    expect(annualReportDueDate(2025, DEFAULT_ANNUAL_REPORT_DUE)).toBe('2025-11-30');
    expect(annualReportDueDate(2025, '12-31')).toBe('2025-12-31');
  });
  it('accepts only a month and day every year has', () => {
    expect(['11-30', '12-31', '01-01'].map(isAnnualReportDue)).toEqual([true, true, true]);
    expect(['02-29', '11-31', '13-01', '1-30', ''].map(isAnnualReportDue)).toEqual([false, false, false, false, false]);
  });
  it('is overdue the day after the due date while nothing is in', () => {
    const r = { dueDate: '2025-11-30' };
    expect(isAnnualReportOverdue({ ...r, status: 'open' }, '2025-11-30')).toBe(false);
    expect(isAnnualReportOverdue({ ...r, status: 'open' }, '2025-12-01')).toBe(true);
    expect(isAnnualReportOverdue({ ...r, status: 'sentBack' }, '2025-12-01')).toBe(true);
    expect(isAnnualReportOverdue({ ...r, status: 'submitted' }, '2025-12-01')).toBe(false);
    expect(wasSubmittedLate('2025-11-30', '2025-12-01')).toBe(true);
    expect(wasSubmittedLate('2025-11-30', '2025-11-30')).toBe(false);
  });
});
