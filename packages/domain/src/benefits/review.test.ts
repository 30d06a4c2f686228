import { describe, expect, it } from 'vitest';
import { newApplicationState, review, reviewLevelOf, type ApplicationState, type ReviewAction } from './review.js';
import { BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_PRESCHOOL_FEE_WAIVER } from './schemes/baiyin.js';
import type { ReviewLevel } from './scheme.js';

const TODAY = '2026-11-29';
const step = (
  s: ApplicationState,
  action: ReviewAction,
  level: ReviewLevel | null,
  today = TODAY,
  scheme = BAIYIN_CHILDCARE_SUBSIDY,
) => {
  const r = review(scheme, s, action, level, today);
  if (!r.ok) throw new Error(r.code);
  return r.state;
};

describe('review of an application (village → township → county, 7 days of public notice for 白银)', () => {
  it('passes level by level, then public notice, then approval once the notice has run', () => {
    let s = newApplicationState(BAIYIN_CHILDCARE_SUBSIDY);
    expect(s).toMatchObject({ status: 'inReview', level: 'village' });
    s = step(s, { kind: 'approve' }, 'village');
    s = step(s, { kind: 'approve' }, 'township');
    s = step(s, { kind: 'approve' }, 'county');
    expect(s).toMatchObject({ status: 'publicNotice', noticeUntil: '2026-12-06' });
    expect(review(BAIYIN_CHILDCARE_SUBSIDY, s, { kind: 'closeNotice' }, 'county', '2026-12-06')).toMatchObject({
      ok: false,
      code: 'review.noticeRunning',
    });
    expect(step(s, { kind: 'closeNotice' }, 'county', '2026-12-07').status).toBe('approved');
  });

  it('refuses a reviewer of another level, and a rejection without a reason', () => {
    const s = newApplicationState(BAIYIN_CHILDCARE_SUBSIDY);
    expect(review(BAIYIN_CHILDCARE_SUBSIDY, s, { kind: 'approve' }, 'township', TODAY)).toMatchObject({
      ok: false,
      code: 'review.wrongLevel',
    });
    expect(review(BAIYIN_CHILDCARE_SUBSIDY, s, { kind: 'reject', reason: '  ' }, 'village', TODAY)).toMatchObject({
      ok: false,
      code: 'review.reasonRequired',
    });
  });

  it('takes one appeal, reviewed one level up, which then continues up the chain', () => {
    let s = step(newApplicationState(BAIYIN_CHILDCARE_SUBSIDY), { kind: 'reject', reason: '户籍不在白银' }, 'village');
    expect(s).toMatchObject({ status: 'rejected', level: 'village', rejectionReason: '户籍不在白银' });
    s = step(s, { kind: 'appeal' }, null);
    expect(s).toMatchObject({ status: 'inReview', level: 'township', appealed: true });
    s = step(s, { kind: 'reject', reason: '复核仍不符合' }, 'township');
    expect(review(BAIYIN_CHILDCARE_SUBSIDY, s, { kind: 'appeal' }, null, TODAY)).toMatchObject({
      ok: false,
      code: 'review.alreadyAppealed',
    });
  });

  it('lets an objection during the public notice reject the application', () => {
    let s = newApplicationState(BAIYIN_CHILDCARE_SUBSIDY);
    for (const l of ['village', 'township', 'county'] as const) s = step(s, { kind: 'approve' }, l);
    expect(step(s, { kind: 'reject', reason: '公示期间收到异议，核实孩次有误' }, 'county').status).toBe('rejected');
  });

  it('approves at once where the scheme has one level and no notice', () => {
    const s = newApplicationState(BAIYIN_PRESCHOOL_FEE_WAIVER);
    expect(s.level).toBe('county');
    expect(step(s, { kind: 'approve' }, 'county', TODAY, BAIYIN_PRESCHOOL_FEE_WAIVER).status).toBe('approved');
  });

  it('reads the reviewer level from the role', () => {
    expect(reviewLevelOf(['villageWorker'])).toBe('village');
    expect(reviewLevelOf(['townshipWorker'])).toBe('township');
    expect(reviewLevelOf(['countyAdmin'])).toBe('county');
    expect(reviewLevelOf(['leader'])).toBeNull();
  });
});
