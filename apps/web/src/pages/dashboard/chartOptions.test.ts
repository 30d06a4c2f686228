import { describe, expect, it } from 'vitest';
import { birthsOption, pyramidOption } from './chartOptions';

const fmt = (n: number) => String(n);

describe('pyramidOption', () => {
  const option = pyramidOption(
    [
      { ageGroup: '0-4', male: 120, female: 110 },
      { ageGroup: '5-9', male: 100, female: 95 },
    ],
    { male: '男', female: '女', formatCount: fmt },
  );
  const series = option.series as { name: string; data: number[] }[];

  it('draws males to the left as negative values and females to the right', () => {
    expect(series[0]).toMatchObject({ name: '男', data: [-120, -100] });
    expect(series[1]).toMatchObject({ name: '女', data: [110, 95] });
  });

  it('keeps the age groups in order so the youngest sit at the bottom', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['0-4', '5-9']);
  });
});

describe('birthsOption', () => {
  it('stacks parity 1, 2 and 3+ for each year, oldest year first', () => {
    const option = birthsOption(
      [
        { year: 2024, parity1: 5, parity2: 4, parity3plus: 1, total: 10 },
        { year: 2023, parity1: 6, parity2: 3, parity3plus: 2, total: 11 },
      ],
      { parity1: '一孩', parity2: '二孩', parity3plus: '三孩及以上', formatCount: fmt },
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['2023', '2024']);
    const series = option.series as { stack: string; data: number[] }[];
    expect(series.map((s) => s.data)).toEqual([
      [6, 5],
      [3, 4],
      [2, 1],
    ]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['births']));
  });
});
