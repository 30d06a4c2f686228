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

// What a request may carry (issue 11: no input gives a 5xx). Every string a request sends is a
// Text (or an ASCII pattern: codes, digits), every integer an Int, every date a DateString.

/**
 * No U+0000 (PostgreSQL refuses it in text and jsonb) and no unpaired UTF-16 surrogate (JSON.parse
 * makes one of "\ud800"; jsonb refuses it, text stores U+FFFD). Ajv compiles patterns with the u
 * flag, so a paired surrogate, one astral character (𠮷, a name's rare character), passes.
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';

/** Free text of a request: bounded, and storable as it came (SAFE_TEXT_PATTERN). */
export const Text = (options: { maxLength: number; minLength?: number; description?: string }) =>
  Type.String({ ...options, pattern: SAFE_TEXT_PATTERN });

/**
 * A bounded integer. Ajv coerces a query's or path's "1e309" or "Infinity" (and a body's
 * "Infinity") to Infinity without checking it again, and skips minimum and maximum for numbers
 * that are not finite; the allOf checks the coerced value's type once more, which refuses it.
 */
export const Int = (minimum: number, maximum: number, options: { default?: number; description?: string } = {}) =>
  Type.Integer({ ...options, minimum, maximum, allOf: [{ type: 'integer' }] });

/** A record's id (bigserial): a positive integer JavaScript holds exactly. */
export const Id = (options: { description?: string } = {}) => Int(1, Number.MAX_SAFE_INTEGER, options);

/** A page number of a list: more pages than any list has, and an OFFSET PostgreSQL's bigint holds. */
export const PageNumber = Int(1, 100_000, { default: 1 });

/** A record's id in the path. */
export const IdParam = Type.Object({ id: Id() });
export type IdParam = Static<typeof IdParam>;

/**
 * A map from text keys (Text) to values, at most `maxProperties` of them. Not Type.Record: its
 * key pattern `^.*$` does not match a key with a line break, whose value then goes unchecked.
 */
export const TextRecord = <V extends TSchema>(
  key: { maxLength: number },
  value: V,
  options: { maxProperties: number; description?: string },
) =>
  Type.Unsafe<Record<string, Static<V>>>({
    ...options,
    type: 'object',
    propertyNames: Text(key),
    additionalProperties: value,
  });

export const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export type Sex = Static<typeof Sex>;

/** A region by code and name (the level is in RegionRef, regions.ts). */
export const RegionName = Type.Object({ code: Type.String(), name: Type.String() });
export type RegionName = Static<typeof RegionName>;

/** A deadline against the China date; fields are null while the clock is not running (waiting for the family, or done). */
export const DeadlineState = Type.Union([Type.Literal('onTime'), Type.Literal('dueToday'), Type.Literal('overdue')]);
export type DeadlineState = Static<typeof DeadlineState>;

/**
 * A real calendar date, YYYY-MM-DD: the format checks month and day (no 30 February); the
 * pattern keeps the year within 1000–9999 (PostgreSQL has no year 0, Date.UTC reads 0–99 as 19xx).
 */
export const DATE_PATTERN = '^[1-9]\\d{3}-\\d{2}-\\d{2}$';
export const DateString = Type.String({ format: 'date', pattern: DATE_PATTERN });
/** An instant, ISO 8601 with zone (the console shows it in China time). */
export const DateTimeString = Type.String({ format: 'date-time' });

/** A file in an upload form (multipart/form-data), as the API document describes it. */
export const FileField = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });
/** The form of an upload of one file (a registry import, a bank's return file). */
export const FileForm = Type.Object({ file: FileField });

/** One page of a list: the rows, the total over all pages, and where this page is. */
export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** An XLSX workbook a list exports (a stream to the server, bytes to the console). */
export const XlsxFile = Type.String({
  description: 'An XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
});
