import { Type, type Static } from 'typebox';
import { DateString, Int, PageNumber, Text } from './common.js';

export const AuditOutcome = Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]);
export type AuditOutcome = Static<typeof AuditOutcome>;

export const AuditQuery = Type.Object({
  page: PageNumber,
  pageSize: Int(1, 200, { default: 50 }),
  action: Type.Optional(Text({ maxLength: 64 })),
  username: Type.Optional(Text({ maxLength: 64 })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  outcome: Type.Optional(AuditOutcome),
  /** What entries concern: a type ('paymentBatch', 'person') and, with it, an id. */
  targetType: Type.Optional(Text({ maxLength: 64 })),
  targetId: Type.Optional(Text({ maxLength: 64 })),
});
export type AuditQuery = Static<typeof AuditQuery>;
/** The filters without paging: what an export lists. */
export const AuditFilterQuery = Type.Omit(AuditQuery, ['page', 'pageSize']);
export type AuditFilterQuery = Static<typeof AuditFilterQuery>;

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  /** The user's name as the staff list has it (李主任), beside the username. */
  userDisplayName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  /** Where the entry concerns a person the jurisdiction shows: their name masked (张*华). */
  personName: Type.Union([Type.String(), Type.Null()]),
  outcome: AuditOutcome,
  clientIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), total: Type.Integer() });

export const ChainCheck = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first finding, in the request's language (the console shows this one). */
  firstBroken: Type.Union([Type.Object({ seq: Type.Integer(), reason: Type.String() }), Type.Null()]),
  /** Everything verification found wrong: the hash chain's first break, then the anchors' (truncation, re-chaining). */
  findings: Type.Array(
    Type.Object({ code: Type.String(), seq: Type.Union([Type.Integer(), Type.Null()]), message: Type.String() }),
  ),
  /** The signed checkpoints outside the database, after this verification sealed the log. */
  anchors: Type.Object({
    count: Type.Integer(),
    anchoredThrough: Type.Union([Type.Integer(), Type.Null()]),
    lastAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    unanchored: Type.Integer(),
  }),
});

export type AuditPage = Static<typeof AuditPage>;
export type ChainCheck = Static<typeof ChainCheck>;
