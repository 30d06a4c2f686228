import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SUPERVISION_OFFICE } from '@cradle/domain';
import { IdParam, LiaisonBody, LiaisonCandidateList, LiaisonParams, UnitView } from '@cradle/contract';
import type { SupervisionDirectory } from './directory.js';

// Naming and removing a unit's liaisons (联络员): the joint meeting's office only, as the seats.
const OFFICE = { roles: SUPERVISION_OFFICE };

export const liaisonRoutes: FastifyPluginAsyncTypebox<{ directory: SupervisionDirectory }> = async (
  app,
  { directory },
) => {
  const tags = ['supervision'];
  app.get(
    '/api/supervision/liaison-candidates',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'The county’s staff the office may name as liaisons',
        response: { 200: LiaisonCandidateList },
      },
    },
    (req) => directory.liaisonCandidates(req.user!),
  );
  app.post(
    '/api/supervision/units/:id/liaisons',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Name a staff user of the county as a unit’s liaison (audited)',
        params: IdParam,
        body: LiaisonBody,
        response: { 200: UnitView },
      },
    },
    (req) => directory.nameLiaison({ user: req.user!, clientIp: req.ip }, req.params.id, req.body.userId),
  );
  app.delete(
    '/api/supervision/units/:id/liaisons/:userId',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Remove a liaison the office named (audited)',
        params: LiaisonParams,
        response: { 200: UnitView },
      },
    },
    (req) => directory.removeLiaison({ user: req.user!, clientIp: req.ip }, req.params.id, req.params.userId),
  );
};
