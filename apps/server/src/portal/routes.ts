import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { familyEligibility } from './benefits.js';
import { BindingBody, CodeRequest, FamilyEligibility, ResidentMe, SignInBody } from '@cradle/contract';
import type { PortalService } from './service.js';
import { RESIDENT_COOKIE } from './session.js';
import type { Database } from '../db/client.js';
import { withRetryAfter } from '../auth/index.js';

const tags = ['portal'];

export const portalAuthRoutes: FastifyPluginAsyncTypebox<{
  portal: PortalService;
  secureCookies: boolean;
  database: Database;
}> = async (app, { portal, secureCookies, database }) => {
  app.post(
    '/api/portal/code',
    {
      // Per address, on top of the provider's per-number limits (portal/identity.ts): a cheap bound
      // on text messages sent. Residents on a mobile network share carrier addresses, so 30.
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a one-time sign-in code to a mobile number',
        body: CodeRequest,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await withRetryAfter(reply, () => portal.requestCode(req.body.phone, req.ip));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/portal/sign-in',
    {
      // A bound on work per address; guessing is slowed per number (auth/throttle.ts).
      config: { public: true, rateLimit: { max: 100, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with the mobile number and its one-time code',
        body: SignInBody,
        response: { 200: ResidentMe },
      },
    },
    async (req, reply) => {
      const session = await withRetryAfter(reply, () => portal.signIn(req.body.phone, req.body.code, req.ip));
      void reply.setCookie(RESIDENT_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
      });
      const [row] = await portal.residentOf(session.residentId);
      return portal.me(row!, session.csrfToken, req.ip);
    },
  );

  app.post(
    '/api/portal/sign-out',
    { config: { resident: true }, schema: { tags, summary: 'Sign out of the portal', response: { 204: Type.Null() } } },
    async (req, reply) => {
      await portal.signOut(req.residentTokenHash!);
      void reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/portal/me',
    {
      config: { resident: true },
      schema: {
        tags,
        summary: 'The signed-in resident, their family as the registry holds it, and the CSRF token',
        response: { 200: ResidentMe },
      },
    },
    async (req) => portal.me(req.resident!, req.residentCsrf!, req.ip),
  );

  app.post(
    '/api/portal/binding',
    {
      config: { resident: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Link the account to its registry record (name, ID number; the registry must hold this phone)',
        body: BindingBody,
        response: { 200: ResidentMe },
      },
    },
    async (req) => {
      await portal.bind(req.resident!, req.body, req.ip);
      return portal.me(req.resident!, req.residentCsrf!, req.ip);
    },
  );

  app.get(
    '/api/portal/benefits',
    {
      config: { resident: true },
      schema: {
        tags,
        summary:
          "Each of the family's children's eligibility for the schemes of their hukou region this period, with the trace in plain words",
        response: { 200: FamilyEligibility },
      },
    },
    async (req) => ({ children: await familyEligibility(database, req.resident!, req.ip) }),
  );
};
