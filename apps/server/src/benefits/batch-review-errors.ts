import { defineErrors } from '../errors.js';

// A batch's review (batch-review.ts). Messages naming a date get it through `message` overrides.
export const BatchReviewError = defineErrors({
  'batch.stillRunning': {
    status: 409,
    message: {
      zh: '发放批次尚未计算完成，完成后才能公示、审批或作废',
      en: 'The batch is still running; publish, approve or cancel it once it is complete',
    },
  },
  'batch.wrongStage': {
    status: 409,
    message: { zh: '该批次当前状态不允许此操作', en: 'The batch is not in a state that allows this' },
  },
  'batch.noticeNotRequired': {
    status: 409,
    message: {
      zh: '该项目无需公示，可直接审批',
      en: 'The scheme needs no public notice; the batch can be approved directly',
    },
  },
  'batch.noticeRequired': {
    status: 409,
    message: {
      zh: '该项目须先公示名单，公示期满后方可审批',
      en: 'The scheme needs a public notice first; approve the batch once it has run its days',
    },
  },
  'batch.noticeRunning': {
    status: 409,
    message: { zh: '公示期尚未结束，届满后方可审批', en: 'The public notice has not ended yet' },
  },
  'batch.notUnderNotice': {
    status: 409,
    message: {
      zh: '只能在公示期间登记异议',
      en: 'Objections are recorded while the roster is under public notice',
    },
  },
  'batch.sameApprover': {
    status: 409,
    message: {
      zh: '运行发放的人员不能审批自己生成的批次，请由另一名县级管理员审批',
      en: 'Whoever ran the cycle cannot approve its batch; another county administrator must',
    },
  },
  'batch.approverRole': {
    status: 403,
    message: { zh: '仅县级管理员可审批发放批次', en: 'Only a county administrator may approve a payment batch' },
  },
  'batch.objectionRole': {
    status: 403,
    message: { zh: '仅县级管理员可登记公示异议', en: 'Only a county administrator may record an objection' },
  },
  'batch.reviewRole': {
    status: 403,
    message: {
      zh: '仅县级管理员或财政部门经办人可公示或作废发放批次',
      en: 'Only a county administrator or a finance operator may publish or cancel a payment batch',
    },
  },
  'batch.reasonRequired': {
    status: 400,
    message: { zh: '请填写理由', en: 'Give a reason' },
  },
  'batch.paymentNotFound': {
    status: 404,
    message: { zh: '该批次中没有这条发放记录', en: 'The batch has no such payment' },
  },
  'batch.paymentRemoved': {
    status: 409,
    message: { zh: '该发放记录已因异议成立移出批次', en: 'The payment was already removed by an upheld objection' },
  },
});
