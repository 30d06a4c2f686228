import { defineErrors } from '../errors.js';

export const BenefitsError = defineErrors({
  'period.invalid': {
    status: 400,
    message: {
      zh: '期间与该项目的发放频次不符（按年：2026；按月：2026-03；一次性：once）',
      en: 'The period does not fit the scheme (yearly: 2026; monthly: 2026-03; one-time: once)',
    },
  },
  'period.future': {
    status: 409,
    message: { zh: '该期间尚未开始，不能提前发放', en: 'The period has not begun; nothing is paid ahead' },
  },
  'scheme.notFound': { status: 404, message: { zh: '未找到该补贴项目', en: 'No such scheme' } },
  'scheme.notPayableInCycles': {
    status: 409,
    message: {
      zh: '该项目含批量发放暂不能计算的条件（需申请人承诺或特殊家庭数据）',
      en: 'The scheme has a rule payment cycles cannot compute yet (it needs an applicant’s declaration or special-family data)',
    },
  },
  'version.invalid': {
    status: 400,
    message: { zh: '版本内容有误，请按提示修改', en: 'The version is not valid; see the details' },
  },
  'version.notFound': {
    status: 404,
    message: { zh: '未找到该版本，或不在您的辖区内', en: 'No such version in your jurisdiction' },
  },
  'version.wrongStatus': {
    status: 409,
    message: { zh: '该版本当前状态不允许此操作', en: 'The version is not in a state that allows this' },
  },
  'version.sameReviewer': {
    status: 409,
    message: {
      zh: '起草人不能审核发布自己起草的版本',
      en: 'A version must be published by someone other than its drafter',
    },
  },
  'takeUp.proactive': {
    status: 409,
    message: {
      zh: '该项目免申即享，按人口库全额测算，无需设置预计申领率',
      en: 'The scheme is paid without application: its budget counts everyone eligible, with no take-up rate',
    },
  },
  'takeUp.countyOnly': {
    status: 403,
    message: {
      zh: '预计申领率由县级管理员为本县设置',
      en: 'A take-up rate is set by a county administrator for the county',
    },
  },
  'takeUp.basisRequired': {
    status: 400,
    message: {
      zh: '请说明预计申领率的依据（如上年度申领情况）',
      en: 'Say what the take-up rate is based on (for example, last year’s claims)',
    },
  },
  'cycle.financeOnly': {
    status: 403,
    message: {
      zh: '仅县级管理员或财政部门经办人可运行发放批次',
      en: 'Only a county administrator or a finance operator may run a payment cycle',
    },
  },
  'application.invalid': {
    status: 400,
    message: { zh: '申请内容有误，请按提示修改', en: 'The application is not valid; see the details' },
  },
  'application.notNeeded': {
    status: 409,
    message: { zh: '该项目免申即享，无需申请', en: 'The scheme is granted without an application' },
  },
  'application.outsideScheme': {
    status: 409,
    message: { zh: '该人员户籍不在该项目适用地区', en: 'The person’s hukou is outside the region the scheme covers' },
  },
  'application.duplicate': {
    status: 409,
    message: {
      zh: '该人员已有一份未结的同项目申请（每人限一名申请人）',
      en: 'The person already has an open application for this scheme (one applicant per person)',
    },
  },
  'application.hukouElsewhere': {
    status: 409,
    message: {
      zh: '该人员户籍不在您的辖区，请在户籍地申请',
      en: 'The person’s hukou is outside your jurisdiction; apply where it is',
    },
  },
  'application.notFound': {
    status: 404,
    message: { zh: '未找到该申请，或不在您的辖区内', en: 'No such application in your jurisdiction' },
  },
  'application.sameReviewer': {
    status: 409,
    message: {
      zh: '申诉须由驳回人以外的人员复核',
      en: 'An appeal must be reviewed by someone other than the one who rejected it',
    },
  },
});
