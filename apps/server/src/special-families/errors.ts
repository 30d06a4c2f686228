import { defineErrors } from '../errors.js';

export const specialFamilyError = defineErrors({
  'specialFamily.notFound': {
    status: 404,
    message: {
      zh: '找不到该特殊家庭档案，或它不在您的辖区、您不是它的联系人',
      en: 'Special-family file not found, or not in your jurisdiction, or you are not one of its contacts',
    },
  },
  'specialFamily.badIdNumber': {
    status: 400,
    message: { zh: '公民身份号码格式不正确', en: 'The ID number is not valid' },
  },
  'specialFamily.unknownChild': {
    status: 404,
    message: {
      zh: '您的辖区内没有持此公民身份号码的人；请核对号码，未登记的人请先录入人口库',
      en: 'No one in your jurisdiction has this ID number; check it, or add the person to the registry first',
    },
  },
  'specialFamily.rule': {
    status: 400,
    message: { zh: '不符合计划生育特殊家庭建档条件', en: 'The family does not meet the conditions for a file' },
  },
  'specialFamily.alreadyOpen': {
    status: 409,
    message: {
      zh: '该子女已有待确认或已确认的特殊家庭档案',
      en: 'This child already has a file awaiting confirmation or confirmed',
    },
  },
  'specialFamily.outsideJurisdiction': {
    status: 400,
    message: {
      zh: '该家庭不住在您的辖区内，请由家庭所在乡镇建档',
      en: 'The family does not live in your jurisdiction; its own township opens the file',
    },
  },
  'specialFamily.contactAccount': {
    status: 400,
    message: {
      zh: '联系人账号须是该家庭所在乡镇或村的工作人员',
      en: "A contact's account must be a worker of the family's township or village",
    },
  },
  'specialFamily.wrongStatus': {
    status: 409,
    message: { zh: '档案当前状态不允许此操作', en: 'The file is not in a state that allows this' },
  },
  'specialFamily.sameDecider': {
    status: 403,
    message: {
      zh: '提出建档的人不能确认同一档案，请由另一名县级工作人员确认',
      en: 'The person who proposed a file may not decide on it; another county officer must',
    },
  },
  'specialFamily.noteRequired': {
    status: 400,
    message: { zh: '请填写理由', en: 'Give the reason' },
  },
  'specialFamily.visitDate': {
    status: 400,
    message: { zh: '走访日期不正确', en: 'The visit date is not valid' },
  },
  'specialFamily.serviceDate': {
    status: 400,
    message: { zh: '服务日期不能晚于今天', en: 'The service date cannot be after today' },
  },
  'specialFamily.visitInterval': {
    status: 400,
    message: { zh: '走访间隔只能是 1、2、3、6 或 12 个月', en: 'The visit interval must be 1, 2, 3, 6 or 12 months' },
  },
  'specialFamily.contactNotFound': {
    status: 404,
    message: { zh: '该档案没有这名在岗联系人', en: 'The file has no such serving contact' },
  },
  'specialFamily.notEditable': {
    status: 409,
    message: {
      zh: '只能修改待确认或已确认档案的联系人和需求标记',
      en: 'Only a file awaiting confirmation or confirmed can have its contacts and needs changed',
    },
  },
  'familySize.purposeRequired': {
    status: 400,
    message: {
      zh: '请选择核验用途：每次核验都须说明用途并记入审计日志',
      en: 'Choose the purpose of the check: every check states one and is audited with it',
    },
  },
  'familySize.badIdNumber': {
    status: 400,
    message: { zh: '公民身份号码格式不正确', en: 'The ID number is not valid' },
  },
});
