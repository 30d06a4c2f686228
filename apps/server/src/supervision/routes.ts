import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SUPERVISION_LIAISON_ROLES, SUPERVISION_OFFICE, SUPERVISION_READERS } from '@cradle/domain';
import {
  TaskBoard,
  TaskBoardQuery,
  EvidenceView,
  FileForm,
  IdParam,
  IndicatorLinkBody,
  MeetingBody,
  MeetingList,
  MeetingView,
  MilestoneBody,
  NoticeBody,
  ProgressReportBody,
  SeatChangeBody,
  SendBackReportBody,
  KeyTaskDetail,
  KeyTaskList,
  KeyTaskQuery,
  UnitList,
  UnitView,
} from '@cradle/contract';
import { Type } from 'typebox';
import { xlsxRoute } from '../exports/index.js';
import { sendAttachment } from '../http/index.js';
import { documentForm, readUploadedFile } from '../uploads.js';
import type { SessionUser } from '../auth/index.js';
import type { SupervisionService } from './service.js';
import type { SupervisionDirectory } from './directory.js';
import type { SupervisionMeetings } from './meetings.js';
import type { SupervisionLists } from './lists.js';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, type SupervisionEvidence } from './evidence.js';
import { liaisonRoutes } from './liaison-routes.js';

// Need to know (docs/architecture.md): the joint meeting's office (the county's health bureau)
// keeps the directory, reviews, sends notices and records meetings; leaders and the system
// administrator read; liaisons (department operators) see and report on their units' tasks.
const OFFICE = { roles: SUPERVISION_OFFICE };
const READERS = { roles: SUPERVISION_READERS };
const ALL = { roles: [...SUPERVISION_READERS, ...SUPERVISION_LIAISON_ROLES] };
const LIAISONS = { roles: SUPERVISION_LIAISON_ROLES };

