import { defineErrors } from '../errors.js';

export const supervisionError = defineErrors({
  'supervision.notFound': {
    status: 404,
    message: {
      zh: '找不到该任务、报告或单位，或它不在您的辖区内',
      en: 'No such task, report or unit in your jurisdiction',
    },
  },
  'supervision.notYourUnit': {
    status: 403,
    message: {
      zh: '您不是该单位的联络员，或该单位不承担此任务：只能报告本单位承担的任务，未保存任何内容',
      en: 'You are not a liaison of this unit, or the unit has no part in this task: report only your unit’s tasks; nothing was saved',
    },
  },
  'supervision.milestoneAfterPlan': {
    status: 400,
    message: {
      zh: '节点日期不能晚于实施方案的截止日期，未保存任何内容',
      en: 'A milestone cannot fall after the plan’s end; nothing was saved',
    },
  },
  'supervision.notSubmitted': {
    status: 409,
    message: { zh: '该报告已审核，不能再次审核', en: 'This report has already been reviewed' },
  },
  'supervision.emptyDecision': {
    status: 400,
    message: {
      zh: '议定事项须写明内容并至少指定一个责任单位，未保存任何内容',
      en: 'A decision needs its text and at least one owner unit; nothing was saved',
    },
  },
  'supervision.unknownUnit': {
    status: 400,
    message: {
      zh: '所选单位不在本县单位名录中，未保存任何内容',
      en: 'A unit chosen is not in the county’s directory; nothing was saved',
    },
  },
  'supervision.unknownLiaison': {
    status: 400,
    message: {
      zh: '找不到该用户，或该账号已停用；未保存任何内容',
      en: 'No such user, or the account is disabled; nothing was saved',
    },
  },
  'supervision.liaisonOutsideCounty': {
    status: 400,
    message: {
      zh: '该用户不是本县的工作人员，不能担任本县单位的联络员；未保存任何内容',
      en: 'This user is not on the county’s staff and cannot be a liaison of its units; nothing was saved',
    },
  },
  'supervision.liaisonRole': {
    status: 400,
    message: {
      zh: '只有本县的部门经办人能查看和报告本单位任务，该用户不能担任联络员；未保存任何内容',
      en: 'Only a department operator of the county can see and report on a unit’s tasks, so this user cannot be a liaison; nothing was saved',
    },
  },
  'supervision.duplicateLiaison': {
    status: 409,
    message: {
      zh: '该用户已是本单位的联络员；未保存任何内容',
      en: 'This user is already a liaison of this unit; nothing was saved',
    },
  },
  'supervision.notNamedLiaison': {
    status: 409,
    message: {
      zh: '该用户不是联席会议办公室为本单位指定的联络员（按部门对应的经办人不在此移除）；未作任何更改',
      en: 'This user was not named a liaison of this unit by the office (a department’s operators are not removed here); nothing was changed',
    },
  },
  'supervision.futureMeeting': {
    status: 400,
    message: {
      zh: '会议日期不能晚于今天：会议召开后再记录',
      en: 'The meeting date cannot be in the future: record it once held',
    },
  },
  'supervision.evidence': {
    status: 400,
    message: {
      zh: '所附证明材料不存在，或已附在其他报告中；请重新上传',
      en: 'An evidence file does not exist or belongs to another report; upload it again',
    },
  },
  'supervision.unknownIndicator': {
    status: 400,
    message: { zh: '本县监测方案中没有该指标', en: 'The county’s monitoring plan has no such indicator' },
  },
  'supervision.notLate': {
    status: 409,
    message: {
      zh: '该任务未逾期也未临近到期，或该单位不承担此任务：无需督办',
      en: 'The task is neither overdue nor due soon, or the unit has no part in it: no notice is needed',
    },
  },
});
