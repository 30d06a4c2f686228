import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CalendarDayBody, CalendarDayParams, CalendarList, CalendarQuery } from '@cradle/contract';
import type { CalendarService } from './service.js';

const tags = ['calendar'];
// National holidays are deployment-wide: only the system administrator changes them.
const admin = ['systemAdmin'] as const;

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary: 'Public holidays and make-up working days of a year (deadlines count working days)',
        querystring: CalendarQuery,
        response: { 200: CalendarList },
      },
    },
    async (req) => ({
      year: req.query.year,
      days: await calendar.list(req.query.year),
    }),
  );

  app.put(
    '/api/calendar/:date',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Set a day as a holiday or a make-up working day',
        params: CalendarDayParams,
        body: CalendarDayBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await calendar.set(req.user!, { ...req.body, date: req.params.date }, req.ip);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/calendar/:date',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Remove a day from the calendar',
        params: CalendarDayParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await calendar.remove(req.user!, req.params.date, req.ip);
      return reply.status(204).send(null);
    },
  );
};
