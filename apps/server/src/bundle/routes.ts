import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BUNDLE_DEPARTMENTS, type Role } from '@cradle/domain';
import { requestLang } from '../errors.js';
import type { FamilyServiceDeps } from '../family-deps.js';
import { createNewbornEntitlements } from '../benefits/index.js';
import {
  TaskBulkCompleteBody,
  TaskBulkCompleteResult,
  TaskCompleteBody,
  CorrectionBody,
  IdParam,
  NewbornBundle,
  NewbornBundleBody,
  NewbornBundleSummary,
  ReturnBody,
  TaskDetail,
  TaskExportQuery,
  TaskQueue,
  TaskQueueQuery,
} from '@cradle/contract';
import { createBundleFamilyService } from './service.js';
import { createBundleTaskService } from './tasks-service.js';
import { xlsxRoute } from '../exports/index.js';
import { exportTasks } from './export.js';

// Who reads the queues: the departments' operators, and county administrators and leaders, who
// oversee every department (issue 4). Only operators act, on their own department's tasks.
// Leaders see the queues' figures on the dashboard, not the families (need to know, issue 11).
const READERS: readonly Role[] = ['departmentOperator', 'countyAdmin'];
const OPERATORS: readonly Role[] = ['departmentOperator'];

/** The newborn bundle (出生一件事): the family's application and the department operators' queues. */
export const bundleRoutes: FastifyPluginAsyncTypebox<FamilyServiceDeps> = async (app, deps) => {
  const entitlements = createNewbornEntitlements(deps.database, app.log);
  const family = createBundleFamilyService(deps);
  const tasks = createBundleTaskService(deps, entitlements);
  // 免申即享 events left unhandled by a crash or a failure: caught up at every start, in the background.
  app.addHook('onReady', async () => entitlements.catchUpSoon());
  app.addHook('onClose', async () => entitlements.idle());

  const portal = { tags: ['portal'] };
  // Our cap: a family submits once per birth (twins twice), so ten an hour per resident is ample;
  // it holds back a script filling the departments' queues or trying names and ID numbers.
  const submitLimit = {
    max: 10,
    timeWindow: '1 hour',
    keyGenerator: (req: FastifyRequest) => `newbornBundle:${req.resident?.id ?? req.ip}`,
  };
  app.post(
    '/api/portal/newborn-bundles',
    {
      config: { resident: true, rateLimit: submitLimit },
      schema: {
        ...portal,
        summary: 'Submit a newborn bundle: one form, a task per chosen service',
        body: NewbornBundleBody,
        response: { 201: NewbornBundle },
      },
    },
    async (req, reply) => reply.status(201).send(await family.submit(req.resident!, req.body, req.ip)),
  );
  app.get(
    '/api/portal/newborn-bundles',
    {
      config: { resident: true },
      schema: {
        ...portal,
        summary: "The resident's newborn bundles with each task's status",
        response: { 200: Type.Array(NewbornBundleSummary) },
      },
    },
    (req) => family.list(req.resident!),
  );
  app.get(
    '/api/portal/newborn-bundles/:id',
    {
      config: { resident: true },
      schema: {
        ...portal,
        summary: 'A newborn bundle: each department’s progress, results, returns, 免申即享',
        params: IdParam,
        response: { 200: NewbornBundle },
      },
    },
    (req) => family.detail(req.resident!, req.params.id, req.ip),
  );
  app.post(
    '/api/portal/newborn-bundles/:id/corrections',
    {
      config: { resident: true },
      schema: {
        ...portal,
        summary: 'Correct the fields a department returned; only that task goes back to it',
        params: IdParam,
        body: CorrectionBody,
        response: { 200: NewbornBundle },
      },
    },
    (req) => family.correct(req.resident!, req.params.id, req.body, req.ip),
  );

  const staff = { tags: ['bundle'] };
  app.get(
    '/api/bundle-tasks',
    {
      config: { roles: READERS, departments: BUNDLE_DEPARTMENTS },
      schema: {
        ...staff,
        summary: "Your department's newborn-bundle tasks in your jurisdiction, with deadlines and counts",
        querystring: TaskQueueQuery,
        response: { 200: TaskQueue },
      },
    },
    (req) => tasks.queue(req.user!, req.query),
  );
  xlsxRoute(app, '/api/bundle-tasks/export.xlsx', {
    config: { roles: READERS, departments: BUNDLE_DEPARTMENTS },
    ...staff,
    summary: "Your department's queue with its filters as XLSX (streamed; audited)",
    querystring: TaskExportQuery,
    name: { zh: '出生一件事', en: 'newborn-bundle-tasks' },
    workbook: (a, q, lang) => exportTasks(deps.database, tasks, a.user, a.clientIp, q, lang),
  });
  app.post(
    '/api/bundle-tasks/bulk-complete',
    {
      config: { roles: OPERATORS, departments: BUNDLE_DEPARTMENTS },
      schema: {
        ...staff,
        summary:
          'Complete tasks that need no input (vaccination record, card; insurance enrolled today); per id done or skipped',
        body: TaskBulkCompleteBody,
        response: { 200: TaskBulkCompleteResult },
      },
    },
    (req) => tasks.bulkComplete(req.user!, req.body.ids, req.ip, requestLang(req)),
  );
  app.get(
    '/api/bundle-tasks/:id',
    {
      config: { roles: READERS, departments: BUNDLE_DEPARTMENTS },
      schema: {
        ...staff,
        summary: 'A task with the shared bundle data (masked ID numbers); audited',
        params: IdParam,
        response: { 200: TaskDetail },
      },
    },
    (req) => tasks.detail(req.user!, req.params.id, req.ip),
  );
  app.post(
    '/api/bundle-tasks/:id/complete',
    {
      config: { roles: OPERATORS, departments: BUNDLE_DEPARTMENTS },
      schema: {
        ...staff,
        summary:
          "Complete your department's task with its result (hukou: the newborn's ID number, registered in the registry)",
        params: IdParam,
        body: TaskCompleteBody,
        response: { 200: TaskDetail },
      },
    },
    (req) => tasks.complete(req.user!, req.params.id, req.body, req.ip),
  );
  app.post(
    '/api/bundle-tasks/:id/return',
    {
      config: { roles: OPERATORS, departments: BUNDLE_DEPARTMENTS },
      schema: {
        ...staff,
        summary: 'Return the task to the family for correction, with a reason and the fields to fix',
        params: IdParam,
        body: ReturnBody,
        response: { 200: TaskDetail },
      },
    },
    (req) => tasks.returnTask(req.user!, req.params.id, req.body, req.ip),
  );
};