export const supervisionRoutes: FastifyPluginAsyncTypebox<{
  service: SupervisionService;
  directory: SupervisionDirectory;
  meetings: SupervisionMeetings;
  lists: SupervisionLists;
  evidence: SupervisionEvidence;
}> = async (app, { service, directory, meetings, lists, evidence }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });
  const tags = ['supervision'];
  const noQueryXlsx = (url: string, summary: string, name: { zh: string; en: string }, make: typeof lists.unitsXlsx) =>
    xlsxRoute(app, url, { config: READERS, tags, summary, name, workbook: (a, _q, lang) => make(a, lang) });

  app.get(
    '/api/supervision/units',
    {
      config: ALL,
      schema: { tags, summary: 'The unit directory with seats and liaisons', response: { 200: UnitList } },
    },
    (req) => directory.list(req.user!),
  );
  noQueryXlsx(
    '/api/supervision/units/export.xlsx',
    'The unit directory as XLSX (audited)',
    { zh: '单位名录', en: 'units' },
    lists.unitsXlsx,
  );
  app.post(
    '/api/supervision/units/:id/seats',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'File a change of a joint-meeting seat (备案)',
        params: IdParam,
        body: SeatChangeBody,
        response: { 200: UnitView },
      },
    },
    (req) => directory.changeSeat(actor(req), req.params.id, req.body),
  );

  await app.register(liaisonRoutes, { directory });

  app.get(
    '/api/supervision/tasks',
    {
      config: ALL,
      schema: {
        tags,
        summary: 'Key tasks (a liaison: its units’ only)',
        querystring: KeyTaskQuery,
        response: { 200: KeyTaskList },
      },
    },
    (req) => service.tasks(req.user!, req.query),
  );
  xlsxRoute(app, '/api/supervision/tasks/export.xlsx', {
    config: ALL,
    tags,
    summary: 'Key tasks as XLSX (audited)',
    querystring: KeyTaskQuery,
    name: { zh: '重点任务', en: 'key-tasks' },
    workbook: (a, q, lang) => lists.tasksXlsx(a, q, lang),
  });
  app.get(
    '/api/supervision/tasks/:id',
    {
      config: ALL,
      schema: { tags, summary: 'A key task with its reports', params: IdParam, response: { 200: KeyTaskDetail } },
    },
    (req) => service.detail(actor(req), req.params.id),
  );
  app.post(
    '/api/supervision/tasks/:id/milestones',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Set a milestone (not after the plan’s end)',
        params: IdParam,
        body: MilestoneBody,
        response: { 200: KeyTaskDetail },
      },
    },
    (req) => service.addMilestone(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision/tasks/:id/indicator',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Link the task to a scorecard indicator',
        params: IdParam,
        body: IndicatorLinkBody,
        response: { 200: KeyTaskDetail },
      },
    },
    (req) => service.linkIndicator(actor(req), req.params.id, req.body.indicator),
  );
  app.post(
    '/api/supervision/tasks/:id/notices',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Send a supervision notice (督办) to a late unit',
        params: IdParam,
        body: NoticeBody,
        response: { 200: KeyTaskDetail },
      },
    },
    (req) => service.sendNotice(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision/tasks/:id/reports',
    {
      config: LIAISONS,
      schema: {
        tags,
        summary: 'Report progress for one of your units',
        params: IdParam,
        body: ProgressReportBody,
        response: { 200: KeyTaskDetail },
      },
    },
    (req) => service.submit(actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision/evidence',
    {
      config: { ...LIAISONS, swaggerTransform: documentForm(FileForm) },
      schema: {
        tags,
        summary: 'Upload an evidence file (PDF, JPEG, PNG, 5 MB) for the next report',
        consumes: ['multipart/form-data'],
        response: { 200: EvidenceView },
      },
    },
    async (req) => {
      const file = await readUploadedFile(req, { maxBytes: MAX_EVIDENCE_BYTES, types: EVIDENCE_TYPES });
      return evidence.upload(actor(req), file);
    },
  );
  app.get(
    '/api/supervision/evidence/:id',
    {
      config: ALL,
      schema: {
        tags,
        summary: 'Download a report’s evidence file (audited)',
        params: IdParam,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) =>
      sendAttachment(reply, await evidence.download(actor(req), req.params.id), `evidence-${req.params.id}`),
  );
  app.post(
    '/api/supervision/reports/:id/accept',
    {
      config: OFFICE,
      schema: { tags, summary: 'Accept a progress report', params: IdParam, response: { 200: KeyTaskDetail } },
    },
    (req) => service.accept(actor(req), req.params.id),
  );
  app.post(
    '/api/supervision/reports/:id/send-back',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Send a report back with a reason',
        params: IdParam,
        body: SendBackReportBody,
        response: { 200: KeyTaskDetail },
      },
    },
    (req) => service.sendBack(actor(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/supervision/board',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'Red/amber/green by unit or by plan section',
        querystring: TaskBoardQuery,
        response: { 200: TaskBoard },
      },
    },
    (req) => lists.board(req.user!, req.query),
  );
  xlsxRoute(app, '/api/supervision/board/export.xlsx', {
    config: READERS,
    tags,
    summary: 'The task board as XLSX (audited)',
    querystring: TaskBoardQuery,
    name: { zh: '任务督办看板', en: 'task-board' },
    workbook: (a, q, lang) => lists.boardXlsx(a, q, lang),
  });

  app.get(
    '/api/supervision/meetings',
    {
      config: READERS,
      schema: { tags, summary: 'Joint meetings and the once-a-year rule', response: { 200: MeetingList } },
    },
    (req) => meetings.list(req.user!),
  );
  noQueryXlsx(
    '/api/supervision/meetings/export.xlsx',
    'Joint meetings as XLSX (audited)',
    { zh: '联席会议', en: 'joint-meetings' },
    lists.meetingsXlsx,
  );
  app.post(
    '/api/supervision/meetings',
    {
      config: OFFICE,
      schema: {
        tags,
        summary: 'Record a held meeting; its decisions become tasks',
        body: MeetingBody,
        response: { 200: MeetingView },
      },
    },
    (req) => meetings.record(actor(req), req.body),
  );
};
