import {
  staffRoutes as r,
  type EvidenceView,
  type KeyTaskQuery,
  type MeetingBody,
  type MilestoneBody,
  type NoticeBody,
  type ProgressReportBody,
  type SeatChangeBody,
  type TaskBoardQuery,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

// Plan supervision (issue 15): units, key tasks, reports, the board and the joint meeting.
export const fetchUnits = (signal?: AbortSignal) => staff.call(r.supervisionUnits, {}, { signal });
export const exportUnits = () => downloadExport(r.supervisionUnitsExport, {});
export const fetchKeyTasks = (query: KeyTaskQuery, signal?: AbortSignal) =>
  staff.call(r.supervisionTasks, { query }, { signal });
export const exportKeyTasks = (query: KeyTaskQuery) => downloadExport(r.supervisionTasksExport, { query });
export const fetchKeyTask = (id: number, signal?: AbortSignal) =>
  staff.call(r.supervisionTask, { params: { id } }, { signal });
export const addMilestone = (id: number, body: MilestoneBody) => staff.call(r.addMilestone, { params: { id }, body });
export const linkIndicator = (id: number, indicator: string | null) =>
  staff.call(r.linkIndicator, { params: { id }, body: { indicator } });
export const sendNotice = (id: number, body: NoticeBody) => staff.call(r.sendNotice, { params: { id }, body });
export const submitProgress = (id: number, body: ProgressReportBody) =>
  staff.call(r.submitProgress, { params: { id }, body });
export const acceptProgress = (id: number) => staff.call(r.acceptProgress, { params: { id } });
export const sendBackProgress = (id: number, reason: string) =>
  staff.call(r.sendBackProgress, { params: { id }, body: { reason } });
export function uploadEvidence(file: File): Promise<EvidenceView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return staff.upload<EvidenceView>('/api/supervision/evidence', form);
}
export const fetchBoard = (query: TaskBoardQuery, signal?: AbortSignal) =>
  staff.call(r.supervisionBoard, { query }, { signal });
export const exportBoard = (query: TaskBoardQuery) => downloadExport(r.supervisionBoardExport, { query });
export const fetchMeetings = (signal?: AbortSignal) => staff.call(r.supervisionMeetings, {}, { signal });
export const exportMeetings = () => downloadExport(r.supervisionMeetingsExport, {});
export const recordMeeting = (body: MeetingBody) => staff.call(r.recordMeeting, { body });
export const changeSeat = (id: number, body: SeatChangeBody) => staff.call(r.changeSeat, { params: { id }, body });
export const fetchLiaisonCandidates = (signal?: AbortSignal) => staff.call(r.liaisonCandidates, {}, { signal });
export const nameLiaison = (id: number, userId: number) =>
  staff.call(r.nameLiaison, { params: { id }, body: { userId } });
export const removeLiaison = (id: number, userId: number) => staff.call(r.removeLiaison, { params: { id, userId } });
