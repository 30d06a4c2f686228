import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../errors.js';
import { NotificationList, IdParam } from '@cradle/contract';
import type { NotificationService } from './service.js';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/portal/notifications',
    {
      config: { resident: true },
      schema: { tags: ['portal'], summary: "The resident's messages", response: { 200: NotificationList } },
    },
    async (req) => ({
      items: await notifications.forResident(req.resident!.id, requestLang(req)),
    }),
  );

  app.post(
    '/api/portal/notifications/:id/read',
    {
      config: { resident: true },
      schema: {
        tags: ['portal'],
        summary: 'Mark a message read',
        params: IdParam,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await notifications.markReadByResident(req.resident!.id, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/notifications',
    {
      // Every account: a childcare institution's own account hears of its overdue rectifications.
      config: { everyAccount: true },
      schema: {
        tags: ['notifications'],
        summary: "Messages to the signed-in user's queues",
        response: { 200: NotificationList },
      },
    },
    async (req) => ({
      items: await notifications.forUser(req.user!, requestLang(req)),
    }),
  );
};
