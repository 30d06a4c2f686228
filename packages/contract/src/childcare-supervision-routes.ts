import { IdParam, XlsxFile } from './common.js';
import { route } from './route.js';
import * as S from './childcare-supervision.js';

// The console's childcare supervision routes (issue 14): inspections, rectifications, ratings,
// incidents, the emergency closure and the three-year safety record.
export const childcareSupervisionRoutes = {
  supervisedInstitutions: route({
    method: 'GET',
    path: '/api/childcare/supervision',
    query: S.SupervisedQuery,
    response: S.SupervisedPage,
  }),
  supervisedInstitutionsExport: route({
    method: 'GET',
    path: '/api/childcare/supervision/export.xlsx',
    response: XlsxFile,
  }),
  institutionSupervision: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id/supervision',
    params: IdParam,
    response: S.SupervisionView,
  }),
  institutionInspectionsExport: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id/inspections/export.xlsx',
    params: IdParam,
    response: XlsxFile,
  }),
  institutionRectificationsExport: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id/rectifications/export.xlsx',
    params: IdParam,
    response: XlsxFile,
  }),
  institutionRatingsExport: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id/ratings/export.xlsx',
    params: IdParam,
    response: XlsxFile,
  }),
  institutionIncidentsExport: route({
    method: 'GET',
    path: '/api/childcare/institutions/:id/incidents/export.xlsx',
    params: IdParam,
    response: XlsxFile,
  }),
  recordInspection: route({
    method: 'POST',
    path: '/api/childcare/inspections',
    body: S.InspectionBody,
    response: S.SupervisionView,
  }),
  rectifications: route({
    method: 'GET',
    path: '/api/childcare/rectifications',
    query: S.RectificationQuery,
    response: S.RectificationPage,
  }),
  rectificationsExport: route({
    method: 'GET',
    path: '/api/childcare/rectifications/export.xlsx',
    query: S.RectificationExportQuery,
    response: XlsxFile,
  }),
  reportRectification: route({
    method: 'POST',
    path: '/api/childcare/rectifications/:id/report',
    params: IdParam,
    body: S.RectificationReportBody,
    response: S.SupervisionView,
  }),
  recordRating: route({
    method: 'POST',
    path: '/api/childcare/ratings',
    body: S.RatingBody,
    response: S.SupervisionView,
  }),
  recordIncident: route({
    method: 'POST',
    path: '/api/childcare/incidents',
    body: S.IncidentBody,
    response: S.SupervisionView,
  }),
  incidents: route({
    method: 'GET',
    path: '/api/childcare/incidents',
    query: S.IncidentQuery,
    response: S.IncidentPage,
  }),
  incidentsExport: route({ method: 'GET', path: '/api/childcare/incidents/export.xlsx', response: XlsxFile }),
  safetyRecord: route({
    method: 'GET',
    path: '/api/childcare/safety-record',
    query: S.SafetyRecordQuery,
    response: S.SafetyRecord,
  }),
  emergencyClosure: route({
    method: 'POST',
    path: '/api/childcare/institutions/:id/emergency-closure',
    params: IdParam,
    body: S.EmergencyClosureBody,
    response: S.SupervisionView,
  }),
};
