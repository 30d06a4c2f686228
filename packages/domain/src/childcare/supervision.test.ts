import { describe, expect, it } from 'vitest';
import { CHECKLISTS, checkFindings, checklistOf, INSPECTION_AREAS, inspectionPassed } from './checklists.js';
import { noMajorIncidentIn, rectificationOverdue, threeYearWindow } from './supervision.js';

describe('inspection checklists (000 二(三); 001 m12)', () => {
  it('holds the four safety areas of 000 and the nine of 001 m12, fire safety once', () => {
    const zh = CHECKLISTS.map((a) => a.label.zh);
    for (const area of ['建筑安全', '消防安全', '食品饮水安全', '卫生防疫安全']) expect(zh, area).toContain(area);
    for (const area of ['依法登记', '备案承诺', '履约服务', '质量安全', '人身安全', '食品安全', '健康安全', '应急管理'])
      expect(zh, area).toContain(area);
    expect(CHECKLISTS.map((a) => a.code)).toEqual([...INSPECTION_AREAS]);
    expect(new Set(CHECKLISTS.flatMap((a) => a.items.map((i) => i.code))).size).toBe(
      CHECKLISTS.reduce((n, a) => n + a.items.length, 0),
    );
  });

  it('asks every item of the area once, and nothing from another area', () => {
    const all = checklistOf('fire').items.map((i) => ({ item: i.code, result: 'pass' as const }));
    expect(checkFindings('fire', all)).toEqual([]);
    expect(checkFindings('fire', all.slice(1))).toHaveLength(1);
    expect(checkFindings('fire', [...all, all[0]!])).toHaveLength(1);
    expect(checkFindings('fire', [...all, { item: 'building.floor', result: 'pass' }])).toHaveLength(1);
    expect(inspectionPassed(all)).toBe(true);
    expect(inspectionPassed([...all.slice(1), { item: all[0]!.item, result: 'fail' }])).toBe(false);
  });
});

describe('近三年无重大安全事故 (003 三(三))', () => {
  it.each([
    [2026, [{ occurredOn: '2024-01-01', severity: 'major' as const }], false],
    [2026, [{ occurredOn: '2023-12-31', severity: 'especiallyMajor' as const }], true],
    [2026, [{ occurredOn: '2026-06-01', severity: 'serious' as const }], true],
    [2027, [{ occurredOn: '2024-05-01', severity: 'major' as const }], true],
    [2026, [], true],
  ])('judged for %i with %j: %s', (year, incidents, holds) => {
    expect(noMajorIncidentIn(year, incidents)).toBe(holds);
  });

  it('reads the three calendar years ending with the year', () => {
    expect(threeYearWindow(2026)).toEqual({ from: '2024-01-01', to: '2026-12-31' });
  });
});

describe('a rectification overdue', () => {
  it('is open and due before today; reported or closed is not', () => {
    expect(rectificationOverdue({ state: 'open', dueOn: '2026-12-10' }, '2026-12-11')).toBe(true);
    expect(rectificationOverdue({ state: 'open', dueOn: '2026-12-10' }, '2026-12-10')).toBe(false);
    expect(rectificationOverdue({ state: 'reported', dueOn: '2026-12-10' }, '2026-12-11')).toBe(false);
    expect(rectificationOverdue({ state: 'closed', dueOn: '2026-12-10' }, '2026-12-11')).toBe(false);
  });
});
