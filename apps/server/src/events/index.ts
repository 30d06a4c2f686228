// The life events module's public surface (see .dependency-cruiser.cjs).
export { EVENT_IMPORT_KIND, runEventImport, type EventImportDeps, type EventImportPayload } from './import-job.js';
export { formSender } from './service.js';
