import { calendarDate } from '../calendar-date.js';
import type { Message } from '../messages.js';
import type { Role } from '../roles.js';
import type { ReviewLevel, SchemeDefinition } from './scheme.js';

export type ApplicationStatus = 'inReview' | 'publicNotice' | 'approved' | 'rejected';

export interface ApplicationState {
  status: ApplicationStatus;
  /** The level reviewing now (inReview), or the one that decided last. */
  level: ReviewLevel;
  appealed: boolean;
  noticeUntil: string | null;
  rejectionReason: string | null;
}

export type ReviewAction =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string }
  | { kind: 'appeal' }
  /** After the public notice ran its days without a successful objection. */
  | { kind: 'closeNotice' };

export type ReviewOutcome =
  { ok: true; state: ApplicationState } | { ok: false; code: ReviewRefusal; message: Message };

export type ReviewRefusal =
  | 'review.wrongLevel'
  | 'review.wrongStatus'
  | 'review.reasonRequired'
  | 'review.alreadyAppealed'
  | 'review.noticeRunning';

const LEVEL_ORDER: readonly ReviewLevel[] = ['village', 'township', 'county'];

/** The review level a user acts at, from their role: village and township workers, county administrators. */
export function reviewLevelOf(roles: readonly Role[]): ReviewLevel | null {
  if (roles.includes('countyAdmin')) return 'county';
  if (roles.includes('townshipWorker')) return 'township';
  if (roles.includes('villageWorker')) return 'village';
  return null;
}

/** A new application waits at the scheme's first review level (issue 3: village → township → county as the scheme defines). */
export function newApplicationState(scheme: SchemeDefinition): ApplicationState {
  return {
    status: 'inReview',
    level: scheme.reviewLevels[0] ?? 'county',
    appealed: false,
    noticeUntil: null,
    rejectionReason: null,
  };
}

/**
 * The review as a state machine, the same for server and console. An approval passes the
 * application to the scheme's next level; the last level's approval starts the public notice
 * (公示) when the scheme has one, else approves. A rejection needs a reason. A rejected
 * application may be appealed once: the appeal is reviewed one level above the one that
 * rejected (a county rejection, having no level above it in a county deployment, is reviewed
 * by the county again — by another administrator, which the server enforces), and an approved
 * appeal continues up the chain from there.
 */
export function review(
  scheme: SchemeDefinition,
  s: ApplicationState,
  action: ReviewAction,
  actorLevel: ReviewLevel | null,
  today: string,
  /** The days in force for the application's region (resolveNoticeDays); the scheme's default if not given. */
  noticeDays = scheme.publicNoticeDays,
): ReviewOutcome {
  const fail = (code: ReviewRefusal, zh: string, en: string): ReviewOutcome => ({
    ok: false,
    code,
    message: { zh, en },
  });
  const levels = scheme.reviewLevels.length > 0 ? scheme.reviewLevels : (['county'] as const);
  const last = levels[levels.length - 1]!;
  switch (action.kind) {
    case 'approve': {
      if (s.status !== 'inReview')
        return fail('review.wrongStatus', '该申请当前不在审核中', 'The application is not awaiting review');
      if (actorLevel !== s.level)
        return fail('review.wrongLevel', '该申请不在您这一级审核', 'The application is not at your review level');
      if (s.level !== last) return { ok: true, state: { ...s, level: levels[levels.indexOf(s.level) + 1] ?? last } };
      if (noticeDays > 0)
        return { ok: true, state: { ...s, status: 'publicNotice', noticeUntil: addDays(today, noticeDays) } };
      return { ok: true, state: { ...s, status: 'approved' } };
    }
    case 'reject': {
      const atLevel = s.status === 'inReview' ? s.level : s.status === 'publicNotice' ? last : null;
      if (atLevel === null)
        return fail('review.wrongStatus', '该申请当前不能驳回', 'The application cannot be rejected now');
      if (actorLevel !== atLevel)
        return fail('review.wrongLevel', '该申请不在您这一级审核', 'The application is not at your review level');
      const reason = action.reason.trim();
      if (reason.length === 0) return fail('review.reasonRequired', '驳回须写明理由', 'A rejection needs a reason');
      return {
        ok: true,
        state: { ...s, status: 'rejected', level: atLevel, rejectionReason: reason, noticeUntil: null },
      };
    }
    case 'appeal': {
      if (s.status !== 'rejected')
        return fail('review.wrongStatus', '只有被驳回的申请可以申诉', 'Only a rejected application can be appealed');
      if (s.appealed)
        return fail('review.alreadyAppealed', '该申请已申诉过一次', 'The application has been appealed once already');
      const up = LEVEL_ORDER[LEVEL_ORDER.indexOf(s.level) + 1];
      const level =
        up && levels.includes(up)
          ? up
          : (levels.find((l) => LEVEL_ORDER.indexOf(l) > LEVEL_ORDER.indexOf(s.level)) ?? last);
      return { ok: true, state: { ...s, status: 'inReview', level, appealed: true } };
    }
    case 'closeNotice': {
      if (s.status !== 'publicNotice')
        return fail('review.wrongStatus', '该申请不在公示期', 'The application is not under public notice');
      if (actorLevel !== last)
        return fail('review.wrongLevel', '公示结束由最后一级确认', 'The last review level closes the public notice');
      if (s.noticeUntil !== null && today <= s.noticeUntil)
        return fail(
          'review.noticeRunning',
          `公示期至 ${s.noticeUntil}，届满后方可确认`,
          `The public notice runs until ${s.noticeUntil}`,
        );
      return { ok: true, state: { ...s, status: 'approved' } };
    }
  }
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())!;
}
