import { describe, expect, it } from 'vitest';
import { pick } from './messages.js';

describe('pick', () => {
  it('chooses the text for the interface language', () => {
    const msg = { zh: '请填写姓名', en: 'Name is required' };
    expect(pick(msg, 'zh-CN')).toBe('请填写姓名');
    expect(pick(msg, 'en')).toBe('Name is required');
  });
});
