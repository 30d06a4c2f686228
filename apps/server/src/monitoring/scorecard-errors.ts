import { defineErrors } from '../errors.js';

export const scorecardError = defineErrors({
  'monitoring.planNotFound': {
    status: 404,
    message: {
      zh: '找不到该规划，或其不适用于您的辖区',
      en: 'Plan not found, or it does not govern your jurisdiction',
    },
  },
  'monitoring.indicatorNotFound': {
    status: 404,
    message: { zh: '指标目录中没有该指标', en: 'The catalogue has no such indicator' },
  },
  'monitoring.periodTypeNotOffered': {
    status: 400,
    message: { zh: '该指标不按所选周期类型计算', en: 'The indicator is not computed for the chosen period type' },
  },
  'monitoring.periodTooLong': {
    status: 400,
    message: {
      zh: '时间范围过长：按年最多30年，按季、按月最多10年；起始年份不能晚于结束年份',
      en: 'The range is too long: at most 30 years by year, 10 years by quarter or month; the first year may not follow the last',
    },
  },
});
