import { IdParam, XlsxFile } from './common.js';
import { route } from './route.js';
import * as S from './supervision.js';

// The console's plan-supervision routes (issue 15). Evidence upload is multipart, called through
// the client's upload() as imports are.
export const supervisionRoutes = {
  supervisionUnits: route({ method: 'GET', path: '/api/supervision/units', response: S.UnitList }),
  supervisionUnitsExport: route({ method: 'GET', path: '/api/supervision/units/export.xlsx', response: XlsxFile }),
  changeSeat: route({
    method: 'POST',
    path: '/api/supervision/units/:id/seats',
    params: IdParam,
    body: S.SeatChangeBody,
    response: S.UnitView,
  }),
  liaisonCandidates: route({
    method: 'GET',
    path: '/api/supervision/liaison-candidates',
    response: S.LiaisonCandidateList,
  }),
  nameLiaison: route({
    method: 'POST',
    path: '/api/supervision/units/:id/liaisons',
    params: IdParam,
    body: S.LiaisonBody,
    response: S.UnitView,
  }),
  removeLiaison: route({
    method: 'DELETE',
    path: '/api/supervision/units/:id/liaisons/:userId',
    params: S.LiaisonParams,
    response: S.UnitView,
  }),
  supervisionTasks: route({
    method: 'GET',
    path: '/api/supervision/tasks',
    query: S.KeyTaskQuery,
    response: S.KeyTaskList,
  }),
  supervisionTasksExport: route({
    method: 'GET',
    path: '/api/supervision/tasks/export.xlsx',
    query: S.KeyTaskQuery,
    response: XlsxFile,
  }),
  supervisionTask: route({
    method: 'GET',
    path: '/api/supervision/tasks/:id',
    params: IdParam,
    response: S.KeyTaskDetail,
  }),
  addMilestone: route({
    method: 'POST',
    path: '/api/supervision/tasks/:id/milestones',
    params: IdParam,
    body: S.MilestoneBody,
    response: S.KeyTaskDetail,
  }),
  linkIndicator: route({
    method: 'POST',
    path: '/api/supervision/tasks/:id/indicator',
    params: IdParam,
    body: S.IndicatorLinkBody,
    response: S.KeyTaskDetail,
  }),
  sendNotice: route({
    method: 'POST',
    path: '/api/supervision/tasks/:id/notices',
    params: IdParam,
    body: S.NoticeBody,
    response: S.KeyTaskDetail,
  }),
  submitProgress: route({
    method: 'POST',
    path: '/api/supervision/tasks/:id/reports',
    params: IdParam,
    body: S.ProgressReportBody,
    response: S.KeyTaskDetail,
  }),
  acceptProgress: route({
    method: 'POST',
    path: '/api/supervision/reports/:id/accept',
    params: IdParam,
    response: S.KeyTaskDetail,
  }),
  sendBackProgress: route({
    method: 'POST',
    path: '/api/supervision/reports/:id/send-back',
    params: IdParam,
    body: S.SendBackReportBody,
    response: S.KeyTaskDetail,
  }),
  supervisionBoard: route({
    method: 'GET',
    path: '/api/supervision/board',
    query: S.TaskBoardQuery,
    response: S.TaskBoard,
  }),
  supervisionBoardExport: route({
    method: 'GET',
    path: '/api/supervision/board/export.xlsx',
    query: S.TaskBoardQuery,
    response: XlsxFile,
  }),
  supervisionMeetings: route({ method: 'GET', path: '/api/supervision/meetings', response: S.MeetingList }),
  supervisionMeetingsExport: route({
    method: 'GET',
    path: '/api/supervision/meetings/export.xlsx',
    response: XlsxFile,
  }),
  recordMeeting: route({
    method: 'POST',
    path: '/api/supervision/meetings',
    body: S.MeetingBody,
    response: S.MeetingView,
  }),
};
