import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Keys } from './crypto/keys.js';
import { createPii } from './crypto/pii.js';
import { commonError, registerErrorHandler, sendError } from './errors.js';
import { registerConsole, registerSecurityHeaders } from './http/index.js';
import { registerSessionHook } from './auth/session.js';
import { createAuthService } from './auth/service.js';
import { authRoutes } from './auth/routes.js';
import { waitText } from './auth/errors.js';
import { auditRoutes } from './audit/routes.js';
import { createRegionService } from './regions/service.js';
import { regionRoutes } from './regions/routes.js';
import { createRegistryService } from './registry/service.js';
import { registryRoutes } from './registry/routes.js';
import { importRoutes } from './registry/import-routes.js';
import { createImportService } from './registry/import/service.js';
import { createDashboardService } from './dashboard/service.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { createProjectionService } from './projection/service.js';
import { projectionRoutes } from './projection/routes.js';
import { createScorecardService, scorecardRoutes } from './monitoring/index.js';
import { systemRoutes } from './system/routes.js';
import { benefitsRoutes } from './benefits/routes.js';
import { createBenefitsService } from './benefits/service.js';
import { createVersionService } from './benefits/versions-service.js';
import { paymentFileRoutes } from './benefits/payment-file-routes.js';
import { batchReviewRoutes } from './benefits/batch-review-routes.js';
import { createInstitutionAwards } from './benefits/institution-awards.js';
import { institutionAwardRoutes } from './benefits/institution-awards-routes.js';
import { createBatchReview } from './benefits/batch-review.js';
import { createRosterService } from './benefits/roster.js';
import { writeXlsxFile } from './spreadsheet/index.js';
import { createPhoneCodeProvider } from './portal/identity.js';
import { portalAuthRoutes } from './portal/routes.js';
import { createPortalService } from './portal/service.js';
import { registerResidentSessionHook } from './portal/session.js';
import { createLogSmsSender, type SmsSender } from './notifications/sms.js';
import { createCalendarService } from './calendar/service.js';
import { calendarRoutes } from './calendar/routes.js';
import { notificationDispatcher } from './notifications/dispatcher.js';
import { createJobRunner } from './jobs/runner.js';
import { startAuditSealer } from './audit/sealer.js';
import { registerJobKinds } from './jobs/kinds/index.js';
import { createNotificationService } from './notifications/service.js';
import { notificationRoutes } from './notifications/routes.js';
import { registrationRoutes } from './registration/routes.js';
import { bundleRoutes } from './bundle/routes.js';
import { eventRoutes } from './events/routes.js';
import {
  childcareRoutes,
  createChildcareDocuments,
  createChildcareLists,
  createChildcareService,
  childcareSupervisionRoutes,
  createDocumentDownload,
  createSupervisionLists,
  createSupervisionService,
  startDailyOverdueRectifications,
} from './childcare/index.js';
import { serviceEventRoutes } from './events/service-routes.js';
import { createEventService } from './events/service.js';
import { createEventImports } from './events/imports.js';
import { createServiceAccounts } from './events/service-accounts.js';
import { createPlanService } from './monitoring/plans-service.js';
import { planRoutes } from './monitoring/plans-routes.js';
import { createReportedService } from './monitoring/reported-service.js';
import { reportedRoutes } from './monitoring/reported-routes.js';
import { createWarningService } from './monitoring/warnings-service.js';
import { warningRoutes } from './monitoring/warnings-routes.js';
import { listPlans, startDailyWarnings } from './monitoring/index.js';
import { createSpecialFamilyService } from './special-families/service.js';
import { createFamilySizeCheck } from './special-families/family-size.js';
import { specialFamilyRoutes } from './special-families/routes.js';
import { startDailyOverdueVisits } from './special-families/index.js';
import * as supervision from './supervision/index.js';
import {
  annualReportRoutes,
  createAnnualReportService,
  createCountySummary,
  startDailyOverdueReports,
  summaryTasksFrom,
  type FigureSources,
} from './annual-reports/index.js';
import {
  createRectification,
  createSelfEvaluationService,
  selfEvaluationRoutes,
  unitChoices,
} from './self-evaluation/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
}

export interface AppContext {
  config: Config;
  database: Database;
  keys: Keys;
  logger?: boolean | { level: string };
  /** Where text messages go; the development sink (the server log) by default. */
  sms?: SmsSender;
  /**
   * How often the job runner sweeps for work left behind (retries come due, claims whose process
   * died, text messages not kicked); 0 for none (tests). Kicks still run work at once.
   */
  notificationSweepMs?: number;
  /** The clock of the payment batches' review (notice days, approval): tests move it, nothing waits. */
  now?: () => Date;
}

