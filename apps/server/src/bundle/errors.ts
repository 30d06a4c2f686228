import type { TaskRefusal } from '@cradle/domain';
import { AppError, defineErrors, type Message } from '../errors.js';

export const bundleError = defineErrors({
  'bundle.invalid': {
    status: 400,
    message: { zh: '出生一件事申请有误，请按提示修改', en: 'The newborn bundle has errors; see each field' },
  },
  'bundle.notFound': {
    status: 404,
    message: {
      zh: '未找到该申请或事项，或它不在您的辖区、您的部门内',
      en: 'No such application or task in your jurisdiction and department',
    },
  },
  'bundle.newbornIdTaken': {
    status: 409,
    message: {
      zh: '该公民身份号码已登记在人口库中，请核对后重新输入',
      en: 'This ID number is already in the registry; check it and enter it again',
    },
  },
  'bundle.duplicate': {
    status: 409,
    message: {
      zh: '您已为这名新生儿提交过出生一件事申请，仍在办理中，请勿重复提交；办理进度请在申请列表中查看',
      en: 'You have already submitted a newborn bundle for this child and it is still in progress; follow it in your list rather than submitting again',
    },
  },
  'bundle.bulkNotAllowed': {
    status: 409,
    message: {
      zh: '该事项须逐件录入办结信息，不能批量办结',
      en: 'This service needs its own completion details; it cannot be completed in bulk',
    },
  },
});

// The domain's refusals (bundle-tasks.ts) with their HTTP status: a problem with what was sent
// is 400, a task in the wrong state for the action is 409. The domain's own message is kept.
const REFUSAL_STATUS: Record<TaskRefusal, number> = {
  'task.wrongStatus': 409,
  'task.wrongService': 400,
  'task.invalidCompletion': 400,
  'task.reasonRequired': 400,
  'task.fieldsRequired': 400,
  'task.fieldNotUsed': 400,
  'task.correctionsRequired': 400,
  'task.correctionNotRequested': 400,
  'task.notWaitingFor': 409,
  'task.dependencyNotDone': 409,
  'task.hukouRegistered': 409,
};

export function taskRefused(code: TaskRefusal, message: Message, details: unknown): AppError {
  return new AppError(code, REFUSAL_STATUS[code], message, details);
}
