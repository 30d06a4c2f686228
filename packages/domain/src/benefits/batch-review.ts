import { addDays } from '../family/day-arithmetic.js';
import { addWorkingDays, type WorkingDayCalendar } from '../family/working-days.js';
import type { SchemeDefinition } from './scheme.js';

/**
 * A payment batch under four eyes (issue 12): a cycle makes a draft; where the scheme has a
 * public notice (公示) the roster is published for its days and objections are recorded; a
 * second person approves; only then does finance export it. A draft, noticed or approved batch
 * not yet exported can be cancelled with a reason.
 */
export type BatchStage = 'draft' | 'noticed' | 'approved' | 'exported' | 'cancelled';

export const BATCH_STAGES: readonly BatchStage[] = ['draft', 'noticed', 'approved', 'exported', 'cancelled'];

/** Stages a batch can still be cancelled in: nothing has gone to the bank. */
export const CANCELLABLE_STAGES: readonly BatchStage[] = ['draft', 'noticed', 'approved'];

/**
 * The notice's first and last day when it is published on `publishedOn`: `days` calendar days
 * from that day, or the first `days` working days from it when the scheme counts working days.
 * Approval is possible from the day after the last.
 */
export function noticeWindow(
  scheme: Pick<SchemeDefinition, 'publicNoticeDayKind'>,
  publishedOn: string,
  days: number,
  calendar: WorkingDayCalendar,
): { from: string; until: string } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a notice needs at least one day, got ${days}`);
  if (scheme.publicNoticeDayKind === 'working')
    return { from: publishedOn, until: addWorkingDays(addDays(publishedOn, -1), days, calendar) };
  return { from: publishedOn, until: addDays(publishedOn, days - 1) };
}

/** Whether the notice has run its days on `today` (a China date), so the batch may be approved. */
export const noticeOver = (until: string, today: string): boolean => today > until;

/** The first day a batch noticed until `until` may be approved. */
export const approvableFrom = (until: string): string => addDays(until, 1);
