import { defineErrors } from '../errors.js';

export const authError = defineErrors({
  'auth.invalidCredentials': { status: 401, message: { zh: '用户名或密码错误', en: 'Wrong username or password' } },
  'auth.totpRequired': {
    status: 401,
    message: { zh: '请输入身份验证器中的六位动态码', en: 'Enter the six-digit code from your authenticator app' },
  },
  'auth.totpInvalid': { status: 401, message: { zh: '动态码错误或已过期', en: 'The code is wrong or has expired' } },
  'auth.locked': {
    status: 423,
    message: {
      zh: '连续登录失败次数过多，账户已锁定 15 分钟',
      en: 'Too many failed sign-ins; the account is locked for 15 minutes',
    },
  },
  'auth.sessionExpired': {
    status: 401,
    message: {
      zh: '长时间未操作，会话已过期，请重新登录',
      en: 'Your session expired after inactivity; please sign in again',
    },
  },
  'auth.inactive': { status: 403, message: { zh: '账户已停用', en: 'This account is disabled' } },
});
