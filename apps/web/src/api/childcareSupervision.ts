import {
  staffRoutes as r,
  type EmergencyClosureBody,
  type IncidentBody,
  type InspectionBody,
  type RatingBody,
  type RectificationExportQuery,
  type RectificationQuery,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

// Childcare supervision (issue 14): inspections, rectifications, ratings, incidents, closure.
export const fetchSupervised = (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
  staff.call(r.supervisedInstitutions, { query }, { signal });
export const exportSupervised = () => downloadExport(r.supervisedInstitutionsExport, {});
export const fetchSupervision = (id: number, signal?: AbortSignal) =>
  staff.call(r.institutionSupervision, { params: { id } }, { signal });
export const recordInspection = (body: InspectionBody) => staff.call(r.recordInspection, { body });
export const fetchRectifications = (query: RectificationQuery, signal?: AbortSignal) =>
  staff.call(r.rectifications, { query }, { signal });
export const exportRectifications = (query: RectificationExportQuery) =>
  downloadExport(r.rectificationsExport, { query });
export const reportRectification = (id: number, note: string) =>
  staff.call(r.reportRectification, { params: { id }, body: { note } });
export const recordRating = (body: RatingBody) => staff.call(r.recordRating, { body });
export const recordIncident = (body: IncidentBody) => staff.call(r.recordIncident, { body });
export const fetchIncidents = (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
  staff.call(r.incidents, { query }, { signal });
export const exportIncidents = () => downloadExport(r.incidentsExport, {});
export const fetchSafetyRecord = (year: number, signal?: AbortSignal) =>
  staff.call(r.safetyRecord, { query: { year } }, { signal });
export const closeInEmergency = (id: number, body: EmergencyClosureBody) =>
  staff.call(r.emergencyClosure, { params: { id }, body });
// One institution's supervision page: each of its tables as XLSX (audited on the server).
export const exportInstitutionInspections = (id: number) =>
  downloadExport(r.institutionInspectionsExport, { params: { id } });
export const exportInstitutionRectifications = (id: number) =>
  downloadExport(r.institutionRectificationsExport, { params: { id } });
export const exportInstitutionRatings = (id: number) => downloadExport(r.institutionRatingsExport, { params: { id } });
export const exportInstitutionIncidents = (id: number) =>
  downloadExport(r.institutionIncidentsExport, { params: { id } });
