import { defineErrors } from '../errors.js';

export const portalError = defineErrors({
  'portal.phoneInvalid': {
    status: 400,
    message: { zh: '请输入 11 位中国大陆手机号码', en: 'Enter an 11-digit mainland China mobile number' },
  },
  'portal.codeInvalid': {
    status: 401,
    message: { zh: '验证码错误或已过期，请重新获取', en: 'The code is wrong or has expired; request a new one' },
  },
  'portal.codeAttemptsExceeded': {
    status: 429,
    message: { zh: '验证码输入错误次数过多，请重新获取', en: 'Too many wrong codes; request a new one' },
  },
  'portal.codeDelayed': {
    status: 429,
    message: { zh: '验证码错误次数过多，请稍后再试', en: 'Too many wrong codes; try again later' },
  },
  'portal.codeTooSoon': {
    status: 429,
    message: {
      zh: '验证码发送过于频繁，请 1 分钟后再试',
      en: 'A code was sent less than a minute ago; try again in a minute',
    },
  },
  'portal.codeQuotaExceeded': {
    status: 429,
    message: {
      zh: '该号码今日获取验证码次数过多，请 1 小时后再试',
      en: 'Too many codes for this number; try again in an hour',
    },
  },
  'portal.smsUnavailable': {
    status: 503,
    message: { zh: '短信暂时无法发送，请稍后再试', en: 'Text messages cannot be sent right now; try again later' },
  },
  'portal.signInRequired': {
    status: 401,
    message: { zh: '请先登录掌上办', en: 'Please sign in to the resident portal' },
  },
  'portal.sessionExpired': {
    status: 401,
    message: { zh: '长时间未操作，请重新登录', en: 'Your session expired; please sign in again' },
  },
  'portal.bindingMismatch': {
    status: 422,
    message: {
      zh: '姓名、身份证号与预留手机号不一致，无法关联人口库信息；您仍可按承诺制填写办理',
      en: 'The name, ID number and phone do not match the registry; you can still apply by commitment and fill the form yourself',
    },
  },
  'portal.alreadyBound': {
    status: 409,
    message: { zh: '该账号已关联实名信息', en: 'This account is already linked to a person' },
  },
});
