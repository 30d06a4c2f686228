import { describe, expect, it } from 'vitest';
import { allocationUnits } from './allocation.js';
import { resolveUnitName } from './units.js';
import { YUNYANG_KEY_TASKS, YUNYANG_TASK_GROUPS, YUNYANG_WORK_PLAN } from './yunyang-tasks.js';
import { YUNYANG_TOWNSHIPS_GROUP, YUNYANG_UNITS } from './yunyang-units.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const nameOf = (written: string) =>
  written === YUNYANG_TOWNSHIPS_GROUP ? written : resolveUnitName(written, YUNYANG_UNITS)?.name;
const units = (n: number) => allocationUnits(YUNYANG_KEY_TASKS.find((t) => t.number === n)!);

describe('002’s annex (重点任务分工表) as data', () => {
  it('holds 69 tasks in 23 groups with the ranges REQUIREMENTS B6 states', () => {
    expect(YUNYANG_KEY_TASKS.map((t) => t.number)).toEqual(range(1, 69));
    const per = YUNYANG_TASK_GROUPS.map((g) =>
      YUNYANG_KEY_TASKS.filter((t) => t.group === g.numeral).map((t) => t.number),
    );
    expect(per).toEqual([
      range(1, 7),
      range(8, 13),
      [14, 15],
      [16],
      [17, 18],
      range(19, 21),
      range(22, 28),
      range(29, 31),
      range(32, 38),
      [39, 40],
      [41, 42],
      [43, 44],
      [45],
      [46],
      [47],
      [48],
      [49],
      range(50, 52),
      range(53, 56),
      range(57, 61),
      [62],
      range(63, 68),
      [69],
    ]);
    expect(YUNYANG_TASK_GROUPS.map((g) => g.numeral).join('')).toBe(
      '一二三四五六七八九十十一十二十三十四十五十六十七十八十九二十二十一二十二二十三',
    );
    expect(YUNYANG_TASK_GROUPS[0]!.title).toBe('取消社会抚养费等生育制约措施');
    expect(YUNYANG_TASK_GROUPS[10]!.title).toBe('落实生育休假与生育有关保险制度');
  });

  it('gives every task exactly one lead, counted per unit as REQUIREMENTS B6 states', () => {
    const counts: Record<string, number[]> = {};
    for (const t of YUNYANG_KEY_TASKS) (counts[nameOf(t.lead) ?? `unresolved ${t.lead}`] ??= []).push(t.number);
    const sizes = Object.fromEntries(Object.entries(counts).map(([u, ns]) => [u, ns.length]));
    expect(sizes).toEqual({
      县卫生健康委: 25,
      县发展改革委: 9,
      县民政局: 9,
      县教委: 6,
      县人力社保局: 5,
      县住房城乡建委: 3,
      县财政局: 2,
      县税务局: 2,
      县司法局: 1,
      县公安局: 1,
      [YUNYANG_TOWNSHIPS_GROUP]: 1,
      县委编办: 1,
      县总工会: 1,
      县国资委: 1,
      县医保局: 1,
      县计生协会: 1,
    });
    expect(counts['县税务局']).toEqual([24, 43]);
    expect(YUNYANG_KEY_TASKS.filter((t) => t.lead === '云阳县税务局').map((t) => t.number)).toEqual([24, 43]);
    expect(YUNYANG_KEY_TASKS.filter((t) => t.lead === '县发改委').map((t) => t.number)).toEqual([52]);
    const one = (unit: string) => counts[unit];
    expect([one('县司法局'), one('县公安局'), one(YUNYANG_TOWNSHIPS_GROUP), one('县委编办')]).toEqual([
      [2],
      [3],
      [13],
      [34],
    ]);
    expect([one('县总工会'), one('县国资委'), one('县医保局'), one('县计生协会')]).toEqual([[36], [38], [42], [67]]);
  });

  it('leaves 配合单位 empty for the nine tasks REQUIREMENTS B6 lists, and splits the others', () => {
    expect(YUNYANG_KEY_TASKS.filter((t) => t.support === null).map((t) => t.number)).toEqual([
      6, 8, 13, 29, 30, 55, 58, 60, 68,
    ]);
    expect(units(6)).toEqual({ lead: '县卫生健康委', supports: [], open: false });
    expect(units(1)).toEqual({
      lead: '县卫生健康委',
      supports: ['县人大常委会教科文卫工委', '县司法局', '县人力社保局', '县医保局'],
      open: true,
    });
    expect(YUNYANG_KEY_TASKS.filter((t) => allocationUnits(t).open).map((t) => t.number)).toEqual([1, 7, 10]);
    expect(units(41).supports.slice(0, 2)).toEqual(['县人大常委会教科文卫工委', '县司法局']);
    expect(units(15).supports).toContain('县人力社保局');
    expect(units(69).supports.at(-1)).toBe(YUNYANG_TOWNSHIPS_GROUP);
  });

  it('resolves every name the annex prints, each variant to one canonical unit', () => {
    const named = new Set<string>();
    for (const t of YUNYANG_KEY_TASKS) {
      const { lead, supports } = allocationUnits(t);
      for (const written of [lead, ...supports]) {
        const name = nameOf(written);
        expect(name, `#${t.number} ${written}`).toBeDefined();
        named.add(name!);
      }
    }
    // Every unit of the directory is named by the annex: the list holds no unit the seed does not.
    expect(YUNYANG_UNITS.filter((u) => !named.has(u.name)).map((u) => u.name)).toEqual([]);
    expect(new Set(YUNYANG_UNITS.map((u) => u.key)).size).toBe(YUNYANG_UNITS.length);
    const pairs = [
      ['县发改委', '县发展改革委'],
      ['县城乡建委', '县住房城乡建委'],
      ['县大数据局', '县大数据发展局'],
      ['县人力资源和社会保障局', '县人力社保局'],
      ['县委编办', '县编办'],
      ['县国资委', '县国有资产管理服务中心'],
      ['县计生协会', '县计划生育协会'],
      ['县税务局', '云阳县税务局'],
    ];
    for (const [a, b] of pairs) {
      const key = resolveUnitName(a!, YUNYANG_UNITS)?.key;
      expect(key, a).toBeDefined();
      expect(resolveUnitName(b!, YUNYANG_UNITS)?.key, b).toBe(key);
    }
  });

  it('reads the plan’s end, 到2025年, as every task’s deadline', () => {
    expect(YUNYANG_WORK_PLAN).toMatchObject({ endsOn: '2025-12-31', countyCode: '500235', issuedOn: '2022-07-14' });
  });
});
