import { defineErrors } from '../errors.js';

export const PlansError = defineErrors({
  'plan.invalid': {
    status: 400,
    message: { zh: '方案内容有误，请按提示修改', en: 'The plan is not valid; see the details' },
  },
  'plan.notFound': {
    status: 404,
    message: { zh: '未找到该方案，或不在您的辖区内', en: 'No such plan in your jurisdiction' },
  },
  'plan.countyOnly': {
    status: 403,
    message: {
      zh: '方案由县级管理员为本县起草',
      en: 'A plan is drafted by an administrator of a county for that county',
    },
  },
  'plan.wrongStatus': {
    status: 409,
    message: { zh: '该方案当前状态不允许此操作', en: 'The plan is not in a state that allows this' },
  },
  'plan.sameReviewer': {
    status: 409,
    message: {
      zh: '起草人不能发布自己起草的方案，请由本辖区另一名管理员发布',
      en: 'A plan must be published by another administrator of the jurisdiction, not its drafter',
    },
  },
  'plan.revisesUnknown': {
    status: 404,
    message: {
      zh: '要修订的方案不存在或尚未发布',
      en: 'The plan to revise does not exist or has not been published',
    },
  },
});
