import { defineErrors } from '../errors.js';

export const eventError = defineErrors({
  'lifeEvent.unknownPerson': {
    status: 404,
    message: {
      zh: '您的辖区内没有居住着持此公民身份号码的人；请核对号码，未登记的人请先录入人口库',
      en: 'No one with this ID number lives in your jurisdiction; check the number, or add the person to the registry first',
    },
  },
  'lifeEvent.unknownPersonAnywhere': {
    status: 404,
    message: {
      zh: '人口库中没有此公民身份号码；请核对号码，未登记的人请先录入人口库',
      en: 'The registry holds no one with this ID number; check the number, or add the person to the registry first',
    },
  },
  'lifeEvent.badIdNumber': {
    status: 400,
    message: { zh: '公民身份号码格式不正确', en: 'The ID number is not valid' },
  },
  'lifeEvent.kindNotYours': {
    status: 403,
    message: { zh: '您的部门不能登记此类事件', en: 'Your department may not record this kind of event' },
  },
  'lifeEvent.maternalNotYours': {
    status: 403,
    message: {
      zh: '孕产妇死亡由医院登记；公安登记的死亡不标记为孕产妇死亡',
      en: 'Maternal deaths are recorded by the hospital; a death public security records is not marked maternal',
    },
  },
  'lifeEvent.missingField': {
    status: 400,
    message: { zh: '请填写必填项', en: 'Fill in the required fields' },
  },
  'lifeEvent.outsideJurisdiction': {
    status: 400,
    message: {
      zh: '迁入后的居住地不在您的辖区内',
      en: 'The new residence is not in your jurisdiction',
    },
  },
  'lifeEvent.rule': { status: 400, message: { zh: '事件不符合登记规则', en: 'The event breaks a recording rule' } },
  'lifeEvent.importNotFound': {
    status: 404,
    message: { zh: '找不到该导入任务，或它不是您部门的', en: 'Import job not found, or not your department’s' },
  },
  'serviceAccount.notFound': {
    status: 404,
    message: {
      zh: '找不到该服务账号，或它不在您的辖区内',
      en: 'Service account not found, or not in your jurisdiction',
    },
  },
  'serviceAccount.jurisdiction': {
    status: 400,
    message: {
      zh: '服务账号的辖区须在您的辖区之内',
      en: "The service account's jurisdiction must lie within yours",
    },
  },
  'serviceAccount.kinds': {
    status: 400,
    message: {
      zh: '该部门不能登记所选的事件类型（医院：死亡；公安：死亡、迁入、迁出、结婚）',
      en: 'That department may not record the chosen kinds (hospital: deaths; public security: deaths, moves, marriages)',
    },
  },
  'serviceAccount.revoked': {
    status: 409,
    message: { zh: '该服务账号已停用', en: 'This service account is revoked' },
  },
  // One answer for a missing, unknown or revoked token: nothing tells a caller which it was.
  'serviceAccount.unauthenticated': {
    status: 401,
    message: { zh: '服务账号令牌无效', en: 'The service account token is not valid' },
  },
});
