import { IdParam, XlsxFile } from './common.js';
import { route } from './route.js';
import * as C from './childcare.js';

// The console's childcare routes (issue 14): the institution's own account, the county's review,
// and the readers' lists. The public disclosure is in portal-routes.ts; the document upload is
// multipart, called through the client's upload() as imports are.
export const childcareRoutes = {
  ownInstitutions: route({ method: 'GET', path: '/api/childcare/my-institutions', response: C.OwnInstitutions }),
  submitFiling: route({
    method: 'POST',
    path: '/api/childcare/filings',
    body: C.FilingSubmitBody,
    response: C.InstitutionDetail,
  }),
  fileClosure: route({
    method: 'POST',
    path: '/api/childcare/institutions/:id/closure',
    params: IdParam,
    body: C.ClosureBody,
    response: C.InstitutionDetail,
  }),
  filingQueue: route({
    method: 'GET',
    path: '/api/childcare/filings',
    query: C.FilingQueueQuery,
    response: C.FilingQueuePage,
  }),
  filingQueueExport: route({
    method: 'GET',
    path: '/api/childcare/filings/export.xlsx',
    query: C.FilingQueueExportQuery,
    response: XlsxFile,
  }),
  completeFiling: route({
    method: 'POST',
    path: '/api/childcare/filings/:id/complete',
    params: IdParam,
    response: C.InstitutionDetail,
  }),
  sendBackFiling: route({
    method: 'POST',
    path: '/api/childcare/filings/:id/send-back',
    params: IdParam,
    body: C.SendBackBody,
    response: C.InstitutionDetail,
  }),
  childcareInstitutions: route({
    method: 'GET',
    path: '/api/childcare/institutions',
    query: C.InstitutionQuery,
    response: C.InstitutionPage,
  }),
  childcareInstitutionsExport: route({
    method: 'GET',
    path: '/api/childcare/institutions/export.xlsx',
    query: C.InstitutionExportQuery,
    response: XlsxFile,
  }),
  childcareInstitution: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id',
    params: IdParam,
    response: C.InstitutionDetail,
  }),
};
