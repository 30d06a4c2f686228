import { describe, expect, it } from 'vitest';
import { parseResponsibility } from './key-tasks.js';
import { BAIYIN_MEASURES } from './baiyin-measures.js';
import { measureUnits } from './measures.js';
import { deadlineInForce, taskStatus } from './status.js';
import { resolveUnitName, WEIXI_UNITS } from './units.js';
import { WEIXI_KEY_TASKS } from './weixi-tasks.js';

const rolesOf = (n: number) => parseResponsibility(WEIXI_KEY_TASKS.find((t) => t.number === n)!.responsibility);
const unitOf = (name: string) => resolveUnitName(name, WEIXI_UNITS)?.key;

describe('004 annex 1 and 2 as data', () => {
  it('holds 31 tasks and 32 member seats with one convener and two deputies', () => {
    expect(WEIXI_KEY_TASKS.map((t) => t.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    const seats = WEIXI_UNITS.flatMap((u) => u.seats);
    expect(seats.filter((s) => s.position === 'member')).toHaveLength(32);
    expect(seats.filter((s) => s.position === 'convener')).toHaveLength(1);
    expect(seats.filter((s) => s.position === 'deputyConvener')).toHaveLength(2);
  });

  it('resolves every unit every cell names, aliases included', () => {
    for (const t of WEIXI_KEY_TASKS)
      for (const e of parseResponsibility(t.responsibility))
        if (!e.group) expect(unitOf(e.writtenAs), `#${t.number} ${e.writtenAs}`).toBeDefined();
    expect(unitOf('县教体局')).toBe('county.education');
    expect(unitOf('中国人民银行维西支行')).toBe('county.peoplesBank');
    expect(unitOf('县消防救援队')).toBe('county.fireRescue');
  });

  it('reads #13 with three co-leads and #31 with townships only', () => {
    expect(
      rolesOf(13)
        .filter((e) => e.role === 'lead')
        .map((e) => e.writtenAs),
    ).toEqual(['县卫生健康局', '县发展和改革局', '县财政局']);
    expect(rolesOf(31)).toEqual([{ role: 'implementing', writtenAs: '各乡(镇)党委、政府', group: 'townships' }]);
    expect(rolesOf(2)[2]).toEqual({ role: 'implementing', writtenAs: '县各乡(镇)党委、政府', group: 'townships' });
    expect(rolesOf(10)[1]!.role).toBe('implementing');
  });

  it('gives the education bureau the tasks REQUIREMENTS C3 lists', () => {
    const by = (pred: (e: ReturnType<typeof rolesOf>[number]) => boolean) =>
      WEIXI_KEY_TASKS.filter((t) => rolesOf(t.number).some(pred)).map((t) => t.number);
    expect(by((e) => e.role === 'lead' && unitOf(e.writtenAs) === 'county.education')).toEqual([1, 12, 18, 19]);
    expect(by((e) => e.role === 'support' && unitOf(e.writtenAs) === 'county.education')).toEqual([3, 4, 6, 11]);
    expect(by((e) => e.group === 'jointMeeting')).toEqual([14, 15, 17, 18, 22, 24, 26, 27, 28, 29]);
    expect(by((e) => e.group === 'townships')).toEqual([1, 2, 3, 4, 5, 10, 15, 16, 23, 24, 25, 27, 28, 29, 30, 31]);
  });
});

describe('task status by rule', () => {
  const t = (dueOn: string, completedOn: string | null = null, recurrence: 'yearly' | null = null) => ({
    dueOn,
    completedOn,
    recurrence,
  });
  it.each([
    ['2025-12-31', null, '2025-11-01', 'onTrack'],
    ['2025-12-31', null, '2025-12-01', 'dueSoon'],
    ['2025-12-31', null, '2025-12-31', 'dueSoon'],
    ['2025-12-31', null, '2026-01-01', 'overdue'],
    ['2025-12-31', '2026-03-01', '2026-06-01', 'done'],
  ] as const)('due %s, completed %s, on %s: %s', (due, done, today, status) => {
    expect(taskStatus(t(due, done), today)).toBe(status);
  });
  it('falls due every year for a yearly task, done only for the year its report was accepted', () => {
    expect(deadlineInForce('2025-11-30', 'yearly', '2026-12-07')).toBe('2026-11-30');
    expect(taskStatus(t('2025-11-30', '2025-11-20', 'yearly'), '2026-12-07')).toBe('overdue');
    expect(taskStatus(t('2025-11-30', '2026-11-20', 'yearly'), '2026-12-07')).toBe('done');
  });
});

describe('001’s 23 measures as data', () => {
  it('holds 23 measures in five sections, the first unit read as lead', () => {
    expect(BAIYIN_MEASURES.map((m) => m.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const per = (s: string) => BAIYIN_MEASURES.filter((m) => m.section === s).map((m) => m.number);
    expect([per('一'), per('二'), per('三'), per('四'), per('五')]).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7],
      [8, 9, 10, 11, 12],
      [13, 14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23],
    ]);
    const m = (n: number) => measureUnits(BAIYIN_MEASURES[n - 1]!.responsibility);
    expect(m(1)).toMatchObject({ lead: '市卫生健康委', others: ['市司法局'] });
    expect(m(1).note).toContain('各县区党委和政府负责落实');
    expect(m(2).others.at(-1)).toBe('市人社局');
    expect(m(8)).toMatchObject({ lead: '市直各有关部门', note: '按职责分工负责' });
    expect(m(14).others).toContain('市财政局(市政府国资委)');
    expect(m(16)).toMatchObject({ lead: '国家税务总局白银市税务局', open: true });
    expect(m(18).lead).toBe('市教育局');
  });
});
