import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RegionService } from '../regions/index.js';
import {
  CredentialResetBody,
  IdParam,
  LoginBody,
  PasswordReset,
  Session,
  StaffUserList,
  TwoFactorReset,
} from '@cradle/contract';
import type { AuthService } from './service.js';
import { SESSION_COOKIE, type SessionUser } from './session.js';
import { withRetryAfter } from './retry-after.js';

/**
 * The per-address bound on sign-in requests: a cheap cap on how fast one address can make the
 * server run argon2 (about 20 ms of CPU each), not the guard on guessing (auth/throttle.ts is).
 * An office of thirty behind one NAT signs in at 8:30, some twice: 100 a minute leaves room.
 */
export const SIGN_IN_RATE_LIMIT = { max: 100, timeWindow: '1 minute' } as const;

export const authRoutes: FastifyPluginAsyncTypebox<{
  auth: AuthService;
  regions: RegionService;
  secureCookies: boolean;
}> = async (app, opts) => {
  const me = (u: SessionUser) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    department: u.department,
    jurisdiction: opts.regions.ref(u.jurisdictionCode),
  });

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (password, plus TOTP for administrators)',
        body: LoginBody,
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      const result = await withRetryAfter(reply, () => opts.auth.login({ ...req.body, clientIp: req.ip }));
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
      });
      return { user: me(result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { readOnlyOk: true, everyAccount: true },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await opts.auth.logout(req.user!, req.sessionTokenHash!, req.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: { roles: ['systemAdmin', 'countyAdmin'] },
      schema: {
        tags: ['auth'],
        summary: 'Lift a lock after many failed sign-ins, and the delays on every address (audited)',
        params: IdParam,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await opts.auth.unlock(req.user!, req.params.id, req.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users',
    {
      config: { roles: ['systemAdmin', 'countyAdmin'] },
      schema: {
        tags: ['auth'],
        summary: "The staff accounts within the administrator's jurisdiction (no secrets)",
        response: { 200: StaffUserList },
      },
    },
    async (req) => ({
      items: (await opts.auth.listUsers(req.user!)).map(({ jurisdictionCode, ...u }) => ({
        ...u,
        jurisdiction: opts.regions.ref(jurisdictionCode),
      })),
    }),
  );

  // No self-service reset: there is no verified channel (e-mail, phone) for staff yet, so an
  // administrator resets, with their own fresh code, and hands the result over in person.
  app.post(
    '/api/users/:id/reset-password',
    {
      config: { roles: ['systemAdmin', 'countyAdmin'] },
      schema: {
        tags: ['auth'],
        summary:
          "Set a one-time password, shown once; ends the user's sessions and lifts any lock (step-up TOTP, audited)",
        params: IdParam,
        body: CredentialResetBody,
        response: { 200: PasswordReset },
      },
    },
    async (req) => opts.auth.resetPassword(req.user!, req.params.id, req.body.totp, req.ip),
  );

  app.post(
    '/api/users/:id/reset-two-factor',
    {
      config: { roles: ['systemAdmin', 'countyAdmin'] },
      schema: {
        tags: ['auth'],
        summary: "Replace the user's TOTP secret, shown once; ends the user's sessions (step-up TOTP, audited)",
        params: IdParam,
        body: CredentialResetBody,
        response: { 200: TwoFactorReset },
      },
    },
    async (req) => opts.auth.resetTwoFactor(req.user!, req.params.id, req.body.totp, req.ip),
  );

  app.get(
    '/api/auth/me',
    {
      config: { everyAccount: true },
      schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: Session } },
    },
    async (req) => ({
      user: me(req.user!),
      csrfToken: req.csrfToken!,
    }),
  );
};
