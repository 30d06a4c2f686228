import { defineErrors } from '../errors.js';

export const calendarError = defineErrors({
  'calendar.dateInvalid': { status: 400, message: { zh: '日期无效', en: 'Not a valid date' } },
  'calendar.notFound': {
    status: 404,
    message: { zh: '该日期不在节假日安排中', en: 'That day is not in the calendar' },
  },
});
