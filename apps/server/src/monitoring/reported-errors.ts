import { defineErrors } from '../errors.js';

export const ReportedError = defineErrors({
  'reported.notReported': {
    status: 400,
    message: {
      zh: '该指标不由部门报送（由人口库计算），无需填报',
      en: 'This indicator is computed from the registry, not reported by a department',
    },
  },
  'reported.periodType': {
    status: 400,
    message: {
      zh: '该指标按年报送，期间请填年份（如 2025）',
      en: 'This indicator is reported by year: give the period as a year (such as 2025)',
    },
  },
  'reported.periodNotEnded': {
    status: 400,
    message: {
      zh: '该期间尚未结束，期满后才能报送（报送的是期内或期末数）',
      en: 'The period has not ended; report it once it has (a figure is for the whole period or its end)',
    },
  },
  'reported.regionUnknown': { status: 400, message: { zh: '没有该行政区划', en: 'No such region' } },
  'reported.outsideJurisdiction': {
    status: 403,
    message: { zh: '该地区不在您的辖区内', en: 'The region is outside your jurisdiction' },
  },
  'reported.otherDepartment': {
    status: 403,
    message: { zh: '该指标由其他部门报送', en: 'This indicator is reported by another department' },
  },
  'reported.negative': {
    status: 400,
    message: { zh: '数量不能为负数', en: 'A count cannot be negative' },
  },
  'reported.denominatorRequired': {
    status: 400,
    message: { zh: '请同时填写分母', en: 'Give the denominator too' },
  },
  'reported.denominatorNotReported': {
    status: 400,
    message: {
      zh: '该指标的分母取自人口库，只需填写分子',
      en: 'This indicator’s denominator comes from the registry: give only the numerator',
    },
  },
  'reported.partAboveWhole': {
    status: 400,
    message: { zh: '部分数不能大于总数', en: 'A part cannot be larger than its whole' },
  },
  'reported.exists': {
    status: 409,
    message: {
      zh: '该地区该期间已有报送值；如需更改，请提交更正并说明原因',
      en: 'A value is already reported for this region and period; to change it, submit a correction with a reason',
    },
  },
  'reported.notYetReported': {
    status: 409,
    message: {
      zh: '该地区该期间尚无报送值，请先报送',
      en: 'Nothing is reported for this region and period yet: enter it first',
    },
  },
  'reported.reasonRequired': {
    status: 400,
    message: { zh: '更正须说明原因', en: 'A correction needs a reason' },
  },
  'reported.noChange': {
    status: 409,
    message: {
      zh: '填写的数值与现行报送值相同，未作更改',
      en: 'The figures are the same as those in force: nothing changed',
    },
  },
});
