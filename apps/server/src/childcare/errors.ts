import type { RuleBreach } from '@cradle/domain';
import { defineErrors } from '../errors.js';

export const childcareError = defineErrors({
  // The message lists every broken rule (rulesError below); this is its fallback.
  'childcare.rules': {
    status: 400,
    message: { zh: '备案材料不符合标准，未保存任何内容', en: 'The filing breaks the standard; nothing was saved' },
  },
  'childcare.notFound': {
    status: 404,
    message: {
      zh: '找不到该托育机构或备案，或它不在您的辖区内',
      en: 'No such institution or filing in your jurisdiction',
    },
  },
  'childcare.usccTaken': {
    status: 409,
    message: {
      zh: '已有机构使用此统一社会信用代码备案；变更请在原机构下提交变更备案',
      en: 'An institution with this credit code is already on file; file a change under it instead',
    },
  },
  'childcare.usccChanged': {
    status: 400,
    message: {
      zh: '统一社会信用代码不能变更；代码不同的是另一个机构，请另行备案',
      en: 'The credit code cannot change; a different code is another institution, filed on its own',
    },
  },
  'childcare.pendingVersion': {
    status: 409,
    message: {
      zh: '该机构已有一份待审核的备案，请等待卫生健康部门办理后再提交',
      en: 'A version of this institution awaits review; wait for the health commission before filing another',
    },
  },
  'childcare.notFiled': {
    status: 409,
    message: {
      zh: '该机构尚未完成备案，不能变更或关停',
      en: 'The institution is not filed yet; it cannot change or close',
    },
  },
  'childcare.closed': {
    status: 409,
    message: { zh: '该机构已关停', en: 'The institution is closed' },
  },
  'childcare.notReceived': {
    status: 409,
    message: { zh: '该备案已办理，不能再次办理', en: 'This filing has already been decided' },
  },
  'childcare.region': {
    status: 400,
    message: {
      zh: '机构所在地须为您辖区内的乡镇或村（社区）',
      en: 'The premises must be in a township or village of your jurisdiction',
    },
  },
  'childcare.futureClosure': {
    status: 400,
    message: {
      zh: '关停日期不能晚于今天：请在关停当日或之后提交',
      en: 'The closing date cannot be in the future: file it on or after the day',
    },
  },
  'childcare.document': {
    status: 400,
    message: {
      zh: '所附文件不存在，或已附在其他备案中；请重新上传',
      en: 'An attached document does not exist or belongs to another filing; upload it again',
    },
  },
});

/** A refusal naming every broken rule with its clause, in both languages; the rules go in details. */
export function rulesError(breaches: readonly RuleBreach[]) {
  const list = (lang: 'zh' | 'en') =>
    breaches
      .map((b) => (lang === 'zh' ? `${b.message.zh}（${b.citation.zh}）` : `${b.message.en} (${b.citation.en})`))
      .join(lang === 'zh' ? '；' : '; ');
  return childcareError(
    'childcare.rules',
    { breaches },
    {
      zh: `备案材料不符合标准，未保存任何内容：${list('zh')}`,
      en: `The filing breaks the standard; nothing was saved: ${list('en')}`,
    },
  );
}
