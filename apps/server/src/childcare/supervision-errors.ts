import { inspectionAreaLabel, type InspectionArea, type Message } from '@cradle/domain';
import { defineErrors } from '../errors.js';

export const supervisionError = defineErrors({
  'childcareSupervision.findings': {
    status: 400,
    message: {
      zh: '检查结果与检查表不符，未保存任何内容',
      en: 'The findings do not match the checklist; nothing was saved',
    },
  },
  'childcareSupervision.rectification': {
    status: 400,
    message: {
      zh: '不合格项须写明整改要求，并给出晚于检查日期的整改期限',
      en: 'A failed item needs what to rectify and a due date after the inspection',
    },
  },
  'childcareSupervision.futureDate': {
    status: 400,
    message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  },
  'childcareSupervision.notFiled': {
    status: 409,
    message: {
      zh: '只能对已备案且未关停的托育机构开展此项工作',
      en: 'Only a filed institution that is not closed can be inspected, rated or closed',
    },
  },
  'childcareSupervision.reinspection': {
    status: 400,
    message: {
      zh: '复查须针对同一机构、同一检查领域的原检查，且复查日期不早于原检查',
      en: 'A re-inspection checks an earlier inspection of the same institution and area',
    },
  },
  'childcareSupervision.notOpen': {
    status: 409,
    message: {
      zh: '该整改项不是待整改状态，不能再次报告',
      en: 'This rectification is not open; it cannot be reported again',
    },
  },
  'childcareSupervision.rated': {
    status: 409,
    message: { zh: '该机构本年度已有评估等级', en: 'The institution already has a rating for this year' },
  },
  'childcareSupervision.placements': {
    status: 400,
    message: {
      zh: '接收机构须为辖区内已备案的其他托育机构',
      en: 'A receiving institution must be another filed institution of the jurisdiction',
    },
  },
  // An inspecting department records only the areas it owns (packages/domain/src/childcare/area-owners.ts).
  'childcareSupervision.area': {
    status: 403,
    message: {
      zh: '您的部门不负责该检查领域，未保存任何内容',
      en: 'Your department does not inspect this area; nothing was saved',
    },
  },
  'childcareSupervision.region': {
    status: 400,
    message: { zh: '地区须在您的辖区内', en: 'The region must be in your jurisdiction' },
  },
});

/** The area refusal, naming the area asked and the ones the department inspects. */
export function areaError(area: InspectionArea, areas: readonly InspectionArea[]) {
  const asked = inspectionAreaLabel(area);
  const own = areas.map(inspectionAreaLabel);
  return supervisionError(
    'childcareSupervision.area',
    { area, areas },
    {
      zh: `您的部门不负责“${asked.zh}”检查，未保存任何内容；您可检查：${own.map((a) => a.zh).join('、') || '无'}`,
      en: `Your department does not inspect ${asked.en}; nothing was saved. You inspect: ${own.map((a) => a.en).join(', ') || 'none'}`,
    },
  );
}

/** A refusal that lists every problem of the findings, in both languages. */
export function findingsError(problems: readonly Message[]) {
  return supervisionError(
    'childcareSupervision.findings',
    { problems },
    {
      zh: `检查结果与检查表不符，未保存任何内容：${problems.map((p) => p.zh).join('；')}`,
      en: `The findings do not match the checklist; nothing was saved: ${problems.map((p) => p.en).join('; ')}`,
    },
  );
}
