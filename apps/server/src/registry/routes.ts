import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { REGISTRY_ROLES } from '@cradle/domain';
import {
  PersonDetail,
  IdParam,
  PersonExportQuery,
  PersonPage,
  PersonSearchQuery,
  RevealBody,
  Revealed,
} from '@cradle/contract';
import { xlsxRoute } from '../exports/index.js';
import type { RegistryService } from './service.js';

export const registryRoutes: FastifyPluginAsyncTypebox<{ registry: RegistryService }> = async (app, { registry }) => {
  const actor = (req: { user: unknown; ip: string }) =>
    ({ user: req.user!, clientIp: req.ip }) as Parameters<RegistryService['search']>[0];

  app.get(
    '/api/persons',
    {
      // Need to know (issue 11): not department operators, not leaders (@cradle/domain access.ts).
      config: { roles: REGISTRY_ROLES },
      schema: {
        tags: ['registry'],
        summary: 'Search persons in your jurisdiction',
        querystring: PersonSearchQuery,
        response: { 200: PersonPage },
      },
    },
    (req) => registry.search(actor(req), req.query),
  );
  xlsxRoute(app, '/api/persons/export.xlsx', {
    // The search's own gate and filters: whoever may search may export what they found.
    config: { roles: REGISTRY_ROLES },
    tags: ['registry'],
    summary: 'The search results as XLSX (masked ID numbers; streamed; audited)',
    querystring: PersonExportQuery,
    name: { zh: '人员查询', en: 'persons' },
    workbook: (a, q, lang) => registry.exportXlsx(a, q, lang),
  });
  app.get(
    '/api/persons/:id',
    {
      // Need to know (issue 11): not department operators, not leaders (@cradle/domain access.ts).
      config: { roles: REGISTRY_ROLES },
      schema: {
        tags: ['registry'],
        summary: 'A person with household and relationships (audited)',
        params: IdParam,
        response: { 200: PersonDetail },
      },
    },
    (req) => registry.detail(actor(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/reveal',
    {
      // Need to know (issue 11): not department operators, not leaders (@cradle/domain access.ts).
      config: { roles: REGISTRY_ROLES },
      schema: {
        tags: ['registry'],
        summary: 'Reveal the full ID number (audited, with reason)',
        params: IdParam,
        body: RevealBody,
        response: { 200: Revealed },
      },
    },
    async (req) => ({ idNumber: await registry.revealIdNumber(actor(req), req.params.id, req.body.reason) }),
  );
};
