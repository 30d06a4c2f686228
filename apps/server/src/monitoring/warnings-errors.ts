import { defineErrors } from '../errors.js';

export const WarningsError = defineErrors({
  'warning.notFound': {
    status: 404,
    message: { zh: '未找到该预警，或不在您的辖区内', en: 'No such warning in your jurisdiction' },
  },
  'warning.noteRequired': {
    status: 400,
    message: { zh: '请填写处理说明', en: 'Write a note on what was done' },
  },
  'warning.alreadyAcknowledged': {
    status: 409,
    message: { zh: '该预警已由他人处理', en: 'The warning has already been acknowledged' },
  },
});
