import { defineErrors } from '../errors.js';

export const annualReportError = defineErrors({
  'annualReport.notFound': {
    status: 404,
    message: {
      zh: '找不到该年度报告，或它不在您的辖区',
      en: 'Annual report not found, or not in your jurisdiction',
    },
  },
  'annualReport.notCounty': {
    status: 400,
    message: {
      zh: '只有县级账号可以开启年度报告（开启本县所有乡镇的报告）',
      en: "Only a county account opens a year's reports (for every township of the county)",
    },
  },
  'annualReport.futureYear': {
    status: 400,
    message: { zh: '不能开启今年以后的年度报告', en: 'A year after this one cannot be opened' },
  },
  'annualReport.wrongStatus': {
    status: 409,
    message: { zh: '报告当前状态不允许此操作', en: 'The report is not in a state that allows this' },
  },
  'annualReport.emptyBody': {
    status: 400,
    message: { zh: '请填写报告正文后再报送', en: 'Write the report before submitting it' },
  },
  'annualReport.noteRequired': {
    status: 400,
    message: { zh: '退回时请填写理由', en: 'Give the reason for sending it back' },
  },
  'annualReport.badDue': {
    status: 400,
    message: {
      zh: '截止日期须是每年都有的月日，如 11-30 或 12-31',
      en: 'The deadline must be a month and day every year has, such as 11-30 or 12-31',
    },
  },
  'annualReport.noCountyReports': {
    status: 400,
    message: {
      zh: '您的辖区不是县，没有乡镇年度报告可开启',
      en: 'Your jurisdiction is not a county; it has no township reports',
    },
  },
});
