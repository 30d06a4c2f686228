import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SystemInfo } from '@cradle/contract';
import type { RegionService } from '../regions/service.js';

export const systemRoutes: FastifyPluginAsyncTypebox<{
  regions: RegionService;
  scopeCode: string;
  demo: boolean;
  database: 'pglite' | 'postgres';
}> = async (app, opts) => {
  app.get(
    '/api/system/info',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Deployment facts the console shows before sign-in',
        response: { 200: SystemInfo },
      },
    },
    async () => ({
      product: 'Cradle 人口家庭服务平台',
      version: '0.1.0',
      scope: opts.regions.ref(opts.scopeCode),
      demo: opts.demo,
      database: opts.database,
    }),
  );
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
    async () => ({ ok: true }),
  );
};
