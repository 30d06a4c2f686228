import { describe, expect, it } from 'vitest';
import { checkPasswordComplexity } from './password-policy.js';

describe('checkPasswordComplexity', () => {
  it.each(['Correct-horse-9', 'correcthorse9!', 'CORRECTHORSE9!', 'Correcthorsebattery!', '云南省昆明市Kunming2024'])(
    'accepts %j',
    (pw) => {
      expect(checkPasswordComplexity(pw, 'zhangsan')).toEqual([]);
    },
  );

  it('rejects a password shorter than 12 characters and says how long it is', () => {
    const problems = checkPasswordComplexity('Ab1!Ab1!Ab1');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.zh).toContain('当前为11个');
  });

  it('rejects a password using fewer than three character classes', () => {
    expect(checkPasswordComplexity('correcthorsebattery9')).toHaveLength(1);
    expect(checkPasswordComplexity('CorrectHorseBattery')).toHaveLength(1);
  });

  it('rejects a password containing the username, ignoring case', () => {
    const problems = checkPasswordComplexity('ZhangSan-2024!', 'zhangsan');
    expect(problems.map((p) => p.en)).toEqual(['Password must not contain the username']);
  });

  it('reports every broken rule at once', () => {
    expect(checkPasswordComplexity('wangwu', 'wangwu')).toHaveLength(3);
  });

  it('ignores a username too short to matter', () => {
    expect(checkPasswordComplexity('Correct-horse-li9', 'li')).toEqual([]);
  });
});
