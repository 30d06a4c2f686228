import { Type, type Static } from 'typebox';
import { DateString, Int, Text } from './common.js';

const Festival = Type.Object({
  zh: Text({ minLength: 1, maxLength: 30 }),
  en: Text({ minLength: 1, maxLength: 60 }),
});

export const CalendarDayKind = Type.Union([Type.Literal('holiday'), Type.Literal('makeupWorkday')], {
  description: 'a public holiday, or a weekend day worked to make up for one (调休)',
});
export type CalendarDayKind = Static<typeof CalendarDayKind>;

export const CalendarEntry = Type.Object({
  date: DateString,
  kind: CalendarDayKind,
  festival: Festival,
  source: Text({ minLength: 1, maxLength: 200, description: 'the notice that sets the day' }),
});
export type CalendarEntry = Static<typeof CalendarEntry>;

export const CalendarQuery = Type.Object({ year: Int(2000, 2100) });
export const CalendarList = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarEntry) });
export const CalendarDayParams = Type.Object({ date: DateString });
export const CalendarDayBody = Type.Omit(CalendarEntry, ['date']);

export type CalendarQuery = Static<typeof CalendarQuery>;
export type CalendarList = Static<typeof CalendarList>;
export type CalendarDayParams = Static<typeof CalendarDayParams>;
export type CalendarDayBody = Static<typeof CalendarDayBody>;