/** The largest import file the console accepts (a million rows of CSV is about 120 MB). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config, database, keys } = ctx;
  const app = Fastify({
    logger: ctx.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A URL the router cannot decode (a lone surrogate's bytes, %ED%A0%80) is answered like any
    // other refusal, before a route or the error handler exists for it.
    frameworkErrors: sendError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // First, so every response carries them, whatever plugin or hook answers it.
  registerSecurityHeaders(app);
  await app.register(cookie);
  // Per-address limits on the routes that ask for them: a cheap bound on work, not a guard on
  // guessing (auth/throttle.ts). Every 429 says how long to wait: the plugin sets Retry-After,
  // and the message and details name the same seconds.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      const wait = waitText(seconds);
      return commonError(
        'rateLimited',
        { retryAfterSeconds: seconds },
        { zh: `操作过于频繁，${wait.zh}`, en: `Too many requests; ${wait.en}` },
      );
    },
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Cradle 人口家庭服务平台 API',
        version: '0.1.0',
        description:
          'Generated from the route schemas. Mutating requests need the x-csrf-token header from /api/auth/login or /api/auth/me.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cradle_session' },
          // A department system's service account (/api/service/…, events/service-routes.ts).
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }],
    },
  });
  // The documentation is a page of its own: swagger-ui's scripts and styles from here, its
  // inline styles and data: images allowed, and framed by no one.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  });

  // Every route, for the jurisdiction walk test and the API docs.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('routeList', routes);

  registerErrorHandler(app);
  registerSessionHook(app, database, config.sessionIdleMinutes);
  registerResidentSessionHook(app, database, config.sessionIdleMinutes);

  const pii = createPii(keys);
  const regions = await createRegionService(database);
  const auth = createAuthService(database, keys, config.scopeCode);
  const registry = createRegistryService(database, pii, regions);
  const dashboard = createDashboardService(database, regions);
  const scorecard = createScorecardService(database, regions, ctx.now);
  const sms = ctx.sms ?? createLogSmsSender(app.log);
  const portal = createPortalService(
    database,
    keys,
    createPhoneCodeProvider(database, keys, sms),
    regions,
    config.scopeCode,
  );
  const calendar = await createCalendarService(database);
  const notifications = createNotificationService(database);
  const importDeps = { database, pii, regionExists: regions.exists, logger: app.log };
  const now = ctx.now ?? (() => new Date());
  const jobs = registerJobKinds(createJobRunner({ database, log: app.log }), {
    database,
    keys,
    sms,
    imports: importDeps,
    pii,
    log: app.log,
    now,
  });
  const dispatcher = notificationDispatcher(jobs);
  const imports = createImportService({ ...importDeps, jobs });
  await imports.failInterrupted();
  jobs.start(ctx.notificationSweepMs);
  // Tests run the runner by hand (no sweep): no daily evaluation either.
  const stopDailyWarnings =
    ctx.notificationSweepMs === 0
      ? () => undefined
      : startDailyWarnings(database, jobs, config.scopeCode, now, app.log);
  const stopDailyOverdue =
    ctx.notificationSweepMs === 0
      ? () => undefined
      : startDailyOverdueVisits(database, jobs, config.scopeCode, now, app.log);
  const stopDailyRectifications =
    ctx.notificationSweepMs === 0
      ? () => undefined
      : startDailyOverdueRectifications(database, jobs, config.scopeCode, now, app.log);
  const stopDailyOverdueReports =
    ctx.notificationSweepMs === 0
      ? () => undefined
      : startDailyOverdueReports(database, jobs, config.scopeCode, now, app.log);
  const benefits = createBenefitsService(database, jobs, now);
  const batchReview = createBatchReview({ database, calendar, now });
  const paymentFilesDir = path.join(config.dataDir, 'payment-files');
  const versions = createVersionService(database);
  const anchors = { key: keys.auditSealing, file: config.auditAnchorFile };
  const sealer = startAuditSealer(database, anchors, config.auditSealSeconds * 1000, app.log);
  app.addHook('onClose', async () => {
    await sealer.stop();
    stopDailyWarnings();
    stopDailyOverdue();
    stopDailyRectifications();
    stopDailyOverdueReports();
    await jobs.stop();
    await pii.close();
  });

  await app.register(systemRoutes, {
    regions,
    scopeCode: config.scopeCode,
    demo: config.demo,
    database: database.kind,
  });
  await app.register(authRoutes, { auth, regions, secureCookies: config.secureCookies });
  await app.register(regionRoutes, { regions });
  await app.register(registryRoutes, { registry });
  await app.register(importRoutes, { imports, uploadDir: path.join(config.dataDir, 'uploads') });
  await app.register(dashboardRoutes, { dashboard });
  await app.register(projectionRoutes, { projection: createProjectionService(database, regions, now) });
  await app.register(scorecardRoutes, { scorecard });
  await app.register(auditRoutes, {
    database,
    anchors,
    xlsx: { write: writeXlsxFile, workDir: path.join(config.dataDir, 'exports') },
  });
  await app.register(benefitsRoutes, { benefits, versions });
  await app.register(paymentFileRoutes, { database, pii, keys, workDir: paymentFilesDir });
  await app.register(batchReviewRoutes, {
    review: batchReview,
    roster: createRosterService(database, paymentFilesDir),
    benefits,
  });

  await app.register(portalAuthRoutes, { portal, secureCookies: config.secureCookies, database });
  await app.register(notificationRoutes, { notifications });
  await app.register(calendarRoutes, { calendar });
  const familyDeps = { database, keys, pii, regions, calendar, dispatcher, publicUrl: config.publicUrl };
  await app.register(registrationRoutes, familyDeps);
  await app.register(bundleRoutes, familyDeps);
  const events = createEventService(database, pii, now, jobs);
  await app.register(eventRoutes, {
    events,
    imports: createEventImports(database, jobs),
    accounts: createServiceAccounts(database),
    uploadDir: path.join(config.dataDir, 'uploads'),
  });
  await app.register(serviceEventRoutes, { database, events });
  await app.register(planRoutes, { plans: createPlanService(database) });
  await app.register(reportedRoutes, { reported: createReportedService(database, jobs, now), database });
  await app.register(warningRoutes, { warnings: createWarningService(database), database });
  await app.register(specialFamilyRoutes, {
    families: createSpecialFamilyService(database, pii, now),
    checkFamilySize: createFamilySizeCheck(database, pii, now),
  });
  const childcare = createChildcareService({ database, calendar, regions, now });
  await app.register(childcareRoutes, {
    childcare,
    lists: createChildcareLists({ database, regions, today: childcare.today }),
    documents: createChildcareDocuments(database, keys),
  });
  const childcareSupervision = createSupervisionService({ database, regions, now });
  await app.register(childcareSupervisionRoutes, {
    supervision: childcareSupervision,
    lists: createSupervisionLists({ database, regions, svc: childcareSupervision }),
    download: createDocumentDownload(database, keys),
  });
  await app.register(institutionAwardRoutes, { awards: createInstitutionAwards(database, now) });
  const supervisionService = supervision.createSupervisionService({ database, scorecard, now });
  const supervisionDirectory = supervision.createSupervisionDirectory(database);
  const supervisionMeetings = supervision.createSupervisionMeetings(database, now);
  await app.register(supervision.supervisionRoutes, {
    service: supervisionService,
    directory: supervisionDirectory,
    meetings: supervisionMeetings,
    lists: supervision.createSupervisionLists({
      database,
      service: supervisionService,
      directory: supervisionDirectory,
      meetings: supervisionMeetings,
    }),
    evidence: supervision.createSupervisionEvidence(database, keys),
  });

  // Annual reports (issue 15) read their figures through the dashboard and the scorecard.
  const figureSources: FigureSources = {
    dashboard: (user, region) => dashboard.get(user, region, now()),
    planCode: async (region) => (await listPlans(database, region)).at(-1)?.code ?? null,
    scorecard: (user, q) => scorecard.scorecard(user, q),
  };
  const annualReports = createAnnualReportService({ database, regions, sources: figureSources, now });
  await app.register(annualReportRoutes, {
    reports: annualReports,
    summary: createCountySummary({
      database,
      regions,
      reports: annualReports,
      sources: figureSources,
      tasks: summaryTasksFrom(supervisionService),
      now,
    }),
  });

  // The 003 self-evaluation (issue 15) reads registry quality as the dashboard shows it.
  const selfEvaluations = createSelfEvaluationService({
    database,
    keys,
    regions,
    now,
    quality: async (user, region) => {
      const d = await dashboard.get(user, region, now());
      return { ...d.quality, residents: d.population.total };
    },
    units: unitChoices(database),
  });
  await app.register(selfEvaluationRoutes, {
    evaluations: selfEvaluations,
    rectify: createRectification(database),
    now,
  });

  registerConsole(app, config.webDist);
  return app;
}
