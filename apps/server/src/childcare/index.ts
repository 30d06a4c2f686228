// The childcare module's public surface (see .dependency-cruiser.cjs).
export { childcareRoutes } from './routes.js';
export { createChildcareService, type ChildcareService } from './service.js';
export { createChildcareLists } from './lists.js';
export { createChildcareDocuments } from './documents.js';
export { childcareSupervisionRoutes } from './supervision-routes.js';
export { createSupervisionService } from './supervision.js';
export { createSupervisionLists } from './supervision-lists.js';
export { createDocumentDownload } from './document-download.js';
export { flagOverdueRectifications, RECTIFICATION_OVERDUE_KIND, startDailyOverdueRectifications } from './overdue.js';
export { majorIncidentsIn } from './safety-record.js';
