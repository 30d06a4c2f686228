import { defineErrors, type Message } from '../errors.js';

/** One problem with one field, as the domain reports them (FamilyFieldError) and as this module adds them. */
export type FieldError = { field: string; code: string; message: Message };

export const registrationError = defineErrors({
  // details: the domain's field errors [{field, code, message: {zh, en}}], in form order.
  'registration.invalid': {
    status: 400,
    message: { zh: '生育登记填写有误，请按提示修改', en: 'The childbirth registration is not valid; see the details' },
  },
  'registration.notFound': {
    status: 404,
    message: { zh: '未找到该生育登记，或不在您的辖区内', en: 'No such childbirth registration in your jurisdiction' },
  },
  'registration.completed': {
    status: 409,
    message: { zh: '该生育登记已办结，不能再修改', en: 'The registration is already completed and cannot change' },
  },
  'registration.notInfoRequested': {
    status: 409,
    message: { zh: '该生育登记没有待补充的信息', en: 'The registration is not waiting for more information' },
  },
  'registration.notCompleted': {
    status: 409,
    message: {
      zh: '该生育登记尚未办结，暂无电子回执',
      en: 'The registration is not completed yet, so there is no receipt',
    },
  },
  'registration.noteRequired': {
    status: 400,
    message: {
      zh: '该登记与人口库存在不一致，办结时请说明核实处理情况',
      en: 'The registration has registry conflicts: say how they were resolved in the note',
    },
  },
  'registration.tooMany': {
    status: 429,
    message: {
      zh: '同一账号 24 小时内最多提交 5 件生育登记，请稍后再试',
      en: 'One account may submit at most 5 childbirth registrations in 24 hours; try again later',
    },
  },
  // A deployment reached at an address other than localhost must say where it is (README, configuration).
  'registration.publicUrlUnset': {
    status: 503,
    message: {
      zh: '平台尚未配置公开访问地址（CRADLE_PUBLIC_URL），暂不能签发回执及其核验链接，请联系系统管理员',
      en: "The platform's public address (CRADLE_PUBLIC_URL) is not configured, so no receipt or verification link can be issued; contact the system administrator",
    },
  },
  // details: [{field, code, message: {zh, en}}] as for registration.invalid.
  'registration.textInvalid': {
    status: 400,
    message: { zh: '填写的文字有误，请按提示修改', en: 'The text is not valid; see the details' },
  },
});
