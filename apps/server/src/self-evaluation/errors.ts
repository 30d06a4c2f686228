import { defineErrors } from '../errors.js';

export const selfEvaluationError = defineErrors({
  'selfEvaluation.notFound': {
    status: 404,
    message: {
      zh: '找不到该自评或评估项，或它不在您的辖区',
      en: 'Assessment or item not found, or not in your jurisdiction',
    },
  },
  'selfEvaluation.futureYear': {
    status: 400,
    message: { zh: '不能开启今年以后的自评', en: 'A year after this one cannot be opened' },
  },
  'selfEvaluation.survey': {
    status: 400,
    message: {
      zh: '调查人数须大于 0，且回答“知晓/满意”的人数不能超过调查人数',
      en: 'Respondents must be more than 0, and positive answers cannot exceed them',
    },
  },
  'selfEvaluation.notSurvey': {
    status: 400,
    message: { zh: '该评估项不填写调查结果', en: 'This item takes no survey tallies' },
  },
  'selfEvaluation.notRelative': {
    status: 400,
    message: { zh: '该评估项不填写全区排名', en: 'This item takes no regional ranking' },
  },
  'selfEvaluation.noRules': {
    status: 400,
    message: {
      zh: '辖区尚未载入评分细则，不能打分',
      en: 'No scoring rules are loaded for the jurisdiction; nothing can be scored',
    },
  },
  'selfEvaluation.pointsOver': {
    status: 400,
    message: { zh: '得分不能超过该项的分值', en: 'The points cannot exceed what the item carries' },
  },
  'selfEvaluation.unknownItem': {
    status: 400,
    message: { zh: '评分细则中有不存在的评估项', en: 'The rules name an item the evaluation does not have' },
  },
  'selfEvaluation.unknownUnit': {
    status: 400,
    message: { zh: '单位不在本县单位名录中', en: 'The unit is not in the county’s directory' },
  },
  'selfEvaluation.noFile': {
    status: 400,
    message: { zh: '请选择要上传的佐证材料', en: 'Choose the evidence file to upload' },
  },
  'selfEvaluation.fileTooLarge': {
    status: 400,
    message: { zh: '佐证材料不能超过 5 MB', en: 'Evidence may be at most 5 MB' },
  },
  'selfEvaluation.fileType': {
    status: 400,
    message: { zh: '佐证材料须是 PDF、JPEG 或 PNG 文件', en: 'Evidence must be a PDF, JPEG or PNG file' },
  },
  'selfEvaluation.notOpened': {
    status: 409,
    message: { zh: '请先开启该年度自评', en: 'Open the year’s assessment first' },
  },
  'selfEvaluation.noGaps': {
    status: 400,
    message: {
      zh: '没有可生成整改任务的缺项：缺佐证的评估项须先指定责任单位',
      en: 'No gaps to turn into tasks: an item without evidence needs a unit first',
    },
  },
});
