import type { Message } from '../messages.js';

// Ratings, incidents and rectification states (REQUIREMENTS A5 #40, #42, #49; B9).

/**
 * 等级评估 / 质量评估 (004 (十三); 002 二(三)4) names no scale. Reading (module README): the four
 * grades of 托育机构质量评估标准 (WS/T 821—2023): 优秀、良好、合格、不合格, one rating per
 * institution and year.
 */
export const RATING_GRADES = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];
const GRADE_LABELS: Record<RatingGrade, Message> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  qualified: { zh: '合格', en: 'Qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};
export const ratingGradeLabel = (g: RatingGrade): Message => GRADE_LABELS[g];

/**
 * A safety accident's class. The seeds say only "重大安全事故" (003 三(三)); Cradle uses the four
 * classes of 生产安全事故报告和调查处理条例 (国务院令第493号) 第三条: 一般、较大、重大、特别重大.
 */
export const INCIDENT_SEVERITIES = ['ordinary', 'serious', 'major', 'especiallyMajor'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
const SEVERITY_LABELS: Record<IncidentSeverity, Message> = {
  ordinary: { zh: '一般', en: 'Ordinary' },
  serious: { zh: '较大', en: 'Serious' },
  major: { zh: '重大', en: 'Major' },
  especiallyMajor: { zh: '特别重大', en: 'Especially major' },
};
export const incidentSeverityLabel = (s: IncidentSeverity): Message => SEVERITY_LABELS[s];

/** "重大安全事故" counts 重大 and 特别重大 (reading: the higher classes include the lower word's meaning). */
export const isMajorIncident = (s: IncidentSeverity): boolean => s === 'major' || s === 'especiallyMajor';

/**
 * 003 三(三) "近三年无重大安全事故发生", judged for `year`. Reading (module README): the three
 * calendar years ending with `year` (for 2026: 2024, 2025 and 2026).
 */
export function threeYearWindow(year: number): { from: string; to: string } {
  return { from: `${year - 2}-01-01`, to: `${year}-12-31` };
}

export function noMajorIncidentIn(
  year: number,
  incidents: readonly { occurredOn: string; severity: IncidentSeverity }[],
): boolean {
  const { from, to } = threeYearWindow(year);
  return !incidents.some((i) => isMajorIncident(i.severity) && i.occurredOn >= from && i.occurredOn <= to);
}

/** A rectification item: open, reported done by the institution, or closed by a re-inspection. */
export const RECTIFICATION_STATES = ['open', 'reported', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
const RECT_LABELS: Record<RectificationState, Message> = {
  open: { zh: '待整改', en: 'Open' },
  reported: { zh: '已报整改待复查', en: 'Reported done' },
  closed: { zh: '复查通过已销号', en: 'Closed' },
};
export const rectificationStateLabel = (s: RectificationState): Message => RECT_LABELS[s];

/**
 * A rectification is overdue when its due day has passed and the institution has not reported it
 * done (reading: once reported, the wait is the inspectors', not the institution's).
 */
export const rectificationOverdue = (r: { state: RectificationState; dueOn: string }, today: string): boolean =>
  r.state === 'open' && r.dueOn < today;
