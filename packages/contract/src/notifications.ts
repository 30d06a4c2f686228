import { Type, type Static } from 'typebox';

export const Notification = Type.Object({
  id: Type.Integer(),
  topic: Type.String(),
  body: Type.String(),
  subjectKind: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ items: Type.Array(Notification) });

export type NotificationList = Static<typeof NotificationList>;
