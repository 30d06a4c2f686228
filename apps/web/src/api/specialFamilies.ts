import {
  staffRoutes as r,
  type ContactInput,
  type DecisionBody,
  type FamilySizeCheckBody,
  type ServiceInput,
  type SpecialFamilyExportQuery,
  type SpecialFamilyNeedsBody,
  type SpecialFamilyProposal,
  type SpecialFamilyQuery,
  type VisitInput,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const fetchSpecialFamilies = (query: SpecialFamilyQuery, signal?: AbortSignal) =>
  staff.call(r.specialFamilies, { query }, { signal });
export const exportSpecialFamilies = (query: SpecialFamilyExportQuery) =>
  downloadExport(r.specialFamiliesExport, { query });
export const fetchSpecialFamily = (id: number, signal?: AbortSignal) =>
  staff.call(r.specialFamily, { params: { id } }, { signal });
export const proposeSpecialFamily = (body: SpecialFamilyProposal) => staff.call(r.proposeSpecialFamily, { body });
export const decideSpecialFamily = (id: number, decision: 'confirm' | 'reject' | 'end', body: DecisionBody) =>
  staff.call(
    decision === 'confirm'
      ? r.confirmSpecialFamily
      : decision === 'reject'
        ? r.rejectSpecialFamily
        : r.endSpecialFamily,
    { params: { id }, body },
  );
export const recordVisit = (id: number, body: VisitInput) =>
  staff.call(r.recordSpecialFamilyVisit, { params: { id }, body });
export const recordService = (id: number, body: ServiceInput) =>
  staff.call(r.recordSpecialFamilyService, { params: { id }, body });
export const fetchVisitSettings = (signal?: AbortSignal) => staff.call(r.specialFamilySettings, {}, { signal });
export const saveVisitSettings = (visitIntervalMonths: number) =>
  staff.call(r.setSpecialFamilySettings, { body: { visitIntervalMonths } });
export const checkFamilySize = (body: FamilySizeCheckBody) => staff.call(r.familySizeCheck, { body });
export const setSpecialFamilyNeeds = (id: number, body: SpecialFamilyNeedsBody) =>
  staff.call(r.setSpecialFamilyNeeds, { params: { id }, body });
export const addSpecialFamilyContact = (id: number, body: ContactInput) =>
  staff.call(r.addSpecialFamilyContact, { params: { id }, body });
export const endSpecialFamilyContact = (id: number, contactId: number, body: DecisionBody) =>
  staff.call(r.endSpecialFamilyContact, { params: { id, contactId }, body });
