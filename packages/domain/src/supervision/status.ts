import type { Message } from '../messages.js';

export type KeyTaskStatus = 'onTrack' | 'dueSoon' | 'overdue' | 'done';
export type Rag = 'green' | 'amber' | 'red';

/**
 * "Due soon" is the last 30 days before a deadline: no seed gives a reminder period (REQUIREMENTS
 * Problems 7), so this is Cradle's reading, written in the supervision README.
 */
export const DUE_SOON_DAYS = 30;

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * The deadline in force on `today`: a yearly task (004 annex 2 #28 每年至少召开1次, #31 每年11月底前)
 * falls due each year on its month and day; any other on its date.
 */
export function deadlineInForce(dueOn: string, recurrence: 'yearly' | null, today: string): string {
  return recurrence === 'yearly' ? `${today.slice(0, 4)}${dueOn.slice(4)}` : dueOn;
}

/**
 * A task's status by rule: done once the office accepted a report that completes it (for a
 * yearly task, one accepted this year); otherwise overdue after its deadline, due soon within
 * DUE_SOON_DAYS of it, on track before.
 */
export function taskStatus(
  t: { dueOn: string; recurrence: 'yearly' | null; completedOn: string | null },
  today: string,
): KeyTaskStatus {
  if (t.completedOn && (t.recurrence !== 'yearly' || t.completedOn.slice(0, 4) === today.slice(0, 4))) return 'done';
  const due = deadlineInForce(t.dueOn, t.recurrence, today);
  const left = dayNumber(due) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'dueSoon' : 'onTrack';
}

export function ragOf(s: KeyTaskStatus): Rag {
  return s === 'overdue' ? 'red' : s === 'dueSoon' ? 'amber' : 'green';
}

export const TASK_STATUS_LABELS: Record<KeyTaskStatus, Message> = {
  onTrack: { zh: '按期推进', en: 'On track' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  done: { zh: '已完成', en: 'Done' },
};

/** A report period: a year (2025), a quarter (2025-Q4) or a month (2025-11). */
export const REPORT_PERIOD_PATTERN = '^20[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';

/**
 * The joint meeting meets "at least once a year" (000 三; 004 (二十三), annex 2 #28): unmet for a
 * year that has ended without a meeting, or the current year while none is recorded.
 */
export function meetingRuleMet(heldOn: readonly string[], year: number): boolean {
  return heldOn.some((d) => d.startsWith(String(year)));
}
