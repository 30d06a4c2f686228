import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FamilyServiceDeps } from '../family-deps.js';

/** Childbirth registration (生育登记): the portal's side and the township worker's side. */
export const registrationRoutes: FastifyPluginAsyncTypebox<FamilyServiceDeps> = async () => {};
