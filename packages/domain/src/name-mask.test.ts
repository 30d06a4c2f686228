import { describe, expect, it } from 'vitest';
import { maskPersonName } from './name-mask.js';

describe('maskPersonName', () => {
  it.each([
    ['张三华', '张*华'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '王'],
    [' 李四光 ', '李*光'],
    ['', ''],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});
