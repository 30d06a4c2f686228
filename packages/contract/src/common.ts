import { Type, type Static, type TSchema } from 'typebox';

// The pieces several modules share, each with one home.

/** A value or null (JSON has no undefined; a missing fact is null). */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A text in both interface languages. */
export const Message = Type.Object({ zh: Type.String(), en: Type.String() });
export type Message = Static<typeof Message>;

/** Every error answer: `message` in the language of Accept-Language (errors.ts). */
export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** A record's id in the path: a positive integer JavaScript holds exactly. */
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
export type IdParam = Static<typeof IdParam>;

export const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export type Sex = Static<typeof Sex>;

/** A region by code and name (the level is in RegionRef, regions.ts). */
export const RegionName = Type.Object({ code: Type.String(), name: Type.String() });
export type RegionName = Static<typeof RegionName>;

/** A deadline against the China date; fields are null while the clock is not running (waiting for the family, or done). */
export const DeadlineState = Type.Union([Type.Literal('onTime'), Type.Literal('dueToday'), Type.Literal('overdue')]);
export type DeadlineState = Static<typeof DeadlineState>;

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date' });
/** An instant, ISO 8601 with zone (the console shows it in China time). */
export const DateTimeString = Type.String({ format: 'date-time' });

/** One page of a list: the rows, the total over all pages, and where this page is. */
export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** An XLSX workbook a list exports (a stream to the server, bytes to the console). */
export const XlsxFile = Type.String({
  description: 'An XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
});
