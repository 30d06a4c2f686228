import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Role } from '@cradle/domain';
import {
  EvaluationEvidenceParams,
  EvaluationItemBody,
  EvaluationItemParams,
  FileForm,
  IdParam,
  OpenSelfEvaluationBody,
  RectificationAnswer,
  ScoringRulesBody,
  SelfEvaluationQuery,
  SelfEvaluationView,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { documentForm, readUploadedFile } from '../uploads.js';
import { sendAttachment } from '../http/index.js';
import type { SessionUser } from '../auth/index.js';
import { renderDocumentPdf } from '../annual-reports/index.js';
import { chinaDateOf } from '@cradle/domain';
import { selfEvaluationError } from './errors.js';
import { buildEvaluationDocument } from './print.js';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, type SelfEvaluationService } from './service.js';

// The county's leading-group office (countyAdmin) runs the assessment; departments attach their
// evidence; leaders read and print. Row-level security keeps each to its jurisdiction.
const READERS = { roles: ['countyAdmin', 'departmentOperator', 'leader'] as Role[] };
const OFFICE = { roles: ['countyAdmin'] as Role[] };
const EVIDENCE = { roles: ['countyAdmin', 'departmentOperator'] as Role[] };
const tags = ['self-evaluation'];

export const selfEvaluationRoutes: FastifyPluginAsyncTypebox<{
  evaluations: SelfEvaluationService;
  rectify: (a: { user: SessionUser; clientIp: string }, id: number) => Promise<{ created: number; taskIds: number[] }>;
  now: () => Date;
}> = async (app, { evaluations, rectify, now }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });

  app.get(
    '/api/self-evaluations',
    {
      config: READERS,
      schema: {
        tags,
        summary: "The year's self-evaluation with live figures (opened or not)",
        querystring: SelfEvaluationQuery,
        response: { 200: SelfEvaluationView },
      },
    },
    (req) => evaluations.view(actor(req), req.query.year),
  );
  app.post(
    '/api/self-evaluations',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: "Open the year's assessment",
        body: OpenSelfEvaluationBody,
        response: { 200: SelfEvaluationView },
      },
    },
    (req) => evaluations.open(actor(req), req.body.year),
  );
  app.put(
    '/api/self-evaluations/:id/items/:code',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: "An item's unit, ranking, survey tallies, note or points",
        params: EvaluationItemParams,
        body: EvaluationItemBody,
        response: { 200: SelfEvaluationView },
      },
    },
    (req) => evaluations.updateItem(actor(req), req.params.id, req.params.code, req.body),
  );
  app.post(
    '/api/self-evaluations/:id/items/:code/evidence',
    {
      config: { ...EVIDENCE, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags,
        summary: 'Attach evidence (PDF, JPEG, PNG, 5 MB) to an item',
        consumes: ['multipart/form-data'],
        params: EvaluationItemParams,
        response: { 200: SelfEvaluationView },
      },
    },
    async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: MAX_EVIDENCE_BYTES,
        types: EVIDENCE_TYPES,
        // The assessment's own words (and 400s) for its evidence, as before the shared reader.
        refusals: {
          noFile: () => selfEvaluationError('selfEvaluation.noFile'),
          tooLarge: () => selfEvaluationError('selfEvaluation.fileTooLarge'),
          wrongType: () => selfEvaluationError('selfEvaluation.fileType'),
        },
      });
      return evaluations.uploadEvidence(actor(req), req.params.id, req.params.code, file);
    },
  );
  app.get(
    '/api/self-evaluations/:id/evidence/:evidenceId',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Download an evidence file (audited)',
        params: EvaluationEvidenceParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) => {
      const f = await evaluations.downloadEvidence(actor(req), req.params.id, req.params.evidenceId);
      return sendAttachment(reply, f, `evidence-${req.params.evidenceId}`);
    },
  );
  app.post(
    '/api/self-evaluations/:id/rectification',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Turn items without evidence into key tasks led by their units (生成整改任务)',
        params: IdParam,
        response: { 200: RectificationAnswer },
      },
    },
    (req) => rectify(actor(req), req.params.id),
  );
  app.get(
    '/api/self-evaluations/:id/report.pdf',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'The assessment as a printable PDF (audited)',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => {
      const a = actor(req);
      const { view } = await evaluations.read(a, req.params.id);
      const at = now();
      const pdf = await renderDocumentPdf(buildEvaluationDocument(view, requestLang(req), chinaDateOf(at)), at);
      await evaluations.audited(a, req.params.id, 'selfEvaluation.print');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="self-evaluation-${view.year}.pdf"`)
        .send(pdf);
    },
  );
  app.put(
    '/api/self-evaluation-scoring',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Load the official scoring rules (评分细则) for the jurisdiction; replaces the loaded ones',
        body: ScoringRulesBody,
        response: { 200: Type.Object({ loaded: Type.Integer() }) },
      },
    },
    (req) => evaluations.loadRules(actor(req), req.body),
  );
};
