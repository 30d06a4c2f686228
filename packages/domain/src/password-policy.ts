import type { Message } from './messages.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_CLASSES = 3;
// Usernames shorter than this are too common as substrings to forbid (e.g. "li").
const MIN_USERNAME_TO_CHECK = 3;

/** Which of the four character classes a password uses; anything not a-z, A-Z or 0-9 counts as a symbol. */
function characterClasses(pw: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((re) => re.test(pw)).length;
}

/** Every rule the password breaks, as messages; an empty list means it is acceptable. */
export function checkPasswordComplexity(pw: string, username?: string): Message[] {
  const problems: Message[] = [];
  const length = [...pw].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      zh: `密码至少需要${PASSWORD_MIN_LENGTH}个字符，当前为${length}个`,
      en: `Password must be at least ${PASSWORD_MIN_LENGTH} characters; it has ${length}`,
    });
  }
  if (characterClasses(pw) < PASSWORD_MIN_CLASSES) {
    problems.push({
      zh: '密码须至少包含以下四类中的三类：小写字母、大写字母、数字、符号',
      en: 'Password must use at least three of: lowercase letters, uppercase letters, digits, symbols',
    });
  }
  const name = username?.trim().toLowerCase() ?? '';
  if (name.length >= MIN_USERNAME_TO_CHECK && pw.toLowerCase().includes(name)) {
    problems.push({ zh: '密码不能包含用户名', en: 'Password must not contain the username' });
  }
  return problems;
}
