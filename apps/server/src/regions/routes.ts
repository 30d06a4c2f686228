import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Region, RegionChildren, RegionCodeParam } from '@cradle/contract';
import type { RegionService } from './service.js';

// The region tree is public reference data (GB/T 2260, no personal data): families picking where
// they live in the portal have no staff session, so these are public.
export const regionRoutes: FastifyPluginAsyncTypebox<{ regions: RegionService }> = async (app, { regions }) => {
  app.get(
    '/api/regions/:code',
    {
      config: { public: true },
      schema: {
        tags: ['regions'],
        summary: 'A region with its path from the province',
        params: RegionCodeParam,
        response: { 200: Region },
      },
    },
    async (req) => regions.get(req.params.code),
  );
  app.get(
    '/api/regions/:code/children',
    {
      config: { public: true },
      schema: {
        tags: ['regions'],
        summary: 'The direct children of a region',
        params: RegionCodeParam,
        response: { 200: RegionChildren },
      },
    },
    async (req) => ({
      items: regions.children(req.params.code),
    }),
  );
};
