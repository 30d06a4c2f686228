import { defineErrors, type Message } from '../errors.js';

export const authError = defineErrors({
  // One answer for an unknown user, a wrong password, a disabled and a locked account (issue 11):
  // telling them apart would tell a guesser which usernames exist and which are locked.
  'auth.invalidCredentials': { status: 401, message: { zh: '用户名或密码错误', en: 'Wrong username or password' } },
  'auth.delayed': {
    status: 429,
    message: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
  },
  'auth.totpRequired': {
    status: 401,
    message: { zh: '请输入身份验证器中的六位动态码', en: 'Enter the six-digit code from your authenticator app' },
  },
  'auth.totpInvalid': { status: 401, message: { zh: '动态码错误或已过期', en: 'The code is wrong or has expired' } },
  'auth.sessionExpired': {
    status: 401,
    message: {
      zh: '长时间未操作，会话已过期，请重新登录',
      en: 'Your session expired after inactivity; please sign in again',
    },
  },
  'auth.userNotFound': {
    status: 404,
    message: { zh: '找不到该用户，或其不在您的辖区内', en: 'No such user in your jurisdiction' },
  },
  // Resets by an administrator (issue 12): never one's own account (nobody would have checked
  // who asked), and a county administrator never an administrator's.
  'user.resetSelf': {
    status: 403,
    message: {
      zh: '不能重置自己的密码或两步验证，请联系其他管理员办理',
      en: 'You cannot reset your own password or two-factor; ask another administrator',
    },
  },
  'user.resetAdministrator': {
    status: 403,
    message: {
      zh: '县级管理员不能重置管理员账户，请联系系统管理员办理',
      en: "A county administrator cannot reset an administrator's account; ask the system administrator",
    },
  },
  'user.noTwoFactor': {
    status: 409,
    message: {
      zh: '该用户的角色不使用两步验证，无需重置',
      en: "This user's roles do not use two-factor; there is nothing to reset",
    },
  },
  'user.stepUpNotEnrolled': {
    status: 403,
    message: {
      zh: '重置他人账户须进行两步验证，但您的账户尚未绑定身份验证器',
      en: 'Resetting an account needs your two-factor code, but your account has no authenticator',
    },
  },
  'user.stepUpInvalid': {
    status: 403,
    message: {
      zh: '动态码错误、已过期或已使用过，请输入身份验证器中新的六位动态码',
      en: 'The code is wrong, expired or already used; enter a new six-digit code from your authenticator',
    },
  },
  'user.stepUpLocked': {
    status: 423,
    message: {
      zh: '动态码错误次数过多，您的账户已锁定，请联系其他管理员解锁',
      en: 'Too many wrong codes: your account is locked; ask another administrator to unlock it',
    },
  },
});

/** "Try again in …", in whole seconds up to two minutes and whole minutes beyond. */
export function waitText(seconds: number): Message {
  if (seconds < 120) return { zh: `请 ${seconds} 秒后再试`, en: `try again in ${seconds} s` };
  const minutes = Math.ceil(seconds / 60);
  return { zh: `请 ${minutes} 分钟后再试`, en: `try again in ${minutes} min` };
}

/** A message followed by how long to wait: "用户名或密码错误；请 4 秒后再试". */
export function withWait(m: Message, seconds: number): Message {
  const w = waitText(seconds);
  return { zh: `${m.zh}；${w.zh}`, en: `${m.en}; ${w.en}` };
}

/** An auth refusal that, when a delay now applies, names it in the message and the details. */
export function authErrorAfter(code: Parameters<typeof authError>[0], wait: number) {
  if (wait <= 0) return authError(code);
  return authError(code, { retryAfterSeconds: wait }, withWait(authError(code).userMessage, wait));
}
