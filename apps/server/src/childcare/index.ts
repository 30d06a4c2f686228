// The childcare module's public surface (see .dependency-cruiser.cjs).
export { childcareRoutes } from './routes.js';
export { createChildcareService, type ChildcareService } from './service.js';
export { createChildcareLists } from './lists.js';
export { createChildcareDocuments } from './documents.js';
