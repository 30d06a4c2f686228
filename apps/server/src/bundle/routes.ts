import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FamilyServiceDeps } from '../family-deps.js';

/** The newborn bundle (出生一件事): the family's application and the department operators' queues. */
export const bundleRoutes: FastifyPluginAsyncTypebox<FamilyServiceDeps> = async () => {};
