import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  username: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      userId: Type.Union([Type.Integer(), Type.Null()]),
      username: Type.Union([Type.String(), Type.Null()]),
      action: Type.String(),
      targetType: Type.Union([Type.String(), Type.Null()]),
      targetId: Type.Union([Type.String(), Type.Null()]),
      outcome: Type.String(),
      clientIp: Type.Union([Type.String(), Type.Null()]),
      details: Type.Unknown(),
    }),
  ),
  total: Type.Integer(),
});

export const ChainCheck = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first finding, in the request's language (the console shows this one). */
  firstBroken: Type.Union([Type.Object({ seq: Type.Integer(), reason: Type.String() }), Type.Null()]),
  findings: Type.Array(
    Type.Object({ code: Type.String(), seq: Type.Union([Type.Integer(), Type.Null()]), message: Type.String() }),
  ),
  anchors: Type.Object({
    count: Type.Integer(),
    anchoredThrough: Type.Union([Type.Integer(), Type.Null()]),
    lastAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    unanchored: Type.Integer(),
  }),
});
